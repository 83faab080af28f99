using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;
using SupportBot.Channels.Discord.Rest;
using SupportBot.Channels.Discord.Staff;
using SupportBot.Channels.Discord.Wire;
using SupportBot.Core.Activities;
using SupportBot.Core.Catalog;
using SupportBot.Core.Channels;
using SupportBot.Core.Storage;
using SupportBot.Core.Tickets;

namespace SupportBot.Channels.Discord;

/// <summary>The outbound half of the Discord channel. Delivers outbox messages to DM channels (the dispatcher keeps
/// per-conversation order; the REST client sits out rate limits), maps 50007 to <see cref="DeliveryStatus.Unreachable"/>
/// and marks the ticket, and deletes messages holding secrets where a bot may (guild channels; never in DMs).</summary>
internal sealed class DiscordChannelClient : IChannelClient
{
    public const string Name = "discord";

    private readonly DiscordRestClient _rest;
    private readonly DialogCatalog _catalog;
    private readonly ITicketStore _tickets;
    private readonly IConversationStore _conversations;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly StaffThreads? _staff;
    private readonly ConcurrentDictionary<string, bool> _dmChannels = new(StringComparer.Ordinal);

    public DiscordChannelClient(
        DiscordRestClient rest,
        DialogCatalog catalog,
        ITicketStore tickets,
        IConversationStore conversations,
        TimeProvider time,
        ILogger<DiscordChannelClient> log,
        StaffThreads? staff = null)
    {
        _rest = rest;
        _catalog = catalog;
        _tickets = tickets;
        _conversations = conversations;
        _time = time;
        _log = log;
        _staff = staff;
    }

    public string Channel => Name;

    /// <summary>Remembers that <paramref name="channelId"/> is a DM, where the bot cannot delete the user's messages.</summary>
    public void NoteDmChannel(string channelId) => _dmChannels[channelId] = true;

    public async Task<DeliveryResult> DeliverAsync(OutboxMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        try
        {
            // The nonce makes a retried part a no-op at Discord, so a timeout after Discord accepted sends nothing twice.
            await SendReplyAsync(message.Conversation.Id, message.Reply, "o" + message.Id.ToString(CultureInfo.InvariantCulture), cancellationToken);
            return DeliveryResult.Delivered;
        }
        catch (DiscordApiException ex) when (ex.CannotMessageUser
            || ex.Code is DiscordErrorCodes.UnknownChannel or DiscordErrorCodes.MissingAccess)
        {
            _log.LogWarning("Discord: cannot reach the user of conversation {Conversation} (code {Code}).", message.Conversation.Id, ex.Code);
            await MarkUnreachableAsync(message, cancellationToken);
            return DeliveryResult.Unreachable("discord " + ex.Code);
        }
        catch (DiscordApiException ex) when (ex.Status == 429)
        {
            return DeliveryResult.Retry("discord rate limit", ex.RetryAfter);
        }
        catch (DiscordApiException ex)
        {
            return DeliveryResult.Retry("discord " + ex.Status + (ex.Code is null ? "" : "/" + ex.Code));
        }
        catch (DiscordRequestException)
        {
            return DeliveryResult.Retry("discord unreachable");
        }
    }

    /// <summary>Sends a reply now (outside the outbox: the "store unavailable" answer, the promise, staff threads).</summary>
    public async Task SendReplyAsync(string channelId, BotReply reply, string? nonceBase, CancellationToken ct)
    {
        foreach (var part in ReplyRenderer.Render(reply, _catalog, nonceBase ?? "d" + _time.GetUtcNow().ToUnixTimeMilliseconds()))
        {
            await _rest.SendAsync(
                DiscordRoute.CreateMessage(channelId),
                nonceBase is null ? part with { Nonce = null, EnforceNonce = null } : part,
                DiscordJsonContext.Default.MessageCreate,
                DiscordJsonContext.Default.CreatedMessage,
                ct);
        }
    }

    public async Task<DeleteOutcome> DeleteMessageAsync(
        ConversationKey conversation, string messageId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        if (_dmChannels.ContainsKey(conversation.Id))
        {
            // Discord lets nobody delete the other side's messages in a DM; the router tells the user to do it.
            return DeleteOutcome.NotSupported;
        }

        try
        {
            await _rest.SendAsync(
                DiscordRoute.DeleteMessage(conversation.Id, messageId), null, DiscordJsonContext.Default.NoBody, cancellationToken);
            return DeleteOutcome.Deleted;
        }
        catch (DiscordApiException ex) when (ex.Code == DiscordErrorCodes.CannotExecuteOnDm)
        {
            NoteDmChannel(conversation.Id);
            return DeleteOutcome.NotSupported;
        }
        catch (Exception ex) when (ex is DiscordApiException or DiscordRequestException)
        {
            _log.LogWarning("Discord: a message with a secret could not be deleted ({Failure}).", ex.Message);
            return DeleteOutcome.Failed;
        }
    }

    private async Task MarkUnreachableAsync(OutboxMessage message, CancellationToken ct)
    {
        try
        {
            foreach (var number in await TicketsOfAsync(message, ct))
            {
                await _tickets.ApplyTicketChangeAsync(
                    new TicketChange { Number = number, At = _time.GetUtcNow(), Unreachable = true }, ct);

                // The staff member who just replied in the thread learns there that it went nowhere.
                if (_staff is not null)
                {
                    await _staff.NoteUnreachableAsync(number, ct);
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _log.LogWarning("Discord: a ticket of conversation {Conversation} could not be marked unreachable ({Failure}).",
                message.Conversation.Id, ex.GetType().Name);
        }
    }

    /// <summary>The ticket the message is about: the one it names, else the conversation's open ones (the first
    /// message that fails is often not the agent's reply itself but the "an agent joined" line before it).</summary>
    private async Task<IReadOnlyList<long>> TicketsOfAsync(OutboxMessage message, CancellationToken ct)
    {
        if (message.Reply.TicketNumber is { } number)
        {
            return [number];
        }

        if (await _conversations.LoadAsync(message.Conversation, ct) is not { } conversation)
        {
            return [];
        }

        var open = new List<long>();
        foreach (var ticket in await _tickets.ListTicketsForUserAsync(Name, conversation.UserId, ct))
        {
            if (ticket.IsOpen && ticket.Conversation == message.Conversation)
            {
                open.Add(ticket.Number);
            }
        }

        return open;
    }
}
