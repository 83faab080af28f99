using Microsoft.Extensions.Options;
using SupportBot.Core.Safety;

namespace SupportBot.Screenshots.Tests;

/// <summary>One warm inspector for a test class, as the host keeps one.</summary>
public sealed class InspectorFixture : IDisposable
{
    public InspectorFixture()
    {
        Inspector = new ScreenshotInspector(new SecretScanner(), Options.Create(new ScreenshotOptions()));
        Assert.True(Inspector.WarmUp(), "Tesseract with eng and chi_sim is needed: apt-get install tesseract-ocr tesseract-ocr-eng tesseract-ocr-chi-sim (tests/run.sh does).");
    }

    public ScreenshotInspector Inspector { get; }

    public void Dispose() => Inspector.Dispose();
}
