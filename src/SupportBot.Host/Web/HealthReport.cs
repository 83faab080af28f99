namespace SupportBot.Host.Web;

/// <summary>What <c>/healthz</c> answers.</summary>
/// <param name="Status">"ok" when the host is serving.</param>
/// <param name="Problems">How many problems the loaded dialogs define.</param>
public sealed record HealthReport(string Status, int Problems);
