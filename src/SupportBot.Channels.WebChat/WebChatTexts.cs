using SupportBot.Core.Catalog;

namespace SupportBot.Channels.WebChat;

/// <summary>The keys of the texts the web chat says itself (in <c>dialogs/texts/webchat.yaml</c>); start-up fails
/// naming the first one missing.</summary>
public static class WebChatTexts
{
    /// <summary>A file was not kept: the conversation's file budget is used up; placeholder {name}.</summary>
    public const string UploadConversationFull = "webchat.upload.conversationFull";

    /// <summary>A file was not kept: the storage for all conversations' files is full; placeholder {name}.</summary>
    public const string UploadStorageFull = "webchat.upload.storageFull";

    /// <summary>Every key.</summary>
    public static IReadOnlyList<string> Required { get; } = [UploadConversationFull, UploadStorageFull];

    /// <summary>Throws naming the first key <paramref name="catalog"/> lacks (or lacks in a locale).</summary>
    public static void Check(DialogCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        foreach (var key in Required)
        {
            if (!catalog.Texts.TryGetValue(key, out var text))
            {
                throw new InvalidOperationException(
                    $"The web chat needs the text '{key}' in dialogs/texts/ (see webchat.yaml); it is missing.");
            }

            foreach (var locale in Locales.All)
            {
                if (!text.Locales.Contains(locale))
                {
                    throw new InvalidOperationException(
                        $"The web chat's text '{key}' has no '{locale}' version in dialogs/texts/.");
                }
            }
        }
    }
}
