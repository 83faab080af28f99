using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;
using SupportBot.Channels.Discord.Rest;
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
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly ConcurrentDictionary<string, bool> _dmChannels = new(StringComparer.Ordinal);

    public DiscordChannelClient(
        DiscordRestClient rest, DialogCatalog catalog, ITicketStore tickets, TimeProvider time, ILogger<DiscordChannelClient> log)
    {
        _rest = rest;
        _catalog = catalog;
        _tickets = tickets;
        _time = time;
        _log = log;
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
        if (message.Reply.TicketNumber is not { } number)
        {
            return;
        }

        try
        {
            await _tickets.ApplyTicketChangeAsync(
                new TicketChange { Number = number, At = _time.GetUtcNow(), Unreachable = true }, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _log.LogWarning("Discord: ticket {Ticket} could not be marked unreachable ({Failure}).", number, ex.GetType().Name);
        }
    }
}
