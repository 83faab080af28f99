using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using SupportBot.Channels.Discord.Rest;
using SupportBot.Channels.Discord.Wire;
using SupportBot.Core.Activities;
using SupportBot.Core.Agents;
using SupportBot.Core.Catalog;
using SupportBot.Core.Handoff;
using SupportBot.Core.Routing;
using SupportBot.Core.Storage;
using SupportBot.Core.Tickets;

namespace SupportBot.Channels.Discord.Staff;

/// <summary>Modmail-style staff side: each ticket gets a thread in the staff channel with its summary; what the user
/// writes about it afterwards is mirrored there (from the redacted transcript), and so is the optional AI's summary
/// once it is stored; a staff member's message in the thread
/// goes to the user through the ticket desk (outbound guard, agent name and code). Only members with the staff role
/// whose Discord user is linked to an agent account may act.</summary>
internal sealed class StaffThreads
{
    private const string CursorPrefix = "discord.thread.";
    private const int ThreadArchiveMinutes = 10080;
    private const int PublicThread = 11;

    private readonly DiscordOptions _options;
    private readonly DiscordRestClient _rest;
    private readonly DialogCatalog _catalog;
    private readonly TicketDesk _desk;
    private readonly ITicketStore _tickets;
    private readonly IConversationStore _conversations;
    private readonly IChannelStateStore _state;
    private readonly IAgentStore? _agents;
    private readonly ILogger _log;
    private readonly KeyedLock<long> _locks = new();

    public StaffThreads(
        DiscordOptions options,
        DiscordRestClient rest,
        DialogCatalog catalog,
        TicketDesk desk,
        ITicketStore tickets,
        IConversationStore conversations,
        IChannelStateStore state,
        IAgentStore? agents,
        ILogger<StaffThreads> log)
    {
        _options = options;
        _rest = rest;
        _catalog = catalog;
        _desk = desk;
        _tickets = tickets;
        _conversations = conversations;
        _state = state;
        _agents = agents;
        _log = log;
    }

    private string Locale => _options.StaffLocale;

    /// <summary>Follows ticket events from every door: new tickets get threads, user messages are mirrored.</summary>
    public async Task RunAsync(TicketEvents events, CancellationToken ct)
    {
        using var subscription = events.Subscribe();
        await foreach (var change in subscription.Reader.ReadAllAsync(ct))
        {
            try
            {
                if (change.Kind == TicketEventKind.Created)
                {
                    await EnsureThreadAsync(change.Number, ct);
                }
                else if (change.Kind is TicketEventKind.UserMessage or TicketEventKind.Changed)
                {
                    await SyncAsync(change.Number, ct);
                }
                else if (change.Kind == TicketEventKind.SummaryAdded)
                {
                    await PostAiSummaryAsync(change.Number, ct);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                _log.LogWarning("Discord: the thread of ticket {Ticket} could not be updated ({Failure}).", change.Number, ex.GetType().Name);
            }
        }
    }

    /// <summary>After a user's turn in a DM: a new ticket gets its thread; open tickets of the conversation get the
    /// user's new lines.</summary>
    public async Task AfterUserTurnAsync(ConversationKey conversation, string userId, long? created, CancellationToken ct)
    {
        if (created is { } number)
        {
            await EnsureThreadAsync(number, ct);
            return;
        }

        foreach (var ticket in await _tickets.ListTicketsForUserAsync(conversation.Channel, userId, ct))
        {
            if (ticket.IsOpen && ticket.Conversation == conversation)
            {
                await SyncAsync(ticket.Number, ct);
            }
        }
    }

    /// <summary>The ticket whose thread <paramref name="channelId"/> is, or null.</summary>
    public Task<long?> TicketOfThreadAsync(string channelId, CancellationToken ct) =>
        _state.FindTicketByLinkAsync(DiscordChannelClient.Name, channelId, ct);

    /// <summary>Creates the ticket's thread with its summary, once (concurrent callers wait for the first).</summary>
    public async Task<string?> EnsureThreadAsync(long number, CancellationToken ct)
    {
        using var held = await _locks.AcquireAsync(number, ct);
        if (await _state.GetTicketLinkAsync(DiscordChannelClient.Name, number, ct) is { } existing)
        {
            return existing;
        }

        var view = await _desk.GetAsync(number, ct);
        if (view is null)
        {
            return null;
        }

        var ticket = view.Ticket;
        var problem = _catalog.FindProblem(ticket.Category);
        var title = problem?.Title.Get(Locale) ?? ticket.Category;
        var name = ("#" + number.ToString(CultureInfo.InvariantCulture) + " " + title) is { Length: > 100 } longName
            ? longName[..100]
            : "#" + number.ToString(CultureInfo.InvariantCulture) + " " + title;
        var thread = await _rest.SendAsync(
            DiscordRoute.CreateThread(_options.StaffChannelId!),
            new ThreadCreate(name, ThreadArchiveMinutes, PublicThread),
            DiscordJsonContext.Default.ThreadCreate,
            DiscordJsonContext.Default.DiscordChannel,
            ct);
        await _state.SetTicketLinkAsync(DiscordChannelClient.Name, number, thread.Id, ct);
        await PostAsync(thread.Id, Summary(ticket, problem), ct);
        var last = view.Transcript.Count == 0 ? 0 : view.Transcript.Max(l => l.Seq);
        await _state.SetCursorAsync(CursorPrefix + number.ToString(CultureInfo.InvariantCulture), last.ToString(CultureInfo.InvariantCulture), ct);
        _log.LogInformation("Discord: ticket {Ticket} has staff thread {Thread}.", number, thread.Id);
        return thread.Id;
    }

    /// <summary>Posts the user's transcript lines the thread has not shown yet.</summary>
    public async Task SyncAsync(long number, CancellationToken ct)
    {
        using var held = await _locks.AcquireAsync(number, ct);
        if (await _state.GetTicketLinkAsync(DiscordChannelClient.Name, number, ct) is not { } thread
            || await _tickets.GetTicketAsync(number, ct) is not { } ticket)
        {
            return;
        }

        var cursorName = CursorPrefix + number.ToString(CultureInfo.InvariantCulture);
        var cursor = long.TryParse(await _state.GetCursorAsync(cursorName, ct), CultureInfo.InvariantCulture, out var c) ? c : 0;
        var lines = await _conversations.GetTranscriptAsync(ticket.Conversation, Math.Max(ticket.TranscriptFromSeq, cursor + 1), ct);
        foreach (var line in lines)
        {
            if (line.Seq <= cursor)
            {
                continue;
            }

            if (line.Direction == TranscriptDirection.User)
            {
                var text = line.Text + (line.AttachmentNames.Count == 0 ? "" : " [" + string.Join(", ", line.AttachmentNames) + "]");
                await PostAsync(thread, _catalog.Text(DiscordTexts.ThreadUserLine).Format(Locale, ("text", DiscordMarkdown.Escape(text))), ct);
            }

            cursor = line.Seq;
            await _state.SetCursorAsync(cursorName, cursor.ToString(CultureInfo.InvariantCulture), ct);
        }
    }

    /// <summary>Posts the AI's summary (stored only when the AI is on and its text passed the output check) in the
    /// ticket's thread, labelled as the AI's.</summary>
    public async Task PostAiSummaryAsync(long number, CancellationToken ct)
    {
        if (await _tickets.GetTicketAsync(number, ct) is not { Summary: { Length: > 0 } summary }
            || await EnsureThreadAsync(number, ct) is not { } thread)
        {
            return;
        }

        await PostAsync(thread, Format(DiscordTexts.ThreadAiSummary, ("summary", DiscordMarkdown.Escape(summary))), ct);
    }

    /// <summary>A message in a ticket thread: relayed to the user when a staff member linked to an agent wrote it.</summary>
    public async Task OnThreadMessageAsync(DiscordMessage message, long number, CancellationToken ct)
    {
        var text = message.Content ?? "";
        if (text.Length == 0 || text.StartsWith("//", StringComparison.Ordinal))
        {
            return;
        }

        var agent = await StaffAgentAsync(message.Author.Id, message.Member?.Roles, ct);
        if (agent is null)
        {
            await PostAsync(message.ChannelId, _catalog.Text(DiscordTexts.NotAgent).Get(Locale), ct);
            return;
        }

        var result = await _desk.ReplyAsync(number, DeskActor.For(agent), text, ct);
        if (!result.Succeeded)
        {
            await PostAsync(message.ChannelId, Explain(result, number), ct);
        }
    }

    /// <summary>Runs a staff slash command and returns what to tell the staff member.</summary>
    public async Task<string> OnCommandAsync(Interaction interaction, CancellationToken ct)
    {
        var userId = interaction.Member?.User?.Id ?? interaction.User?.Id ?? "";
        var roles = interaction.Member?.Roles;
        var command = interaction.Data?.Name ?? "";
        if (command == DiscordCommands.Agent)
        {
            if (!HasStaffRole(roles))
            {
                return _catalog.Text(DiscordTexts.NotAgent).Get(Locale);
            }

            return await LookUpCodeAsync(Option(interaction, DiscordCommands.CodeOption), ct);
        }

        var agent = await StaffAgentAsync(userId, roles, ct);
        if (agent is null)
        {
            return _catalog.Text(DiscordTexts.NotAgent).Get(Locale);
        }

        if (interaction.ChannelId is not { } channel || await TicketOfThreadAsync(channel, ct) is not { } number)
        {
            return _catalog.Text(DiscordTexts.NotTicketThread).Get(Locale);
        }

        var actor = DeskActor.For(agent);
        var result = command switch
        {
            DiscordCommands.Claim => await _desk.ClaimAsync(number, agent, ct),
            DiscordCommands.Close => await _desk.SetStatusAsync(number, actor, TicketStatus.Closed, ct),
            DiscordCommands.Note => await _desk.AddNoteAsync(number, actor, Option(interaction, DiscordCommands.TextOption), ct),
            _ => new DeskResult(DeskOutcome.Invalid, null) { Problem = "unknown command" },
        };
        if (!result.Succeeded)
        {
            return Explain(result, number);
        }

        var key = command switch
        {
            DiscordCommands.Claim => DiscordTexts.Claimed,
            DiscordCommands.Close => DiscordTexts.Closed,
            _ => DiscordTexts.NoteAdded,
        };
        return Format(key, ("agent", DiscordMarkdown.Escape(agent.Name)), ("number", Number(number)));
    }

    /// <summary>Tells the thread the user cannot be reached.</summary>
    public async Task NoteUnreachableAsync(long number, CancellationToken ct)
    {
        if (await _state.GetTicketLinkAsync(DiscordChannelClient.Name, number, ct) is { } thread)
        {
            await PostAsync(thread, _catalog.Text(DiscordTexts.ThreadUnreachable).Get(Locale), ct);
        }
    }

    private async Task<string> LookUpCodeAsync(string code, CancellationToken ct)
    {
        var escaped = DiscordMarkdown.Escape(code.Trim());
        var identity = _agents is null || code.Trim().Length == 0 ? null : await _agents.FindByCodeAsync(code.Trim(), ct);
        return identity switch
        {
            null => Format(DiscordTexts.AgentUnknown, ("code", escaped)),
            { Active: true } => Format(DiscordTexts.AgentValid, ("code", escaped), ("name", DiscordMarkdown.Escape(identity.DisplayName))),
            _ => Format(DiscordTexts.AgentInactive, ("code", escaped), ("name", DiscordMarkdown.Escape(identity.DisplayName))),
        };
    }

    private async Task<Agent?> StaffAgentAsync(string userId, IReadOnlyList<string>? roles, CancellationToken ct)
    {
        if (!HasStaffRole(roles) || _agents is null || userId.Length == 0)
        {
            return null;
        }

        var agent = await _agents.FindAgentByLinkAsync(DiscordChannelClient.Name, userId, ct);
        return agent is { Active: true } ? agent : null;
    }

    private bool HasStaffRole(IReadOnlyList<string>? roles) =>
        roles is not null && roles.Contains(_options.StaffRoleId, StringComparer.Ordinal);

    private string Explain(DeskResult result, long number) => result.Outcome switch
    {
        DeskOutcome.Blocked when result.BlockedSecret is { } kind => _catalog.Text(TextKeys.OutboundBlocked(kind)).Get(Locale),
        DeskOutcome.AlreadyClaimed => Format(DiscordTexts.AlreadyClaimed, ("number", Number(number)), ("agent", DiscordMarkdown.Escape(result.ClaimedBy ?? "?"))),
        _ => Format(DiscordTexts.Failed, ("problem", result.Problem ?? result.Outcome.ToString())),
    };

    private string Summary(Ticket ticket, ProblemDefinition? problem)
    {
        var user = ticket.Conversation.Channel == DiscordChannelClient.Name
            ? "<@" + ticket.UserId + ">"
            : DiscordMarkdown.Escape(ticket.UserId);
        var text = new StringBuilder(Format(
            DiscordTexts.ThreadSummary,
            ("number", Number(ticket.Number)),
            ("problem", DiscordMarkdown.Escape(problem?.Title.Get(Locale) ?? ticket.Category)),
            ("priority", ticket.Priority.ToString()),
            ("status", TicketLifecycle.Name(ticket.Status)),
            ("channel", ticket.Conversation.Channel),
            ("user", user)));
        foreach (var detail in ticket.Details)
        {
            var title = problem?.Details.FirstOrDefault(d => d.Id == detail.Id)?.Title.Get(Locale) ?? detail.Id;
            text.Append('\n').Append(Format(
                DiscordTexts.ThreadDetail, ("title", DiscordMarkdown.Escape(title)), ("value", DiscordMarkdown.Escape(detail.Display))));
        }

        text.Append("\n\n").Append(_catalog.Text(DiscordTexts.ThreadHowTo).Get(Locale));
        return text.ToString();
    }

    private async Task PostAsync(string channel, string text, CancellationToken ct)
    {
        foreach (var part in DiscordMarkdown.Split(text))
        {
            await _rest.SendAsync(
                DiscordRoute.CreateMessage(channel),
                new MessageCreate(part, AllowedMentions: AllowedMentions.None),
                DiscordJsonContext.Default.MessageCreate,
                DiscordJsonContext.Default.CreatedMessage,
                ct);
        }
    }

    private static string Option(Interaction interaction, string name) =>
        interaction.Data?.Options?.FirstOrDefault(o => o.Name == name) is { } option
            && option.Value.ValueKind == System.Text.Json.JsonValueKind.String
            ? option.Value.GetString() ?? ""
            : "";

    private string Format(string key, params (string Name, string Value)[] args) => _catalog.Text(key).Format(Locale, args);

    private static string Number(long number) => number.ToString(CultureInfo.InvariantCulture);
}
