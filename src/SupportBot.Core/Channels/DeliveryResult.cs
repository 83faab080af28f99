namespace SupportBot.Core.Channels;

/// <summary>What became of one delivery attempt.</summary>
public enum DeliveryStatus
{
    /// <summary>The channel accepted the message.</summary>
    Delivered,

    /// <summary>A passing failure (rate limit, 5xx, timeout): try again later.</summary>
    Retry,

    /// <summary>The user cannot be reached (blocked the bot, closed DMs): stop trying and mark their ticket.</summary>
    Unreachable,
}

/// <summary>The answer of <see cref="IChannelClient.DeliverAsync"/>. A channel client may also throw; the dispatcher
/// treats an exception like <see cref="Retry"/> with its own back-off.</summary>
/// <param name="Status">What happened.</param>
/// <param name="RetryAfter">For <see cref="DeliveryStatus.Retry"/>: the wait the channel asked for (Telegram's
/// <c>retry_after</c>, Discord's <c>Retry-After</c>); null lets the dispatcher back off exponentially.</param>
/// <param name="Reason">A short reason for the log and the outbox row; never message text or a token.</param>
public readonly record struct DeliveryResult(DeliveryStatus Status, TimeSpan? RetryAfter = null, string? Reason = null)
{
    /// <summary>The message went out.</summary>
    public static DeliveryResult Delivered { get; } = new(DeliveryStatus.Delivered);

    /// <summary>Try again after <paramref name="after"/> (or the dispatcher's back-off when null).</summary>
    public static DeliveryResult Retry(string reason, TimeSpan? after = null) => new(DeliveryStatus.Retry, after, reason);

    /// <summary>The user cannot be reached; the message is given up and the ticket marked.</summary>
    public static DeliveryResult Unreachable(string reason) => new(DeliveryStatus.Unreachable, null, reason);
}
