using SupportBot.Core.Recognizers;

namespace SupportBot.Core.Engine;

/// <summary>A conversation's dialog state between turns. Mutable on purpose: the engine changes it in place during a
/// turn and the router persists it in the same transaction as the turn's other effects.</summary>
public sealed class ConversationState
{
    /// <summary>The locale the bot speaks in this conversation.</summary>
    public string Locale { get; set; } = Catalog.Locales.Supported.English;

    /// <summary>The user chose the language explicitly; the bot no longer guesses it from their text.</summary>
    public bool LocaleChosen { get; set; }

    /// <summary>Where the flow is.</summary>
    public Phase Phase { get; set; } = Phase.New;

    /// <summary>The phase to return to after an interruption (idle resume, agent verification).</summary>
    public Phase ResumePhase { get; set; }

    /// <summary>The problem being reported, if identified.</summary>
    public string? ProblemId { get; set; }

    /// <summary>Index of the detail being asked, in the problem's detail list.</summary>
    public int DetailIndex { get; set; }

    /// <summary>Failed attempts at the current detail.</summary>
    public int Attempts { get; set; }

    /// <summary>The user is changing one detail from the summary; after it, go back to the summary.</summary>
    public bool Editing { get; set; }

    /// <summary>Gathered details by detail id. A skipped optional detail is present with an empty value.</summary>
    public Dictionary<string, SlotValue> Values { get; } = new(StringComparer.Ordinal);

    /// <summary>Problem ids offered in a clarifying question.</summary>
    public List<string> ClarifyOptions { get; } = [];

    /// <summary>The safety notice was shown in this conversation.</summary>
    public bool SafetyNoticeShown { get; set; }

    /// <summary>The previous message talked about a verification code; a lone number now is likely one.</summary>
    public bool CodeMentioned { get; set; }

    /// <summary>The user exposed a seed phrase or private key; the next ticket is urgent and flagged.</summary>
    public bool SecretExposed { get; set; }

    /// <summary>The last ticket this conversation created.</summary>
    public long? LastTicket { get; set; }

    /// <summary>The ticket a ticket-related step is about (the open duplicate, the ticket being added to or rated).</summary>
    public long? TicketFocus { get; set; }

    /// <summary>What the conversation is doing with <see cref="TicketFocus"/> outside the dialog flow.</summary>
    public TicketMode TicketMode { get; set; }

    /// <summary>The ticket whose live chat with an agent the user left ("menu"); their messages go to the bot until
    /// they return to it.</summary>
    public long? LiveLeft { get; set; }

    /// <summary>The ticket whose live chat the user was in when they asked to verify an agent: after the check the
    /// bot says they are back in that chat instead of showing the menu (their next message goes to the agent).</summary>
    public long? VerifyInLive { get; set; }

    /// <summary>Screenshots kept for the ticket this flow will create (attachment ids in the attachment store).</summary>
    public List<string> PendingAttachments { get; } = [];

    /// <summary>When the last turn happened.</summary>
    public DateTimeOffset LastActivity { get; set; }

    /// <summary>The user chose a new ticket although one on the same problem is open; not offered again.</summary>
    public bool DuplicateDeclined { get; set; }

    /// <summary>Clears the current flow (problem, details, attempts) but keeps language and safety memory;
    /// <paramref name="keepEarly"/> keeps the details stated before the problem was known.</summary>
    public void ResetFlow(bool keepEarly = false)
    {
        ProblemId = null;
        DetailIndex = 0;
        Attempts = 0;
        Editing = false;
        DuplicateDeclined = false;
        if (keepEarly)
        {
            foreach (var key in Values.Keys.Where(k => !k.StartsWith('@')).ToList())
            {
                Values.Remove(key);
            }
        }
        else
        {
            Values.Clear();
        }

        ClarifyOptions.Clear();
        PendingAttachments.Clear();
    }
}
