using SkiaSharp;

namespace SupportBot.Testing.Images;

/// <summary>The fonts the test screenshots are drawn with, from the OS packages tests/run.sh installs
/// (fonts-dejavu-core, fonts-noto-cjk). A missing font fails loudly: drawing with a fallback would test nothing.</summary>
internal static class Typefaces
{
    private const string DejaVu = "/usr/share/fonts/truetype/dejavu/";
    private const string NotoCjk = "/usr/share/fonts/opentype/noto/";

    private static readonly Lazy<SKTypeface> Sans = new(() => Load(DejaVu + "DejaVuSans.ttf", 0));
    private static readonly Lazy<SKTypeface> SansBold = new(() => Load(DejaVu + "DejaVuSans-Bold.ttf", 0));
    private static readonly Lazy<SKTypeface> Mono = new(() => Load(DejaVu + "DejaVuSansMono.ttf", 0));
    private static readonly Lazy<SKTypeface> Cjk = new(() => LoadCjk("NotoSansCJK-Regular.ttc"));
    private static readonly Lazy<SKTypeface> CjkBold = new(() => LoadCjk("NotoSansCJK-Bold.ttc"));

    public static SKTypeface Get(bool cjk, bool bold, bool mono) => (cjk, bold, mono) switch
    {
        (_, _, true) => Mono.Value,
        (true, true, _) => CjkBold.Value,
        (true, false, _) => Cjk.Value,
        (false, true, _) => SansBold.Value,
        _ => Sans.Value,
    };

    private static SKTypeface LoadCjk(string file)
    {
        // The collection holds JP, KR, SC, TC, HK faces; Simplified Chinese is the one whose family name says SC.
        for (var index = 0; index < 10; index++)
        {
            var face = SKTypeface.FromFile(NotoCjk + file, index);
            if (face is null)
            {
                break;
            }

            if (face.FamilyName.EndsWith(" SC", StringComparison.Ordinal))
            {
                return face;
            }

            face.Dispose();
        }

        throw new InvalidOperationException($"{NotoCjk}{file} has no Simplified Chinese face: install fonts-noto-cjk (tests/run.sh does).");
    }

    private static SKTypeface Load(string path, int index) =>
        SKTypeface.FromFile(path, index)
            ?? throw new InvalidOperationException($"Font {path} is missing: install fonts-dejavu-core (tests/run.sh does).");
}
