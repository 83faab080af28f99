namespace SupportBot.Testing.Images;

/// <summary>Screenshot-check limits for the hosts tests start. Tests check what a read finds, not how fast it is
/// (bench/ measures that). On a 2-core CI machine running several test projects and Chromium at once, one read can take
/// longer than the product's 8 s; a read past its deadline keeps the image as "not checked", and a test expecting the
/// seed phrase to be found would fail by luck of the load.</summary>
public static class ScreenshotTestSettings
{
    /// <summary>Configuration keys and values (minutes, where the product has seconds).</summary>
    public static IReadOnlyDictionary<string, string> Relaxed { get; } = new Dictionary<string, string>
    {
        ["Screenshots:Timeout"] = "00:02:00",
        ["Screenshots:QueueTimeout"] = "00:05:00",
    };
}
