namespace SupportBot.Core.Safety;

/// <summary>Whether an agent's message may go out, and if not, which secret it asked for or contained.</summary>
/// <param name="Allowed">True when the message may be sent.</param>
/// <param name="AskedFor">The secret it asks for or contains, when blocked (text key <c>safety.outbound.KIND</c>
/// explains it to the agent).</param>
public sealed record OutboundVerdict(bool Allowed, SecretKind? AskedFor)
{
    /// <summary>An allowed message.</summary>
    public static readonly OutboundVerdict Allow = new(true, null);

    /// <summary>A blocked message.</summary>
    public static OutboundVerdict Block(SecretKind kind) => new(false, kind);
}
