using Microsoft.Extensions.Options;
using SupportBot.Core.Recognizers;
using SupportBot.Core.Safety;
using SupportBot.Screenshots.Imaging;
using SupportBot.Screenshots.Ocr;
using SupportBot.Screenshots.Qr;
using SupportBot.Screenshots.Reading;

namespace SupportBot.Screenshots;

/// <summary>Reads an image before it is kept: every QR code (ZXing.Net), then its text (Tesseract, the English
/// model, and the Chinese model only when the English reading shows Chinese is there), and passes all of it through
/// the same <see cref="ISecretScanner"/> as messages, with the numbered seed grid put back in order. At most
/// <see cref="ScreenshotOptions.MaxConcurrentReads"/> images are read at once; the others wait.</summary>
public sealed class ScreenshotInspector : IImageInspector, IDisposable
{
    private const string English = "eng";
    private const string Chinese = "chi_sim";
    private const string Combined = "chi_sim+eng";

    // Below this many pixels on a side no line of text is legible.
    private const int MinTextSide = 16;

    // The first line of a key wrapped by the screen's width is at least this long (a phone line holds 20 or more).
    private const int MinWrappedLine = 16;

    private readonly ISecretScanner _scanner;
    private readonly ScreenshotOptions _options;
    private readonly OcrEngines _engines;
    private readonly SemaphoreSlim _slots;

    /// <summary>Creates the inspector; engines load on first use.</summary>
    public ScreenshotInspector(ISecretScanner scanner, IOptions<ScreenshotOptions> options)
    {
        ArgumentNullException.ThrowIfNull(scanner);
        ArgumentNullException.ThrowIfNull(options);
        _scanner = scanner;
        _options = options.Value;
        _engines = new OcrEngines(_options.TessdataPath);
        _slots = new SemaphoreSlim(Math.Max(1, _options.MaxConcurrentReads));
    }

    /// <summary>How the text was read, for the benchmark: "eng" or "eng,chi_sim".</summary>
    internal string? LastLanguages { get; private set; }

    /// <summary>Loads the English and Chinese engines now, so the first user's screenshot does not pay for it.
    /// Returns false when Tesseract or a model is missing.</summary>
    public bool WarmUp()
    {
        var ready = true;
        foreach (var language in _options.CombinedRun ? [Combined] : (string[])[English, Chinese])
        {
            if (_engines.Rent(language) is { } engine)
            {
                _engines.Return(engine);
            }
            else
            {
                ready = false;
            }
        }

        return ready;
    }

    /// <inheritdoc />
    public async Task<ImageVerdict> InspectAsync(
        ReadOnlyMemory<byte> content, ScanContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (ImageSniffer.Sniff(content.Span) is null)
        {
            return ImageVerdict.NotAnImage;
        }

        if (!await _slots.WaitAsync(_options.QueueTimeout, cancellationToken))
        {
            return ImageVerdict.NotChecked;
        }

        try
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(_options.Timeout);
            // Off the caller's thread: decoding and OCR are CPU-bound native work.
            return await Task.Run(() => Inspect(content, context, deadline.Token), CancellationToken.None);
        }
        finally
        {
            _slots.Release();
        }
    }

    private ImageVerdict Inspect(ReadOnlyMemory<byte> content, ScanContext context, CancellationToken ct)
    {
        var started = DateTimeOffset.UtcNow;
        GrayImage? image;
        try
        {
            image = ScreenshotDecoder.Decode(content.Span, _options.ReadWidth, _options.MaxPixels);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            image = null;
        }

        if (image is null)
        {
            return ImageVerdict.NotChecked;
        }

        var kinds = new SortedSet<SecretKind>();
        var twoFactor = false;
        GrayImage? forOcr = null;
        try
        {
            foreach (var code in QrCodeReader.ReadAll(image))
            {
                if (code.StartsWith("otpauth://", StringComparison.OrdinalIgnoreCase))
                {
                    twoFactor = true;
                    kinds.Add(SecretKind.VerificationCode);
                }

                AddFindings(code, context, kinds);
            }

            // Too small to hold legible text (an icon, a tracking pixel): the QR check above is all there is to do.
            if (image.Width < MinTextSide || image.Height < MinTextSide)
            {
                return kinds.Count > 0 ? Verdict(kinds, twoFactor) : ImageVerdict.Clean;
            }

            // Dark themes: Tesseract reads dark text on light far better.
            forOcr = image.MeanLuminance() < 128 ? image.Inverted() : image;
            if (_options.CombinedRun)
            {
                var both = Read(Combined, forOcr, started, ct, out _);
                if (both is null)
                {
                    return kinds.Count > 0 ? Verdict(kinds, twoFactor) : ImageVerdict.NotChecked;
                }

                AddText(both, context, kinds);
                LastLanguages = Combined;
                return kinds.Count > 0 ? Verdict(kinds, twoFactor) : ImageVerdict.Clean;
            }

            var english = Read(English, forOcr, started, ct, out var confidence);
            if (english is null)
            {
                return kinds.Count > 0 ? Verdict(kinds, twoFactor) : ImageVerdict.NotChecked;
            }

            AddText(english, context, kinds);
            LastLanguages = English;
            if (CjkLikelihood.Likely(english, confidence))
            {
                var chinese = Read(Chinese, forOcr, started, ct, out _);
                if (chinese is null)
                {
                    return kinds.Count > 0 ? Verdict(kinds, twoFactor) : ImageVerdict.NotChecked;
                }

                AddText(chinese, context, kinds);
                LastLanguages = English + "," + Chinese;
            }

            return kinds.Count > 0 ? Verdict(kinds, twoFactor) : ImageVerdict.Clean;
        }
        finally
        {
            if (!ReferenceEquals(forOcr, image))
            {
                forOcr?.Wipe();
            }

            image.Wipe();
        }
    }

    private string? Read(string language, GrayImage image, DateTimeOffset started, CancellationToken ct, out int confidence)
    {
        confidence = 0;
        var left = _options.Timeout - (DateTimeOffset.UtcNow - started);
        if (left <= TimeSpan.Zero || ct.IsCancellationRequested || _engines.Rent(language) is not { } engine)
        {
            return null;
        }

        try
        {
            OpenMpNative.TryLimitThreads(Math.Max(1, _options.ThreadsPerRead));
            return engine.Read(image, left, ct, out confidence);
        }
        finally
        {
            _engines.Return(engine);
        }
    }

    private void AddText(string text, ScanContext context, SortedSet<SecretKind> kinds)
    {
        AddFindings(text, context, kinds);
        if (NumberedGridReader.Reorder(text) is { } grid)
        {
            AddFindings(grid, context, kinds);
        }

        if (NumberedGridReader.IsSeedGrid(text))
        {
            kinds.Add(SecretKind.SeedPhrase);
        }

        // OCR breaks a long key at the line end; joined lines let the key detectors see it whole.
        var joined = JoinWrappedLines(text);
        if (joined != text)
        {
            AddFindings(joined, context, kinds);
        }
    }

    private void AddFindings(string text, ScanContext context, SortedSet<SecretKind> kinds)
    {
        foreach (var finding in _scanner.Scan(text, context).Findings)
        {
            kinds.Add(finding.Kind);
        }
    }

    /// <summary>A line that looks like the first part of a wrapped key (one long word filling the line) is glued to
    /// the next one-word line (a 64-hex key wrapped over two lines). A short line is a label ("TxID", "Address"),
    /// never the start of a wrapped key: glued to the hash below it, it made a deposit record's address and hash
    /// look like an API key and its secret.</summary>
    private static string JoinWrappedLines(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var joined = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (joined.Length > 0)
            {
                var previous = lines[i - 1];
                var glue = IsKeyChar(previous[^1]) && IsKeyChar(line[0])
                    && previous.Length >= MinWrappedLine && !previous.Contains(' ', StringComparison.Ordinal)
                    && line.Length >= 8 && !line.Contains(' ', StringComparison.Ordinal);
                joined.Append(glue ? "" : "\n");
            }

            joined.Append(line);
        }

        return joined.ToString();
    }

    private static bool IsKeyChar(char c) => char.IsAsciiLetterOrDigit(c);

    private static ImageVerdict Verdict(SortedSet<SecretKind> kinds, bool twoFactor) =>
        new(ImageOutcome.Secret, [.. kinds], twoFactor);

    /// <inheritdoc />
    public void Dispose()
    {
        _engines.Dispose();
        _slots.Dispose();
    }
}
