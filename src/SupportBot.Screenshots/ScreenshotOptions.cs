namespace SupportBot.Screenshots;

/// <summary>How images are read before they are kept (configuration section <c>Screenshots</c>).</summary>
public sealed class ScreenshotOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Screenshots";

    /// <summary>Where Tesseract's models are (Debian's tesseract-ocr-eng and -chi-sim install them here).</summary>
    public string TessdataPath { get; set; } = "/usr/share/tesseract-ocr/5/tessdata";

    /// <summary>Images are scaled down to this width before reading; phone text stays legible well below 1080.</summary>
    public int ReadWidth { get; set; } = 720;

    /// <summary>Images declaring more pixels than this are not decoded (kept "not checked").</summary>
    public long MaxPixels { get; set; } = 40_000_000;

    /// <summary>Longest one image may take to read once its turn comes; past it the image is kept "not checked".</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>Longest an image waits for a free reader while others are read.</summary>
    public TimeSpan QueueTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Images read at the same time (each run takes a core); more wait, so a burst of uploads cannot starve
    /// the conversation turns.</summary>
    public int MaxConcurrentReads { get; set; } = 1;

    /// <summary>Read every image with one combined Chinese+English run instead of English first and Chinese only where
    /// the English reading shows Chinese text (docs/benchmarks.md compares the two).</summary>
    public bool CombinedRun { get; set; }

    /// <summary>OpenMP threads one Tesseract run may use.</summary>
    public int ThreadsPerRead { get; set; } = 1;
}
