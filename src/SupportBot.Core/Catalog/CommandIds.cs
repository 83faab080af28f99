namespace SupportBot.Core.Catalog;

/// <summary>The commands a user can type at any step; their words (every locale) are in <c>dialogs/commands.yaml</c>.</summary>
public static class CommandIds
{
    /// <summary>Drop the current flow.</summary>
    public const string Cancel = "cancel";

    /// <summary>Go back one question.</summary>
    public const string Back = "back";

    /// <summary>Start over from the greeting.</summary>
    public const string Restart = "restart";

    /// <summary>Explain the commands.</summary>
    public const string Help = "help";

    /// <summary>Hand over to a human agent now.</summary>
    public const string Human = "human";

    /// <summary>Skip an optional detail.</summary>
    public const string Skip = "skip";

    /// <summary>Yes (confirm, solved).</summary>
    public const string Yes = "yes";

    /// <summary>No.</summary>
    public const string No = "no";

    /// <summary>Switch to English.</summary>
    public const string English = "english";

    /// <summary>Switch to Chinese.</summary>
    public const string Chinese = "chinese";

    /// <summary>Check an agent's code ("is this really support?").</summary>
    public const string VerifyAgent = "verifyAgent";

    /// <summary>Show the problem menu.</summary>
    public const string Menu = "menu";

    /// <summary>"My tickets": list the user's tickets.</summary>
    public const string MyTickets = "myTickets";

    /// <summary>The word before a ticket number ("ticket 100123", "工单 100123"); not a command on its own.</summary>
    public const string Ticket = "ticket";

    /// <summary>"Done": finish adding information to a ticket.</summary>
    public const string Done = "done";

    /// <summary>"Thanks": after a resolution, not a new problem (the rating is asked again instead of reopening).</summary>
    public const string Thanks = "thanks";

    /// <summary>All command ids; each must have words in every locale.</summary>
    public static readonly IReadOnlyList<string> All =
        [Cancel, Back, Restart, Help, Human, Skip, Yes, No, English, Chinese, VerifyAgent, Menu, MyTickets, Ticket, Done, Thanks];
}
