namespace SupportBot.Core.Safety;

/// <summary>Checks what an agent is about to send a user: staff must never ask for a secret, or send one.</summary>
public interface IOutboundGuard
{
    /// <summary>The verdict on <paramref name="text"/>.</summary>
    OutboundVerdict Check(string text);
}
