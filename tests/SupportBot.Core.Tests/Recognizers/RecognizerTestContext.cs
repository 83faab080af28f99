using SupportBot.Core.Activities;
using SupportBot.Core.Catalog;
using SupportBot.Core.Recognizers;

namespace SupportBot.Core.Tests.Recognizers;

/// <summary>Contexts and shortcuts for recognizer tests: a fixed now (2025-03-05 12:00 UTC = 20:00 in
/// Shanghai).</summary>
internal static class RecognizerTestContext
{
    public static readonly DateTimeOffset Now = new(2025, 3, 5, 12, 0, 0, TimeSpan.Zero);

    public static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static readonly RecognizerRegistry Registry = new();

    public static RecognizerContext For(
        string kind,
        string? pattern = null,
        string? network = null,
        int? maxCount = null,
        long? maxBytes = null,
        TimeZoneInfo? zone = null)
    {
        var detail = new DetailDefinition
        {
            Id = kind,
            Kind = kind,
            Title = new LocalizedText(new Dictionary<string, string> { ["en"] = kind, ["zh-CN"] = kind }),
            Pattern = pattern,
            MaxCount = maxCount,
            MaxBytes = maxBytes,
        };
        var filled = new Dictionary<string, SlotValue>();
        if (network is not null)
        {
            filled["network"] = new SlotValue(network, network);
        }

        return new RecognizerContext(detail, Now, zone ?? Shanghai, "en", filled);
    }

    public static RecognitionResult Recognize(
        string kind, string text, string? pattern = null, string? network = null) =>
        Registry.Get(kind).Recognize(text, [], For(kind, pattern, network));

    public static SlotValue? Extract(string kind, string text, string? network = null) =>
        Registry.Get(kind).Extract(text, For(kind, network: network));

    public static SlotValue Ok(string kind, string text, string? pattern = null, string? network = null)
    {
        var result = Recognize(kind, text, pattern, network);
        Assert.True(result.Success, $"'{text}' as {kind} failed with {result.ErrorCode}");
        return result.Value!;
    }

    public static RecognitionResult Fails(string kind, string text, string code, string? pattern = null,
        string? network = null)
    {
        var result = Recognize(kind, text, pattern, network);
        Assert.False(result.Success, $"'{text}' as {kind} was accepted as {result.Value?.Value}");
        Assert.Equal(code, result.ErrorCode);
        return result;
    }

    public static Attachment Image(string name, byte[] bytes, string contentType = "image/png") =>
        new(name, contentType, bytes.Length) { Content = bytes };
}
