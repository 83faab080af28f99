namespace SupportBot.Channels.Discord.Gateway;

/// <summary>Gateway op codes (protocols.md B.2); each says which side sends it.</summary>
internal enum GatewayOpCode
{
    /// <summary>C←S: an event (<c>t</c>) with a sequence number (<c>s</c>).</summary>
    Dispatch = 0,

    /// <summary>C→S: heartbeat with the last sequence; C←S: "heartbeat now".</summary>
    Heartbeat = 1,

    /// <summary>C→S: start a new session.</summary>
    Identify = 2,

    /// <summary>C→S: continue a dropped session.</summary>
    Resume = 6,

    /// <summary>C←S: reconnect and resume.</summary>
    Reconnect = 7,

    /// <summary>C←S: the session is invalid; <c>d</c> says whether it may be resumed.</summary>
    InvalidSession = 9,

    /// <summary>C←S: first message, with the heartbeat interval.</summary>
    Hello = 10,

    /// <summary>C←S: a heartbeat was received.</summary>
    HeartbeatAck = 11,
}
