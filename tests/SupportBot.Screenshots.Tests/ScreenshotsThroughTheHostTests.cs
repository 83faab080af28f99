using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SupportBot.Core.Activities;
using SupportBot.Core.Routing;
using SupportBot.Core.Safety;
using SupportBot.Core.Storage;
using SupportBot.Testing.Images;
using SupportBot.Testing.Web;

namespace SupportBot.Screenshots.Tests;

/// <summary>Through the real host (SQLite, screenshots on disk, web chat database, one data folder): a secret screen
/// leaves nothing on disk (neither the secret's text nor the image's bytes), the user is warned in their language and
/// the transcript the agent reads holds the removal note; a clean screen is kept.</summary>
public sealed class ScreenshotsThroughTheHostTests : IAsyncLifetime
{
    private RunningHost _host = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> SecretNames() => [.. Screens.Secret().Select(s => s.Name)];

    public static TheoryData<string> CleanNames() => [.. Screens.Clean().Select(s => s.Name)];

    public async ValueTask InitializeAsync() => _host = await RunningHost.StartAsync();

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [MemberData(nameof(SecretNames))]
    public async Task A_secret_screenshot_is_refused_with_a_warning_and_leaves_no_trace(string name)
    {
        var screen = Screens.Secret().Single(s => s.Name == name);
        var chinese = name.Contains("chinese", StringComparison.Ordinal);
        var user = "u-" + Guid.NewGuid().ToString("N")[..8];
        await SendAsync(user, chinese ? "你好" : "hello");

        var result = await SendAsync(user, "", Picture(screen.Name, screen.Image));

        var said = string.Join("\n", result.Replies.Select(r => r.Text));
        Assert.Contains(chinese ? "您发来的截图里有" : "The screenshot you sent showed", said, StringComparison.Ordinal);
        if (screen.Kind is "seedPhrase" or "privateKey")
        {
            Assert.Contains(chinese ? "新建一个钱包" : "Create a new wallet now", said, StringComparison.Ordinal);
        }

        var transcript = await _host.Get<IConversationStore>().GetTranscriptAsync(new ConversationKey("console", user), 1, Ct);
        Assert.Contains(transcript, l => l.Text.Contains(chinese ? "[截图已删除：其中有" : "[screenshot removed: it showed", StringComparison.Ordinal));
        Assert.DoesNotContain(transcript, l => l.AttachmentNames.Contains(screen.Name));
        AssertNothingOnDisk(screen.Secret, screen.Image);
    }

    [Theory]
    [MemberData(nameof(CleanNames))]
    public async Task A_clean_screenshot_is_kept(string name)
    {
        var screen = Screens.Clean().Single(s => s.Name == name);
        var user = "u-" + Guid.NewGuid().ToString("N")[..8];
        await SendAsync(user, "hello");

        var result = await SendAsync(user, "here is the screenshot", Picture(screen.Name, screen.Image));

        Assert.DoesNotContain(result.Replies, r => r.Text.Contains("screenshot you sent showed", StringComparison.Ordinal));
        var transcript = await _host.Get<IConversationStore>().GetTranscriptAsync(new ConversationKey("console", user), 1, Ct);
        Assert.Contains(transcript, l => l.AttachmentNames.Contains(screen.Name));
        Assert.DoesNotContain(transcript, l => l.Text.Contains("not checked", StringComparison.Ordinal));
        Assert.True(DiskHolds(screen.Image.AsSpan(screen.Image.Length / 2, 64).ToArray()), "the kept screenshot is on disk");
    }

    [Fact]
    public async Task Without_the_inspector_the_same_screenshot_would_be_on_disk()
    {
        // The control: the same host with no IImageInspector registered keeps the seed grid, and the disk search
        // finds it, so the tests above would see a leak.
        await using var bare = await RunningHost.StartAsync(configure: builder => builder.Services.RemoveAll<IImageInspector>(), cancellationToken: Ct);
        var image = Screens.SeedGrid12();
        var user = "u-bare";

        var result = await bare.Get<ConversationRouter>().HandleAsync(
            new InboundActivity
            {
                Conversation = new ConversationKey("console", user),
                UserId = user,
                MessageId = "bare-1",
                Attachments = [Picture("backup.png", image)],
                Timestamp = DateTimeOffset.UtcNow,
            },
            Ct);

        Assert.DoesNotContain(result.Replies, r => r.Text.Contains("screenshot you sent showed", StringComparison.Ordinal));
        Assert.True(DataFolderSearch.Holds(bare.DataFolder, image.AsSpan(image.Length / 2, 64)));
    }

    private Task<RouteResult> SendAsync(string user, string text, params Attachment[] attachments) =>
        _host.Get<ConversationRouter>().HandleAsync(
            new InboundActivity
            {
                Conversation = new ConversationKey("console", user),
                UserId = user,
                MessageId = Guid.NewGuid().ToString("N"),
                Text = text,
                Attachments = attachments,
                Timestamp = DateTimeOffset.UtcNow,
            },
            Ct);

    private static Attachment Picture(string name, byte[] bytes) =>
        new(name, name.EndsWith(".png", StringComparison.Ordinal) ? "image/png" : "image/jpeg", bytes.Length) { Content = bytes };

    private void AssertNothingOnDisk(string secret, byte[] image) => DataFolderSearch.AssertNoTrace(_host.DataFolder, secret, image);

    private bool DiskHolds(byte[] needle) => DataFolderSearch.Holds(_host.DataFolder, needle);
}
