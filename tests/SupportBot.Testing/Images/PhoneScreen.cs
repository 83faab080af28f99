using SkiaSharp;
using ZXing;
using ZXing.QrCode;
using ZXing.Rendering;

namespace SupportBot.Testing.Images;

/// <summary>Draws phone screenshots for tests: real fonts from the OS packages (DejaVu for Latin, Noto Sans CJK for
/// Chinese), a phone's resolution, light or dark theme, QR codes drawn by ZXing, and optionally noise and JPEG
/// compression, so the OCR sees what it would see from a user, not a tidy fixture.</summary>
public sealed class PhoneScreen
{
    private const float Margin = 64;
    private readonly List<Action<SKCanvas>> _draw = [];
    private float _y = 170;

    /// <summary>A blank screen with a status bar.</summary>
    public PhoneScreen(bool dark = false, int width = 1080, int height = 2400)
    {
        Dark = dark;
        Width = width;
        Height = height;
        _draw.Add(canvas =>
        {
            using var paint = Paint(Muted);
            canvas.DrawText("9:41", Margin, 70, SKTextAlign.Left, Font(false, 36, true), paint);
            canvas.DrawText("5G  87%", width - Margin, 70, SKTextAlign.Right, Font(false, 36, false), paint);
        });
    }

    /// <summary>Dark theme (light text on near-black).</summary>
    public bool Dark { get; }

    /// <summary>Pixels across.</summary>
    public int Width { get; }

    /// <summary>Pixels down.</summary>
    public int Height { get; }

    private SKColor Background => Dark ? new SKColor(0x12, 0x14, 0x18) : new SKColor(0xFA, 0xFA, 0xFB);

    private SKColor Foreground => Dark ? new SKColor(0xEC, 0xEE, 0xF2) : new SKColor(0x1A, 0x1C, 0x22);

    private SKColor Muted => Dark ? new SKColor(0x9A, 0xA0, 0xAC) : new SKColor(0x6B, 0x72, 0x80);

    private SKColor Card => Dark ? new SKColor(0x22, 0x26, 0x2E) : new SKColor(0xEE, 0xF0, 0xF4);

    /// <summary>A heading.</summary>
    public PhoneScreen Title(string text) => Text(text, 54, bold: true);

    /// <summary>A paragraph, wrapped to the screen's width.</summary>
    public PhoneScreen Text(string text, float size = 40, bool bold = false, bool mono = false, bool muted = false)
    {
        var font = Font(IsCjk(text) && !mono, size, bold, mono);
        foreach (var line in Wrap(text, font, Width - (2 * Margin)))
        {
            var y = _y + size;
            _draw.Add(canvas =>
            {
                using var paint = Paint(muted ? Muted : Foreground);
                canvas.DrawText(line, Margin, y, SKTextAlign.Left, font, paint);
            });
            _y += size * 1.55f;
        }

        _y += size * 0.4f;
        return this;
    }

    /// <summary>A label on the left and its value on the right, as record pages show them; a value too long for the
    /// line goes under the label.</summary>
    public PhoneScreen Row(string label, string value, float size = 38)
    {
        var labelFont = Font(IsCjk(label), size, false);
        var valueFont = Font(IsCjk(value), size, false);
        var labelWidth = labelFont.MeasureText(label);
        if (labelWidth + valueFont.MeasureText(value) + 60 > Width - (2 * Margin))
        {
            Text(label, size, muted: true);
            _y -= size * 0.6f;
            return Text(value, size);
        }

        var y = _y + size;
        _draw.Add(canvas =>
        {
            using var muted = Paint(Muted);
            using var strong = Paint(Foreground);
            canvas.DrawText(label, Margin, y, SKTextAlign.Left, labelFont, muted);
            canvas.DrawText(value, Width - Margin, y, SKTextAlign.Right, valueFont, strong);
        });
        _y += size * 2f;
        return this;
    }

    /// <summary>Numbered word cells as wallet apps show a recovery phrase; <paramref name="columnMajor"/> numbers
    /// down each column first (1–6 in the first column), as several wallets do.</summary>
    public PhoneScreen Grid(IReadOnlyList<string> words, int columns, bool columnMajor = false, float size = 40)
    {
        var rows = (words.Count + columns - 1) / columns;
        var cellWidth = (Width - (2 * Margin) - ((columns - 1) * 20)) / columns;
        var cellHeight = size * 2.2f;
        var top = _y;
        for (var i = 0; i < words.Count; i++)
        {
            var (row, column) = columnMajor ? (i % rows, i / rows) : (i / columns, i % columns);
            var x = Margin + (column * (cellWidth + 20));
            var y = top + (row * (cellHeight + 18));
            var number = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var word = words[i];
            var wordFont = Font(IsCjk(word), size, false);
            _draw.Add(canvas =>
            {
                using var card = Paint(Card);
                canvas.DrawRoundRect(new SKRect(x, y, x + cellWidth, y + cellHeight), 14, 14, card);
                using var muted = Paint(Muted);
                using var strong = Paint(Foreground);
                canvas.DrawText(number, x + 22, y + (cellHeight / 2) + (size * 0.35f), SKTextAlign.Left, Font(false, size * 0.8f, false), muted);
                canvas.DrawText(word, x + 22 + (size * 1.5f), y + (cellHeight / 2) + (size * 0.35f), SKTextAlign.Left, wordFont, strong);
            });
        }

        _y = top + (rows * (cellHeight + 18)) + 30;
        return this;
    }

    /// <summary>A QR code of <paramref name="content"/>, centred, drawn by ZXing (always dark modules on white, as
    /// apps draw them, also in a dark theme).</summary>
    public PhoneScreen Qr(string content, int size = 520)
    {
        var writer = new QRCodeWriter();
        var matrix = writer.encode(content, BarcodeFormat.QR_CODE, size, size, new Dictionary<EncodeHintType, object> { [EncodeHintType.MARGIN] = 2 });
        var pixels = new PixelDataRenderer().Render(matrix, BarcodeFormat.QR_CODE, content);
        var x = (Width - pixels.Width) / 2f;
        var y = _y + 20;
        _draw.Add(canvas =>
        {
            using var bitmap = new SKBitmap(new SKImageInfo(pixels.Width, pixels.Height, SKColorType.Bgra8888, SKAlphaType.Premul));
            System.Runtime.InteropServices.Marshal.Copy(pixels.Pixels, 0, bitmap.GetPixels(), pixels.Pixels.Length);
            using var image = SKImage.FromBitmap(bitmap);
            canvas.DrawImage(image, x, y, new SKSamplingOptions(SKFilterMode.Nearest), null);
        });
        _y = y + pixels.Height + 40;
        return this;
    }

    /// <summary>A filled button with a caption.</summary>
    public PhoneScreen Button(string caption, float size = 42)
    {
        var top = _y + 10;
        var font = Font(IsCjk(caption), size, true);
        _draw.Add(canvas =>
        {
            using var fill = Paint(new SKColor(0xF0, 0xB9, 0x0B));
            canvas.DrawRoundRect(new SKRect(Margin, top, Width - Margin, top + (size * 2.6f)), 18, 18, fill);
            using var text = Paint(new SKColor(0x1A, 0x1C, 0x22));
            canvas.DrawText(caption, Width / 2f, top + (size * 1.65f), SKTextAlign.Center, font, text);
        });
        _y = top + (size * 2.6f) + 40;
        return this;
    }

    /// <summary>Leaves <paramref name="pixels"/> of space.</summary>
    public PhoneScreen Space(float pixels)
    {
        _y += pixels;
        return this;
    }

    /// <summary>Lossless PNG.</summary>
    public byte[] Png(int noise = 0) => Encode(SKEncodedImageFormat.Png, 100, noise);

    /// <summary>JPEG at <paramref name="quality"/> (what a photo of the screen or a messenger's recompression gives).</summary>
    public byte[] Jpeg(int quality = 80, int noise = 4) => Encode(SKEncodedImageFormat.Jpeg, quality, noise);

    private byte[] Encode(SKEncodedImageFormat format, int quality, int noise)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(Background);
            foreach (var draw in _draw)
            {
                draw(canvas);
            }
        }

        if (noise > 0)
        {
            AddNoise(bitmap, noise);
        }

        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, quality);
        return data.ToArray();
    }

    private static unsafe void AddNoise(SKBitmap bitmap, int amplitude)
    {
        // Seeded: the same screen gives the same bytes, so a failure can be looked at again.
        var random = new Random(12345);
        var span = new Span<byte>((void*)bitmap.GetPixels(), bitmap.RowBytes * bitmap.Height);
        for (var i = 0; i < span.Length; i += 4)
        {
            var delta = random.Next(-amplitude, amplitude + 1);
            for (var c = 0; c < 3; c++)
            {
                span[i + c] = (byte)Math.Clamp(span[i + c] + delta, 0, 255);
            }
        }
    }

    private static SKPaint Paint(SKColor color) => new() { Color = color, IsAntialias = true };

    private static SKFont Font(bool cjk, float size, bool bold, bool mono = false) =>
        new(Typefaces.Get(cjk, bold, mono), size) { Edging = SKFontEdging.Antialias, Subpixel = true };

    private static bool IsCjk(string text) => text.Any(c => c is >= '\u3000' and <= '\u9FFF' or >= '\uFF00' and <= '\uFFEF');

    private static IEnumerable<string> Wrap(string text, SKFont font, float width)
    {
        foreach (var paragraph in text.Split('\n'))
        {
            var line = "";
            // Chinese wraps anywhere; other text at spaces.
            var pieces = IsCjk(paragraph) ? paragraph.Select(c => c.ToString()) : paragraph.Split(' ').Select((w, i) => i == 0 ? w : " " + w);
            foreach (var piece in pieces)
            {
                if (line.Length > 0 && font.MeasureText(line + piece) > width)
                {
                    yield return line;
                    line = piece.TrimStart();
                }
                else
                {
                    line += piece;
                }
            }

            yield return line;
        }
    }
}
