using SupportBot.Core.Activities;
using SupportBot.Core.Recognizers;
using static SupportBot.Core.Tests.Recognizers.RecognizerTestContext;

namespace SupportBot.Core.Tests.Recognizers;

public class ScreenshotsAndTextRecognizerTests
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 0x4A, 0x46];
    private static readonly byte[] Gif = "GIF89a\u0001\0"u8.ToArray();
    private static readonly byte[] Webp = "RIFF\u0010\0\0\0WEBPVP8 "u8.ToArray();
    private static readonly byte[] Heic = [0, 0, 0, 24, .. "ftypheic"u8.ToArray(), 0, 0, 0, 0];
    private static readonly byte[] Exe = "MZ\u0090\0\u0003\0\0\0"u8.ToArray();
    private static readonly byte[] Pdf = "%PDF-1.7\n"u8.ToArray();

    private static RecognitionResult Screens(
        IReadOnlyList<Attachment> files, int? maxCount = null, long? maxBytes = null) =>
        Registry.Get(SlotKinds.Screenshots).Recognize("", files,
            For(SlotKinds.Screenshots, maxCount: maxCount, maxBytes: maxBytes));

    [Fact]
    public void ImageSnifferTellsEveryScreenshotFormatFromItsFirstBytes()
    {
        Assert.Equal("png", ImageSniffer.Sniff(Png));
        Assert.Equal("jpeg", ImageSniffer.Sniff(Jpeg));
        Assert.Equal("gif", ImageSniffer.Sniff(Gif));
        Assert.Equal("webp", ImageSniffer.Sniff(Webp));
        Assert.Equal("heic", ImageSniffer.Sniff(Heic));
        Assert.Null(ImageSniffer.Sniff(Exe));
        Assert.Null(ImageSniffer.Sniff(Pdf));
        Assert.Null(ImageSniffer.Sniff([]));
    }

    [Fact]
    public void SeveralImagesAreCounted()
    {
        var result = Screens([Image("a.png", Png), Image("b.jpg", Jpeg, "image/jpeg"), Image("c.heic", Heic, "")]);
        Assert.Equal("3", result.Value!.Value);
        Assert.Equal("3", result.Value.Display);
    }

    [Fact]
    public void DeclaredImageTypeIsTrustedWhenBytesAreNotInHand()
    {
        var result = Screens([new Attachment("a.png", "image/png", 2048, "https://cdn.example/a.png")]);
        Assert.Equal("1", result.Value!.Value);
    }

    [Theory]
    [InlineData("application/pdf")]
    [InlineData("image/svg+xml")]
    [InlineData("")]
    public void DeclaredNonImageTypeIsRefusedWhenBytesAreNotInHand(string contentType) =>
        Assert.Equal(RecognizerErrors.ScreenshotsNotImage,
            Screens([new Attachment("x", contentType, 2048, "https://cdn.example/x")]).ErrorCode);

    [Fact]
    public void ExecutableNamedPngIsNotAnImage() =>
        Assert.Equal(RecognizerErrors.ScreenshotsNotImage,
            Screens([Image("a.png", Png), Image("photo.png", Exe, "image/png")]).ErrorCode);

    [Fact]
    public void TextWithoutAttachmentsAsksForImages() =>
        Assert.Equal(RecognizerErrors.ScreenshotsNone,
            Registry.Get(SlotKinds.Screenshots).Recognize("here you go", [], For(SlotKinds.Screenshots)).ErrorCode);

    [Fact]
    public void TooManyImagesNamesTheLimit()
    {
        var six = Enumerable.Range(0, 6).Select(i => Image($"{i}.png", Png)).ToList();
        var result = Screens(six);
        Assert.Equal(RecognizerErrors.ScreenshotsTooMany, result.ErrorCode);
        Assert.Contains(("max", "5"), result.ErrorArgs);
        Assert.Contains(("max", "2"), Screens(six.Take(3).ToList(), maxCount: 2).ErrorArgs);
        Assert.True(Screens(six.Take(5).ToList()).Success);
    }

    [Fact]
    public void ImageOverTheSizeLimitNamesTheLimitInMegabytes()
    {
        var big = new Attachment("big.png", "image/png", 11L * 1024 * 1024, "https://cdn.example/big.png");
        var result = Screens([big]);
        Assert.Equal(RecognizerErrors.ScreenshotsTooLarge, result.ErrorCode);
        Assert.Contains(("maxMb", "10"), result.ErrorArgs);
        Assert.Contains(("maxMb", "0.5"), Screens([Image("a.png", Png) with { Size = 600_000 }], maxBytes: 524_288)
            .ErrorArgs);
    }

    [Fact]
    public void ScreenshotsAreNeverExtractedFromText() =>
        Assert.Null(Extract(SlotKinds.Screenshots, "see screenshot.png"));

    [Theory]
    [InlineData("The app says error 4001 when I withdraw")]
    [InlineData("提现一直显示审核中")]
    [InlineData("line one\nline two")]
    public void FreeTextIsKeptAsWritten(string text) => Assert.Equal(text, Ok(SlotKinds.Text, text).Value);

    [Fact]
    public void FreeTextDropsControlCharactersButKeepsLines() =>
        Assert.Equal("a\nb c", Ok(SlotKinds.Text, "\u0007a\r\nb\u200B c  ").Value);

    [Fact]
    public void FreeTextUpTo4000CharactersIsAcceptedAndLongerIsTooLong()
    {
        Assert.True(Recognize(SlotKinds.Text, new string('x', 4000)).Success);
        var result = Fails(SlotKinds.Text, new string('x', 4001), RecognizerErrors.TooLong);
        Assert.Contains(("max", "4000"), result.ErrorArgs);
    }

    [Fact]
    public void FreeTextDetailPatternIsMatchedInFull()
    {
        Assert.True(Recognize(SlotKinds.Text, "v2.3.1", pattern: @"v\d+\.\d+\.\d+").Success);
        Fails(SlotKinds.Text, "version 2", RecognizerErrors.TextFormat, pattern: @"v\d+\.\d+\.\d+");
    }
}
