using System.Security.Cryptography;
using SupportBot.Core.Safety;

namespace SupportBot.Testing.Images;

/// <summary>Valid BIP39 phrases (checksum included) from fixed entropy, in English or Simplified Chinese, built from the
/// wordlists the scanner itself ships, so test images show phrases a real wallet could show.</summary>
public static class SeedPhrases
{
    /// <summary>The <paramref name="words"/>-word phrase (12 … 24) of entropy made from <paramref name="seed"/>.</summary>
    public static IReadOnlyList<string> English(int words, int seed) => Build(words, seed, "english");

    /// <summary>The same in the Simplified Chinese wordlist (one character a word).</summary>
    public static IReadOnlyList<string> Chinese(int words, int seed) => Build(words, seed, "chinese_simplified");

    private static string[] Build(int words, int seed, string list)
    {
        var wordlist = Load(list);
        var entropyBits = words * 32 / 3;
        var entropy = new byte[entropyBits / 8];
        new Random(seed).NextBytes(entropy);
        var checksum = SHA256.HashData(entropy);
        var bits = new bool[words * 11];
        for (var i = 0; i < entropyBits; i++)
        {
            bits[i] = (entropy[i / 8] & (0x80 >> (i % 8))) != 0;
        }

        for (var i = 0; i < words * 11 - entropyBits; i++)
        {
            bits[entropyBits + i] = (checksum[i / 8] & (0x80 >> (i % 8))) != 0;
        }

        var result = new string[words];
        for (var w = 0; w < words; w++)
        {
            var index = 0;
            for (var b = 0; b < 11; b++)
            {
                index = (index << 1) | (bits[(w * 11) + b] ? 1 : 0);
            }

            result[w] = wordlist[index];
        }

        return result;
    }

    private static string[] Load(string list)
    {
        var assembly = typeof(SecretScanner).Assembly;
        using var stream = assembly.GetManifestResourceStream($"SupportBot.Core.Safety.Wordlists.{list}.txt")
            ?? throw new InvalidOperationException("The scanner's wordlist " + list + " is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }
}
