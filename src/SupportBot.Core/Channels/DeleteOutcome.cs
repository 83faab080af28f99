namespace SupportBot.Core.Channels;

/// <summary>What became of a request to delete a user's message.</summary>
public enum DeleteOutcome
{
    /// <summary>The message is gone.</summary>
    Deleted,

    /// <summary>The channel tried and failed (too old, no permission, a DM the bot cannot touch).</summary>
    Failed,

    /// <summary>The channel has no way to delete messages (the console); the user is told to clear it themselves.</summary>
    NotSupported,
}
