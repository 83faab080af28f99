namespace SupportBot.Core.Activities;

/// <summary>One message the bot sends back.</summary>
/// <param name="Text">The text, in the conversation's locale.</param>
/// <param name="Choices">Choices to offer; empty for none.</param>
public sealed record BotReply(string Text, IReadOnlyList<ChoiceOption> Choices)
{
    /// <summary>The problem the conversation is on, if one was identified.</summary>
    public string? ProblemId { get; init; }

    /// <summary>The step the conversation waits on (a detail id, or a phase such as <c>menu</c>, <c>confirm</c>).</summary>
    public string? StepId { get; init; }

    /// <summary>The ticket number this reply announces, if it announces one.</summary>
    public long? TicketNumber { get; init; }

    /// <summary>For a human agent's reply: who wrote it. Null for the bot's own messages.</summary>
    public AgentSignature? Agent { get; init; }

    /// <summary>A reply with text only.</summary>
    public static BotReply Plain(string text) => new(text, []);
}
