using Microsoft.Extensions.Options;
using SupportBot.Core.Safety;
using SupportBot.Testing.Images;

namespace SupportBot.Screenshots.Tests;

/// <summary>The inspector on generated phone screenshots (real fonts, light and dark, PNG and noisy JPEG): every secret
/// screen is found with the right kind, every screen support needs is clean, and unreadable images are "not checked".</summary>
public sealed class ScreenshotInspectorTests : IClassFixture<InspectorFixture>
{
    private readonly ScreenshotInspector _inspector;

    public ScreenshotInspectorTests(InspectorFixture fixture) => _inspector = fixture.Inspector;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> SecretNames() => [.. Screens.Secret().Select(s => s.Name)];

    public static TheoryData<string> CleanNames() => [.. Screens.Clean().Select(s => s.Name)];

    [Theory]
    [MemberData(nameof(SecretNames))]
    public async Task A_screen_showing_a_secret_is_found_with_its_kind(string name)
    {
        var screen = Screens.Secret().Single(s => s.Name == name);

        var verdict = await _inspector.InspectAsync(screen.Image, ScanContext.None, Ct);

        Assert.Equal(ImageOutcome.Secret, verdict.Outcome);
        switch (screen.Kind)
        {
            case "twoFactorSetup":
                Assert.True(verdict.TwoFactorSetup);
                Assert.Contains(SecretKind.VerificationCode, verdict.Kinds);
                break;
            default:
                Assert.Contains(Enum.Parse<SecretKind>(screen.Kind, ignoreCase: true), verdict.Kinds);
                break;
        }
    }

    [Theory]
    [MemberData(nameof(CleanNames))]
    public async Task A_screen_support_needs_is_clean(string name)
    {
        var screen = Screens.Clean().Single(s => s.Name == name);

        var verdict = await _inspector.InspectAsync(screen.Image, ScanContext.None, Ct);

        Assert.Equal(ImageOutcome.Clean, verdict.Outcome);
        Assert.Empty(verdict.Kinds);
    }

    [Fact]
    public async Task An_image_that_cannot_be_decoded_is_not_checked_and_a_pdf_is_not_an_image()
    {
        byte[] brokenPng = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4, 5, 6, 7, 8];

        Assert.Equal(ImageOutcome.NotChecked, (await _inspector.InspectAsync(brokenPng, ScanContext.None, Ct)).Outcome);
        Assert.Equal(ImageOutcome.NotAnImage, (await _inspector.InspectAsync("%PDF-1.7\n"u8.ToArray(), ScanContext.None, Ct)).Outcome);
    }

    [Fact]
    public async Task A_read_that_runs_past_the_timeout_is_not_checked()
    {
        using var hurried = new ScreenshotInspector(new SecretScanner(), Options.Create(new ScreenshotOptions { Timeout = TimeSpan.FromMilliseconds(1) }));

        var verdict = await hurried.InspectAsync(Screens.SeedGrid12(), ScanContext.None, Ct);

        Assert.Equal(ImageOutcome.NotChecked, verdict.Outcome);
    }

    [Fact]
    public async Task Without_tesseract_models_every_image_is_not_checked()
    {
        using var blind = new ScreenshotInspector(new SecretScanner(), Options.Create(new ScreenshotOptions { TessdataPath = "/nonexistent-tessdata" }));

        Assert.False(blind.WarmUp());
        Assert.Equal(ImageOutcome.NotChecked, (await blind.InspectAsync(Screens.DepositRecord(), ScanContext.None, Ct)).Outcome);
    }
}
