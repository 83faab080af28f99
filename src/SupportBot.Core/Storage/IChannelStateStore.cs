namespace SupportBot.Core.Storage;

/// <summary>Small durable facts channels keep: a cursor (Telegram's update offset, Discord's session) and the
/// links between tickets and the staff places that mirror them (a Telegram forum topic, a Discord thread).</summary>
public interface IChannelStateStore
{
    /// <summary>The value stored under <paramref name="name"/> (e.g. <c>telegram.offset</c>), or null.</summary>
    Task<string?> GetCursorAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Stores <paramref name="value"/> under <paramref name="name"/>, replacing what was there.</summary>
    Task SetCursorAsync(string name, string value, CancellationToken cancellationToken = default);

    /// <summary>The external id (topic, thread) linked to <paramref name="ticket"/> in <paramref name="channel"/>, or null.</summary>
    Task<string?> GetTicketLinkAsync(string channel, long ticket, CancellationToken cancellationToken = default);

    /// <summary>The ticket linked to <paramref name="externalId"/> in <paramref name="channel"/>, or null.</summary>
    Task<long?> FindTicketByLinkAsync(string channel, string externalId, CancellationToken cancellationToken = default);

    /// <summary>Links the ticket to <paramref name="externalId"/>, replacing an earlier link of the same ticket
    /// (a deleted topic recreated).</summary>
    Task SetTicketLinkAsync(string channel, long ticket, string externalId, CancellationToken cancellationToken = default);
}
