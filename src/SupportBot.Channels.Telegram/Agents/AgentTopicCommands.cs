using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SupportBot.Core.Agents;
using SupportBot.Core.Catalog;
using SupportBot.Core.Handoff;
using SupportBot.Core.Storage;
using SupportBot.Core.Tickets;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;

namespace SupportBot.Channels.Telegram.Agents;

/// <summary>Messages agents write in a ticket's topic: <c>/claim</c>, <c>/close</c>, <c>/note TEXT</c>, and anything
/// else is a reply to the user through the ticket desk (so through the outbound guard, signed with the agent's name
/// and code). Only a Telegram account linked to an active agent may act.</summary>
internal sealed class AgentTopicCommands
{
    private readonly AgentTopics _topics;
    private readonly IChannelStateStore _state;
    private readonly TicketDesk _desk;
    private readonly DialogCatalog _catalog;
    private readonly IServiceProvider _services;
    private readonly ILogger<AgentTopicCommands> _log;

    public AgentTopicCommands(
        AgentTopics topics,
        IChannelStateStore state,
        TicketDesk desk,
        DialogCatalog catalog,
        IServiceProvider services,
        ILogger<AgentTopicCommands> log)
    {
        _topics = topics;
        _state = state;
        _desk = desk;
        _catalog = catalog;
        _services = services;
        _log = log;
    }

    public async Task<bool> IsAgentChatAsync(long chatId, CancellationToken ct) =>
        _topics.Enabled && await _topics.AgentChatAsync(ct) is { } agentChat && agentChat == chatId;

    public async Task HandleAsync(Message message, CancellationToken ct)
    {
        if (!message.IsTopicMessage || message.MessageThreadId is not { } topic
            || message.ForumTopicCreated is not null || message.From is not { IsBot: false } from)
        {
            return;
        }

        var linked = await _state.FindTicketByLinkAsync(
            AgentTopics.LinkChannel, topic.ToString(CultureInfo.InvariantCulture), ct);
        if (linked is not { } number)
        {
            return;
        }

        var userId = from.Id.ToString(CultureInfo.InvariantCulture);
        var agents = _services.GetService<IAgentStore>();
        var agent = agents is null ? null : await agents.FindAgentByLinkAsync(AgentTopics.LinkChannel, userId, ct);
        if (agent is not { Active: true })
        {
            _log.LogInformation("Telegram user {User} is not linked to an active agent; refused in ticket {Number}.", userId, number);
            await AnswerAsync(topic, TelegramTexts.AgentNotLinked, ct, ("userId", userId));
            return;
        }

        var text = (message.Text ?? message.Caption ?? "").Trim();
        if (text.Length == 0)
        {
            return;
        }

        var actor = DeskActor.For(agent);
        var (command, argument) = Command(text);
        switch (command)
        {
            case null:
                await ReportAsync(topic, number, agent, await _desk.ReplyAsync(number, actor, text, ct), null, ct);
                break;
            case "claim":
                await ReportAsync(topic, number, agent, await _desk.ClaimAsync(number, agent, ct), TelegramTexts.AgentClaimed, ct);
                break;
            case "close":
                await ReportAsync(topic, number, agent, await _desk.SetStatusAsync(number, actor, TicketStatus.Closed, ct), TelegramTexts.AgentClosed, ct);
                break;
            case "note":
                await ReportAsync(topic, number, agent, await _desk.AddNoteAsync(number, actor, argument, ct), TelegramTexts.AgentNoteAdded, ct);
                break;
            default:
                await AnswerAsync(topic, TelegramTexts.AgentUnknownCommand, ct);
                break;
        }
    }

    private Task ReportAsync(long topic, long number, Agent agent, DeskResult result, string? doneKey, CancellationToken ct)
    {
        var n = ("number", number.ToString(CultureInfo.InvariantCulture));
        return result.Outcome switch
        {
            DeskOutcome.Done when doneKey is null => Task.CompletedTask,
            DeskOutcome.Done => AnswerAsync(topic, doneKey, ct, n, ("agent", agent.Name)),
            DeskOutcome.AlreadyClaimed => AnswerAsync(topic, TelegramTexts.AgentAlreadyClaimed, ct, n, ("agent", result.ClaimedBy ?? "?")),
            DeskOutcome.Blocked when result.BlockedSecret is { } kind =>
                AnswerRawAsync(topic, _catalog.Text(TextKeys.OutboundBlocked(kind)).Get(_topics.Locale), ct),
            _ => AnswerAsync(topic, TelegramTexts.AgentRefused, ct, ("reason", result.Problem ?? result.Outcome.ToString())),
        };
    }

    private Task AnswerAsync(long topic, string key, CancellationToken ct, params (string Name, string Value)[] args) =>
        AnswerRawAsync(topic, _catalog.Text(key).Format(_topics.Locale, args), ct);

    private async Task AnswerRawAsync(long topic, string text, CancellationToken ct)
    {
        try
        {
            await _topics.AnswerAsync(topic, text, ct);
        }
        catch (RequestException ex)
        {
            // The desk action is already stored; failing the update now would run it a second time when the update
            // is handled again (a second note, a second reply). Only the confirmation in the topic is lost.
            _log.LogWarning("Answering an agent in topic {Topic} failed ({Reason}); the action itself is done.",
                topic, ex is ApiRequestException api ? api.ErrorCode.ToString(CultureInfo.InvariantCulture) : "no answer");
        }
    }

    /// <summary>"/note@MyBot text" → ("note", "text"); plain text → (null, text).</summary>
    private static (string? Command, string Argument) Command(string text)
    {
        if (!text.StartsWith('/'))
        {
            return (null, text);
        }

        var space = text.IndexOfAny([' ', '\n']);
        var word = space < 0 ? text[1..] : text[1..space];
        var at = word.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            word = word[..at];
        }

        return (word.ToLowerInvariant(), space < 0 ? "" : text[(space + 1)..].Trim());
    }
}
