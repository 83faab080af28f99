using SupportBot.Core.Activities;

namespace SupportBot.Core.Engine;

/// <summary>One turn in progress: the state being changed, the user's message and the replies so far.</summary>
internal sealed class Turn
{
    public Turn(ConversationState state, InboundActivity activity, DateTimeOffset now)
    {
        State = state;
        Activity = activity;
        Now = now;
        Text = activity.Text.Trim();
    }

    public ConversationState State { get; }

    public InboundActivity Activity { get; }

    public DateTimeOffset Now { get; }

    /// <summary>The trimmed (already redacted) text.</summary>
    public string Text { get; }

    /// <summary>The choice the user made: a button's value, or typed text equal to a shown choice's title.</summary>
    public string? Choice { get; set; }

    public TurnOutcome Outcome { get; } = new();

    /// <summary>The safety guard removed a secret from this message: what is left is a fragment ("my password is"),
    /// so a failed answer is asked again quietly instead of counting as a wrong attempt.</summary>
    public bool SecretsRemoved { get; init; }

    public string Locale => State.Locale;

    public void Say(BotReply reply) => Outcome.Replies.Add(reply);
}
