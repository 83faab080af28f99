using Microsoft.Playwright;

namespace SupportBot.Channels.WebChat.Tests.Browser;

/// <summary>One chat user interface in a browser page (our widget or Microsoft's Web Chat), driven the way a person
/// would: type, press a quick reply, attach a screenshot, read the bot's messages.</summary>
internal interface IChatPage
{
    /// <summary>The page.</summary>
    IPage Page { get; }

    /// <summary>Types <paramref name="text"/> and sends it.</summary>
    Task SendAsync(string text);

    /// <summary>Presses the quick reply titled <paramref name="title"/>.</summary>
    Task ChooseAsync(string title);

    /// <summary>Attaches a PNG and sends it.</summary>
    Task UploadAsync(string fileName, byte[] png);

    /// <summary>Waits until a bot message containing <paramref name="text"/> is shown; returns its whole text.</summary>
    Task<string> ExpectBotAsync(string text);
}
