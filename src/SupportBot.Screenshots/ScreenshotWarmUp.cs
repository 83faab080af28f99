using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace SupportBot.Screenshots;

/// <summary>Loads the OCR engines at start, off the start-up path, so the first screenshot is read at full speed; says
/// in the log when Tesseract or a model is missing (screenshots are then kept "not checked").</summary>
internal sealed class ScreenshotWarmUp(ScreenshotInspector inspector, ILogger<ScreenshotWarmUp> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(
        () =>
        {
            if (!inspector.WarmUp())
            {
                logger.LogWarning(
                    "Screenshots: Tesseract or its eng/chi_sim model is missing (apt-get install tesseract-ocr tesseract-ocr-eng tesseract-ocr-chi-sim); images are kept and marked not checked.");
            }
        },
        stoppingToken);
}
