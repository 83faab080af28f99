using System.Security.Cryptography;

namespace SupportBot.Core.Recognizers;

/// <summary>Bitcoin-alphabet Base58 decoding and Base58Check verification (Bitcoin legacy, Tron, Solana).</summary>
public static class Base58
{
    private const string Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    /// <summary>Longest input decoded; the decoding is quadratic in length, so callers never pass user text of
    /// unbounded size.</summary>
    public const int MaxLength = 128;

    /// <summary>Whether <paramref name="c"/> is in the Base58 alphabet (no 0, O, I, l).</summary>
    public static bool IsBase58Char(char c) => c < 128 && Alphabet.Contains(c, StringComparison.Ordinal);

    /// <summary>Decodes <paramref name="text"/>; null when it has a non-Base58 character or is too long.</summary>
    public static byte[]? Decode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0 || text.Length > MaxLength)
        {
            return null;
        }

        var leadingZeros = 0;
        while (leadingZeros < text.Length && text[leadingZeros] == '1')
        {
            leadingZeros++;
        }

        // Big-endian base-256 accumulator: enough room for log(58)/log(256) ≈ 0.733 bytes per character.
        var buffer = new byte[(text.Length * 733 / 1000) + 1];
        var used = 0;
        foreach (var c in text)
        {
            var digit = Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (digit < 0)
            {
                return null;
            }

            var carry = digit;
            var j = 0;
            for (var k = buffer.Length - 1; (carry != 0 || j < used) && k >= 0; k--, j++)
            {
                carry += 58 * buffer[k];
                buffer[k] = (byte)(carry % 256);
                carry /= 256;
            }

            used = j;
        }

        var result = new byte[leadingZeros + used];
        Array.Copy(buffer, buffer.Length - used, result, leadingZeros, used);
        return result;
    }

    /// <summary>Decodes Base58Check; the payload (version byte included) when the 4-byte double-SHA-256 checksum
    /// holds, null when the text is not Base58. <paramref name="checksumOk"/> tells a typo from garbage.</summary>
    public static byte[]? DecodeCheck(string text, out bool checksumOk)
    {
        checksumOk = false;
        var bytes = Decode(text);
        if (bytes is null || bytes.Length < 5)
        {
            return null;
        }

        var payload = bytes[..^4];
        var hash = SHA256.HashData(SHA256.HashData(payload));
        checksumOk = hash.AsSpan(0, 4).SequenceEqual(bytes.AsSpan(bytes.Length - 4));
        return payload;
    }
}
