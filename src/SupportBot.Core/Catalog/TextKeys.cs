using SupportBot.Core.Recognizers;
using SupportBot.Core.Safety;

namespace SupportBot.Core.Catalog;

/// <summary>The keys of every text the engine and the guard look up in <c>dialogs/texts/</c>. The loader refuses a
/// dialogs folder that lacks any of <see cref="Required"/>.</summary>
public static class TextKeys
{
    /// <summary>First message of a conversation.</summary>
    public const string Greeting = "greeting";

    /// <summary>First message of a conversation whose first message already named the problem (no menu follows).</summary>
    public const string GreetingRouted = "greeting.routed";

    /// <summary>Not shown: phrases that ask for a person, one a line, found anywhere in a message.</summary>
    public const string HumanPhrases = "human.phrases";

    /// <summary>A value contradicts one given earlier; placeholders {detail}, {old}, {new}.</summary>
    public const string GatherConflict = "gather.conflict";

    /// <summary>Added after <see cref="TicketCreated"/> for urgent tickets of a self-custody wallet.</summary>
    public const string TicketUrgentWallet = "ticket.urgentWallet";

    /// <summary>A user asked for a person while a ticket is open; placeholder {number}. The ticket's status follows.</summary>
    public const string TicketHumanOpen = "tickets.humanOpen";

    /// <summary>Not shown: phrases saying a resolved problem is back ("again", "又"), one a line; a rating comment
    /// holding one reopens the ticket.</summary>
    public const string ReopenPhrases = "tickets.reopenPhrases";

    /// <summary>Several short details asked in one question; placeholder {details} (their titles).</summary>
    public const string GatherGroup = "gather.group";

    /// <summary>The message did not answer the question asked but gave other details, which were kept; placeholder
    /// {details} ("Time: 2025-03-04 21:00"). The same question follows, so the user sees they were heard.</summary>
    public const string GatherNoted = "gather.noted";

    /// <summary>What the menu asks.</summary>
    public const string MenuPrompt = "menu.prompt";

    /// <summary>Free text matched no problem.</summary>
    public const string NotUnderstood = "identify.notUnderstood";

    /// <summary>Free text matched several problems: "which of these is it?".</summary>
    public const string Clarify = "identify.clarify";

    /// <summary>After self-help: "did this solve it?".</summary>
    public const string SelfHelpAsk = "selfHelp.ask";

    /// <summary>The user said self-help solved it.</summary>
    public const string SelfHelpSolved = "selfHelp.solved";

    /// <summary>A knowledge answer; placeholders {title} (the article's) and {passage}.</summary>
    public const string KnowledgeAnswer = "knowledge.answer";

    /// <summary>After a knowledge answer: "did this answer your question?".</summary>
    public const string KnowledgeAsk = "knowledge.ask";

    /// <summary>The user said the knowledge answer helped.</summary>
    public const string KnowledgeHelped = "knowledge.helped";

    /// <summary>The knowledge answer did not help and the question named no problem: "tell me what happened".</summary>
    public const string KnowledgeNotHelped = "knowledge.notHelped";

    /// <summary>Appended to an optional detail's question: how to skip.</summary>
    public const string OptionalSuffix = "gather.optionalSuffix";

    /// <summary>The user tried to skip a required detail.</summary>
    public const string CannotSkip = "gather.cannotSkip";

    /// <summary>Three failed attempts at one detail: offer a human. Placeholder {detail}.</summary>
    public const string AttemptsExceeded = "gather.attemptsExceeded";

    /// <summary>Said after answering a side question, before asking the current question again.</summary>
    public const string ResumeAfterSideAnswer = "gather.resume";

    /// <summary>Heading of the summary.</summary>
    public const string SummaryHeader = "confirm.header";

    /// <summary>One summary line; placeholders {title} and {value}.</summary>
    public const string SummaryLine = "confirm.line";

    /// <summary>Shown for an optional detail the user skipped.</summary>
    public const string SummarySkipped = "confirm.skipped";

    /// <summary>"Is everything correct?".</summary>
    public const string ConfirmPrompt = "confirm.prompt";

    /// <summary>"Which detail do you want to change?".</summary>
    public const string EditWhich = "confirm.editWhich";

    /// <summary>Ticket created; placeholders {number}, {problem}.</summary>
    public const string TicketCreated = "ticket.created";

    /// <summary>Added after <see cref="TicketCreated"/> for urgent tickets.</summary>
    public const string TicketUrgent = "ticket.urgent";

    /// <summary>An agent took the ticket; placeholders {agent}, {code}, {number}.</summary>
    public const string HandoffAgentJoined = "handoff.agentJoined";

    /// <summary>An agent resolved the ticket; asks for a 1–5 rating; placeholder {number}.</summary>
    public const string HandoffResolved = "handoff.resolved";

    /// <summary>The ticket was closed; placeholder {number}.</summary>
    public const string HandoffClosed = "handoff.closed";

    /// <summary>The user has an open ticket on the same problem; placeholders {number}, {problem}.</summary>
    public const string DuplicateOffer = "tickets.duplicate.offer";

    /// <summary>Details were added to an existing ticket; placeholder {number}.</summary>
    public const string TicketAdded = "tickets.added";

    /// <summary>The user's place among unclaimed tickets; placeholder {position}.</summary>
    public const string QueuePosition = "queue.position";

    /// <summary>The typical wait; placeholder {wait}.</summary>
    public const string QueueWait = "queue.wait";

    /// <summary>Outside business hours; placeholder {opens}.</summary>
    public const string QueueOutsideHours = "queue.outsideHours";

    /// <summary>Outside hours, urgent ticket: the on-call person was alerted.</summary>
    public const string QueueOnCall = "queue.onCall";

    /// <summary>A wait under a minute.</summary>
    public const string WaitUnderMinute = "queue.waitUnderMinute";

    /// <summary>A wait in minutes; placeholder {n}.</summary>
    public const string WaitMinutes = "queue.waitMinutes";

    /// <summary>A wait in hours; placeholder {n}.</summary>
    public const string WaitHours = "queue.waitHours";

    /// <summary>A wait in days; placeholder {n}.</summary>
    public const string WaitDays = "queue.waitDays";

    /// <summary>.NET date format for when agents are back (e.g. ddd d MMM HH:mm).</summary>
    public const string OpeningFormat = "queue.openingFormat";

    /// <summary>.NET date format for ticket dates in lists.</summary>
    public const string DateFormat = "tickets.dateFormat";

    /// <summary>Heading of "my tickets".</summary>
    public const string TicketListHeader = "tickets.list.header";

    /// <summary>One ticket in the list; placeholders {number}, {problem}, {status}, {date}.</summary>
    public const string TicketListLine = "tickets.list.line";

    /// <summary>The user has no tickets.</summary>
    public const string TicketListNone = "tickets.list.none";

    /// <summary>One ticket; placeholders {number}, {problem}, {status}, {date}.</summary>
    public const string TicketDetail = "tickets.detail";

    /// <summary>Who is working on it; placeholder {agent}.</summary>
    public const string TicketDetailAgent = "tickets.detail.agent";

    /// <summary>No ticket with that number for this user; placeholder {number}.</summary>
    public const string TicketNotFound = "tickets.notFound";

    /// <summary>Asks for what to add to a ticket; placeholder {number}.</summary>
    public const string TicketAddPrompt = "tickets.addPrompt";

    /// <summary>Finished adding to a ticket; placeholder {number}.</summary>
    public const string TicketAddDone = "tickets.addDone";

    /// <summary>The user closed their ticket; placeholder {number}.</summary>
    public const string TicketClosedByUser = "tickets.closedByUser";

    /// <summary>A resolved ticket reopened by the user's message; placeholder {number}.</summary>
    public const string TicketReopened = "tickets.reopened";

    /// <summary>Thanks for the rating; asks for an optional comment; placeholder {number}.</summary>
    public const string RatingThanks = "rating.thanks";

    /// <summary>Thanks after the comment (or skipping it); placeholder {number}.</summary>
    public const string RatingCommentThanks = "rating.commentThanks";

    /// <summary>The user left the live chat with the agent; placeholder {number}.</summary>
    public const string LiveLeft = "live.left";

    /// <summary>The user is back in the live chat; placeholder {number}.</summary>
    public const string LiveBack = "live.back";

    /// <summary>A file was not kept (too large or not an image/PDF); placeholders {name}, {max} (MB).</summary>
    public const string AttachmentRefused = "attachment.refused";

    /// <summary>Handing over to a human before the flow was finished.</summary>
    public const string HumanHandoff = "human.handoff";

    /// <summary>Flow cancelled.</summary>
    public const string Cancelled = "command.cancelled";

    /// <summary>"back" at the first step.</summary>
    public const string NothingToGoBackTo = "command.nothingBack";

    /// <summary>Conversation restarted.</summary>
    public const string Restarted = "command.restarted";

    /// <summary>The help text (commands available at any step).</summary>
    public const string Help = "command.help";

    /// <summary>The user came back after the idle timeout; placeholder {problem}.</summary>
    public const string IdleResume = "idle.resume";

    /// <summary>Language switched (said in the new language).</summary>
    public const string LanguageSwitched = "language.switched";

    /// <summary>Ask for the agent code to verify.</summary>
    public const string VerifyAsk = "verify.ask";

    /// <summary>The code is an active agent's; placeholders {name}, {code}.</summary>
    public const string VerifyValid = "verify.valid";

    /// <summary>The code belongs to a deactivated agent; placeholder {code}.</summary>
    public const string VerifyInactive = "verify.inactive";

    /// <summary>No agent has that code; placeholder {code}.</summary>
    public const string VerifyUnknown = "verify.unknown";

    /// <summary>The store failed; the message was not accepted and should be sent again.</summary>
    public const string StorageUnavailable = "error.storage";

    /// <summary>The message was longer than the bot accepts; placeholder {max}.</summary>
    public const string MessageTooLong = "error.messageTooLong";

    /// <summary>The safety notice shown before any detail is asked.</summary>
    public const string SafetyNotice = "safety.notice";

    /// <summary>Said before asking for screenshots: hide seed phrases, keys and QR codes.</summary>
    public const string ScreenshotReminder = "safety.screenshotReminder";

    /// <summary>A seed phrase or private key was exposed: move funds now.</summary>
    public const string CompromisedAdvice = "safety.compromisedAdvice";

    /// <summary>The channel could not delete the message with the secret: delete it yourself.</summary>
    public const string DeleteFailed = "safety.deleteFailed";

    /// <summary>The channel cannot delete messages at all (console): clear it yourself.</summary>
    public const string DeleteNotSupported = "safety.deleteNotSupported";

    /// <summary>A screenshot showed a secret and was not kept; placeholder {what} (one of the ScreenshotWhat* texts).</summary>
    public const string ScreenshotRemoved = "safety.screenshot.removed";

    /// <summary>What the agent reads in the transcript where a removed screenshot was; placeholder {what}.</summary>
    public const string ScreenshotRemovedNote = "safety.screenshot.note";

    /// <summary>What the agent reads beside a screenshot whose text could not be read; placeholder {name}.</summary>
    public const string ScreenshotNotChecked = "safety.screenshot.notChecked";

    /// <summary>"a seed phrase", for <see cref="ScreenshotRemoved"/> and <see cref="ScreenshotRemovedNote"/>.</summary>
    public const string ScreenshotWhatSeedPhrase = "safety.screenshot.what.seedPhrase";

    /// <summary>"a private key".</summary>
    public const string ScreenshotWhatPrivateKey = "safety.screenshot.what.privateKey";

    /// <summary>"a verification code".</summary>
    public const string ScreenshotWhatVerificationCode = "safety.screenshot.what.verificationCode";

    /// <summary>"a password or API secret".</summary>
    public const string ScreenshotWhatPassword = "safety.screenshot.what.password";

    /// <summary>"a 2FA setup key (QR code)".</summary>
    public const string ScreenshotWhatTwoFactorSetup = "safety.screenshot.what.twoFactorSetup";

    /// <summary>After a removed screenshot with a password or API secret: change it, delete the key.</summary>
    public const string ScreenshotAdvicePassword = "safety.screenshot.advice.password";

    /// <summary>After a removed screenshot with a one-time code: we never need codes.</summary>
    public const string ScreenshotAdviceVerificationCode = "safety.screenshot.advice.verificationCode";

    /// <summary>After a removed screenshot with a 2FA setup key: reset the authenticator now.</summary>
    public const string ScreenshotAdviceTwoFactorSetup = "safety.screenshot.advice.twoFactorSetup";

    /// <summary>A message that looked like part of a seed phrase was held back (not kept): never send seed words,
    /// not even in parts.</summary>
    public const string SeedWordsHeld = "safety.seedWordsHeld";

    /// <summary>The placeholder for wordlist words held back as a possible part of a seed phrase.</summary>
    public const string SeedWordsRemoved = "safety.removed.seedWords";

    /// <summary>What the transcript keeps of a message refused for its length (the text itself is not kept).</summary>
    public const string TooLongRemoved = "safety.removed.tooLong";

    /// <summary>Choice titles, by choice value (e.g. <c>choice.confirm</c>).</summary>
    public static string Choice(string value) => "choice." + value;

    /// <summary>The recognizer error text of <paramref name="code"/>.</summary>
    public static string Error(string code) => "error." + code;

    /// <summary>The default question of a detail kind.</summary>
    public static string Prompt(string kind) => "prompt." + kind;

    /// <summary>The placeholder a redacted secret leaves in the text, e.g. "[seed phrase removed]".</summary>
    public static string Removed(SecretKind kind) => "safety.removed." + Camel(kind);

    /// <summary>What the user is told when they sent this kind of secret.</summary>
    public static string Warning(SecretKind kind) => "safety.warning." + Camel(kind);

    /// <summary>A ticket status as users see it.</summary>
    public static string TicketStatus(Tickets.TicketStatus status) => "tickets.status." + Tickets.TicketLifecycle.Name(status);

    /// <summary>What the agent is told when their message asked for this kind of secret.</summary>
    public static string OutboundBlocked(SecretKind kind) => "safety.outbound." + Camel(kind);

    /// <summary>The choice values the engine offers (each needs a <c>choice.VALUE</c> title).</summary>
    public static readonly IReadOnlyList<string> ChoiceValues =
    [
        "solved", "needHelp", "human", "tryAgain", "confirm", "edit", "cancel", "continue", "startOver", "skip",
        "verifyAgent", "addToTicket", "newTicket", "ticketAdd", "ticketClose", "ticketLive", "ticketDone",
    ];

    /// <summary>Every key that must exist.</summary>
    public static IReadOnlyList<string> Required { get; } = BuildRequired();

    private static string Camel(SecretKind kind)
    {
        var name = kind.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    private static string[] BuildRequired()
    {
        var keys = typeof(TextKeys).GetFields()
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();
        keys.AddRange(ChoiceValues.Select(Choice));
        keys.AddRange(RecognizerErrors.All.Select(Error));
        keys.AddRange(SlotKinds.All.Select(Prompt));
        keys.AddRange(Enum.GetValues<Tickets.TicketStatus>().Select(TicketStatus));
        foreach (var kind in Enum.GetValues<SecretKind>())
        {
            keys.AddRange([Removed(kind), Warning(kind), OutboundBlocked(kind)]);
        }

        return [.. keys];
    }
}
