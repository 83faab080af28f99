using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SupportBot.Channels.Telegram.Delivery;
using SupportBot.Core.Catalog;
using SupportBot.Core.Handoff;
using SupportBot.Core.Routing;
using SupportBot.Core.Storage;
using SupportBot.Core.Tickets;
using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace SupportBot.Channels.Telegram.Agents;

/// <summary>One forum topic per ticket in the agent group. Creating a ticket's topic happens under the ticket's lock,
/// so two events at once create one topic; a topic an admin deleted is created again (and relinked) the next time
/// something is posted to it.</summary>
internal sealed class AgentTopics
{
    public const string LinkChannel = "telegram";

    private readonly TelegramMessenger _messenger;
    private readonly IChannelStateStore _state;
    private readonly TicketDesk _desk;
    private readonly DialogCatalog _catalog;
    private readonly TelegramOptions _options;
    private readonly ILogger<AgentTopics> _log;
    private readonly KeyedLock<long> _locks = new();

    public AgentTopics(
        TelegramMessenger messenger,
        IChannelStateStore state,
        TicketDesk desk,
        DialogCatalog catalog,
        IOptions<TelegramOptions> options,
        ILogger<AgentTopics> log)
    {
        _messenger = messenger;
        _state = state;
        _desk = desk;
        _catalog = catalog;
        _options = options.Value;
        _log = log;
    }

    public bool Enabled => _options.AgentChatId is not null;

    public string Locale => _options.AgentLocale;

    /// <summary>The agent group's id now (after a migration to a supergroup, the new one).</summary>
    public async Task<long?> AgentChatAsync(CancellationToken ct) =>
        _options.AgentChatId is { } configured ? await _messenger.Migrations.ResolveAsync(configured, ct) : null;

    /// <summary>The ticket's topic, created (with the ticket's summary) if it has none.</summary>
    public async Task<long?> EnsureTopicAsync(long number, CancellationToken ct) =>
        await EnsureTopicAsync(number, deadTopic: null, ct);

    /// <summary>Posts <paramref name="text"/> (plain) in the ticket's topic, recreating a deleted topic.</summary>
    public async Task PostAsync(long number, string text, CancellationToken ct)
    {
        if (await AgentChatAsync(ct) is not { } chat)
        {
            return;
        }

        var topic = await EnsureTopicAsync(number, null, ct);
        if (topic is null)
        {
            return;
        }

        try
        {
            await _messenger.SendAsync(chat, topic, text, [], ct: ct);
        }
        catch (ApiRequestException ex) when (IsTopicGone(ex))
        {
            _log.LogInformation("The topic of ticket {Number} is gone; creating it again.", number);
            topic = await EnsureTopicAsync(number, topic, ct);
            if (topic is not null)
            {
                await _messenger.SendAsync(chat, topic, text, [], ct: ct);
            }
        }
    }

    /// <summary>Posts in a topic by its id (answers to an agent's command).</summary>
    public async Task AnswerAsync(long topic, string text, CancellationToken ct)
    {
        if (await AgentChatAsync(ct) is { } chat)
        {
            await _messenger.SendAsync(chat, topic, text, [], ct: ct);
        }
    }

    public static bool IsTopicGone(ApiRequestException ex) =>
        ex.ErrorCode == 400
        && (ex.Message.Contains("thread not found", StringComparison.OrdinalIgnoreCase)
            || ex.Message.Contains("TOPIC_DELETED", StringComparison.OrdinalIgnoreCase)
            || ex.Message.Contains("TOPIC_ID_INVALID", StringComparison.OrdinalIgnoreCase));

    private async Task<long?> EnsureTopicAsync(long number, long? deadTopic, CancellationToken ct)
    {
        if (await AgentChatAsync(ct) is not { } chat)
        {
            return null;
        }

        using var held = await _locks.AcquireAsync(number, ct);
        var linked = await _state.GetTicketLinkAsync(LinkChannel, number, ct);
        if (linked is not null
            && long.TryParse(linked, NumberStyles.None, CultureInfo.InvariantCulture, out var existing)
            && existing != deadTopic)
        {
            return existing;
        }

        var view = await _desk.GetAsync(number, ct);
        if (view is null)
        {
            return null;
        }

        var ticket = view.Ticket;
        var problem = ProblemTitle(ticket);
        var name = _catalog.Text(TelegramTexts.TopicName).Format(
            Locale, ("number", Number(ticket)), ("problem", problem));
        if (name.Length > 128)
        {
            name = name[..128];
        }

        var created = await _messenger.Client.CreateForumTopic(chat, name, IconColor(ticket.Priority), cancellationToken: ct);
        await _state.SetTicketLinkAsync(
            LinkChannel, number, created.MessageThreadId.ToString(CultureInfo.InvariantCulture), ct);
        _log.LogInformation("Ticket {Number} has forum topic {Topic} in the agent group.", number, created.MessageThreadId);
        await _messenger.SendAsync(chat, created.MessageThreadId, Summary(ticket, problem), [], ct: ct);
        return created.MessageThreadId;
    }

    private string Summary(Ticket ticket, string problem)
    {
        var lines = new List<string>
        {
            _catalog.Text(TelegramTexts.TopicSummary).Format(
                Locale,
                ("number", Number(ticket)),
                ("problem", problem),
                ("priority", ticket.Priority.ToString().ToLowerInvariant()),
                ("status", TicketLifecycle.Name(ticket.Status)),
                ("locale", ticket.Locale)),
        };
        var definition = _catalog.FindProblem(ticket.Category);
        foreach (var detail in ticket.Details)
        {
            var title = definition?.Details.FirstOrDefault(d => d.Id == detail.Id)?.Title.Get(Locale) ?? detail.Id;
            lines.Add(_catalog.Text(TelegramTexts.TopicDetail).Format(Locale, ("title", title), ("value", detail.Display)));
        }

        return string.Join("\n", lines);
    }

    private string ProblemTitle(Ticket ticket) =>
        _catalog.FindProblem(ticket.Category)?.Title.Get(Locale) ?? ticket.Category;

    private static string Number(Ticket ticket) => ticket.Number.ToString(CultureInfo.InvariantCulture);

    // Telegram's fixed topic colours: red for urgent, orange for high, blue otherwise.
    private static int IconColor(TicketPriority priority) => priority switch
    {
        TicketPriority.Urgent => 16478047,
        TicketPriority.High => 16766590,
        _ => 7322096,
    };
}
