namespace SupportBot.Channels.WebChat;

/// <summary>Settings of the web chat pages, configuration section <c>WebChat</c>:
/// <code>
/// "WebChat": {
///   "MicrosoftBundlePath": ".cache/webchat/webchat.js"   // relative paths are read from the content root
/// }
/// </code></summary>
public sealed class WebChatPagesOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "WebChat";

    /// <summary>Where Microsoft's <c>botframework-webchat</c> bundle (<c>dist/webchat.js</c>) is; it is never
    /// committed: <c>tests/fetch-webchat.sh</c> puts it here.</summary>
    public string MicrosoftBundlePath { get; set; } = ".cache/webchat/webchat.js";
}
