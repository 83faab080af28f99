namespace SupportBot.AI;

/// <summary>What the model wrote, with the figures the logs may carry.</summary>
/// <param name="Text">The model's text, unchecked: callers pass it through <see cref="ModelOutputCheck"/>.</param>
/// <param name="InputTokens">Prompt tokens as the server reported them, or null.</param>
/// <param name="OutputTokens">Completion tokens as the server reported them, or null.</param>
internal sealed record AiReply(string Text, int? InputTokens, int? OutputTokens);
