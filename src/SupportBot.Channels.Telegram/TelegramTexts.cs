using SupportBot.Core.Catalog;

namespace SupportBot.Channels.Telegram;

/// <summary>The keys of the texts the Telegram channel says (in <c>dialogs/texts/telegram.yaml</c>); start-up fails
/// naming the first one missing.</summary>
internal static class TelegramTexts
{
    public const string PrivateChatOnly = "telegram.privateChatOnly";
    public const string FileTooLarge = "telegram.fileTooLarge";
    public const string FileFailed = "telegram.fileFailed";
    public const string AgentSignature = "telegram.agentSignature";
    public const string TopicName = "telegram.topic.name";
    public const string TopicSummary = "telegram.topic.summary";
    public const string TopicDetail = "telegram.topic.detail";
    public const string TopicUserMessage = "telegram.topic.userMessage";
    public const string TopicStatus = "telegram.topic.status";
    public const string TopicAiSummary = "telegram.topic.aiSummary";
    public const string AgentNotLinked = "telegram.agent.notLinked";
    public const string AgentClaimed = "telegram.agent.claimed";
    public const string AgentAlreadyClaimed = "telegram.agent.alreadyClaimed";
    public const string AgentClosed = "telegram.agent.closed";
    public const string AgentNoteAdded = "telegram.agent.noteAdded";
    public const string AgentRefused = "telegram.agent.refused";
    public const string AgentUnknownCommand = "telegram.agent.unknownCommand";

    public static IReadOnlyList<string> Required { get; } =
    [
        PrivateChatOnly, FileTooLarge, FileFailed, AgentSignature, TopicName, TopicSummary, TopicDetail,
        TopicUserMessage, TopicStatus, TopicAiSummary, AgentNotLinked, AgentClaimed, AgentAlreadyClaimed, AgentClosed,
        AgentNoteAdded, AgentRefused, AgentUnknownCommand,
    ];

    /// <summary>Throws naming the first key <paramref name="catalog"/> lacks (or lacks in a locale).</summary>
    public static void Check(DialogCatalog catalog)
    {
        foreach (var key in Required)
        {
            if (!catalog.Texts.TryGetValue(key, out var text))
            {
                throw new InvalidOperationException(
                    $"The Telegram channel needs the text '{key}' in dialogs/texts/ (see telegram.yaml); it is missing.");
            }

            foreach (var locale in Locales.All)
            {
                if (!text.Locales.Contains(locale))
                {
                    throw new InvalidOperationException(
                        $"The Telegram channel's text '{key}' has no '{locale}' version in dialogs/texts/.");
                }
            }
        }
    }
}
