using SupportBot.Core.Activities;
using SupportBot.Core.Routing;

namespace SupportBot.Testing;

/// <summary>Scripts a conversation like botbuilder's TestFlow: send a message, then assert on the replies.</summary>
public sealed class TestConversation
{
    private readonly TestBot _bot;
    private readonly string? _locale;
    private int _messageNumber;

    internal TestConversation(TestBot bot, string channel, string user, string? locale)
    {
        _bot = bot;
        _locale = locale;
        Key = new ConversationKey(channel, user);
        UserId = user;
    }

    /// <summary>The conversation.</summary>
    public ConversationKey Key { get; }

    /// <summary>The user id.</summary>
    public string UserId { get; }

    /// <summary>The replies to the last message.</summary>
    public IReadOnlyList<BotReply> Replies { get; private set; } = [];

    /// <summary>The last result.</summary>
    public RouteResult? LastResult { get; private set; }

    /// <summary>The last reply of the last turn (what the bot now waits on).</summary>
    public BotReply Last => Replies.Count > 0 ? Replies[^1] : throw new InvalidOperationException("No replies yet.");

    /// <summary>All reply texts of the last turn joined by newlines.</summary>
    public string AllText => string.Join("\n", Replies.Select(r => r.Text));

    /// <summary>Sends text.</summary>
    public Task<TestConversation> SendAsync(string text) => SendActivityAsync(Activity(text));

    /// <summary>Picks the shown choice whose value is <paramref name="value"/> (fails if it was not shown).</summary>
    public Task<TestConversation> ChooseAsync(string value)
    {
        var choice = Last.Choices.FirstOrDefault(c => c.Value == value)
            ?? throw new Xunit.Sdk.XunitException(
                $"Choice '{value}' was not offered; offered: {string.Join(", ", Last.Choices.Select(c => c.Value))}. Last text: {Last.Text}");
        return SendActivityAsync(Activity(choice.Title) with { ChoiceValue = choice.Value });
    }

    /// <summary>Sends files.</summary>
    public Task<TestConversation> SendAttachmentsAsync(params Attachment[] attachments) =>
        SendActivityAsync(Activity("") with { Attachments = attachments });

    /// <summary>Sends a prepared activity.</summary>
    public async Task<TestConversation> SendActivityAsync(InboundActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        LastResult = await _bot.Router.HandleAsync(activity, Xunit.TestContext.Current.CancellationToken);
        Replies = LastResult.Replies;
        return this;
    }

    /// <summary>A text activity of this conversation with a fresh message id.</summary>
    public InboundActivity Activity(string text) => new()
    {
        Conversation = Key,
        UserId = UserId,
        MessageId = "m" + Interlocked.Increment(ref _messageNumber),
        Text = text,
        Locale = _locale,
        Timestamp = _bot.Time.GetUtcNow(),
    };

    /// <summary>A small valid PNG (1×1 pixel).</summary>
    public static Attachment Png(string name = "screenshot.png") =>
        new(name, "image/png", TinyPng.Length) { Content = TinyPng };

    private static readonly byte[] TinyPng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
}
