using System.Security.Cryptography;

namespace SupportBot.Core.Codecs;

/// <summary>Base58 (the Bitcoin alphabet) decoding and the Base58Check checksum: one codec for the recognizers
/// (Bitcoin, Tron and Solana addresses and signatures) and the safety guard (WIF, extended and Solana keys).</summary>
public static class Base58
{
    private const string Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    /// <summary>The longest input decoded; decoding is quadratic in the length, so callers only pass tokens of known
    /// key, address or signature lengths (at most 112), never unbounded user text.</summary>
    public const int MaxLength = 128;

    private static readonly sbyte[] Digits = BuildDigits();

    /// <summary>Decodes <paramref name="text"/> into <paramref name="output"/>; false when a character is not base58,
    /// the text is too long or the result does not fit. Quadratic in the input, which is bounded by
    /// <see cref="MaxLength"/>.</summary>
    public static bool TryDecode(ReadOnlySpan<char> text, Span<byte> output, out int written)
    {
        written = 0;
        if (text.Length == 0 || text.Length > MaxLength)
        {
            return false;
        }

        // Little-endian base-256 accumulator; 128 base58 digits need at most 94 bytes.
        Span<byte> number = stackalloc byte[96];
        var used = 0;
        var leadingZeros = 0;
        while (leadingZeros < text.Length && text[leadingZeros] == '1')
        {
            leadingZeros++;
        }

        foreach (var c in text)
        {
            var digit = c < 128 ? Digits[c] : -1;
            if (digit < 0)
            {
                return false;
            }

            var carry = digit;
            for (var i = 0; i < used; i++)
            {
                carry += number[i] * 58;
                number[i] = (byte)carry;
                carry >>= 8;
            }

            while (carry > 0)
            {
                number[used++] = (byte)carry;
                carry >>= 8;
            }
        }

        var total = leadingZeros + used;
        if (total > output.Length)
        {
            return false;
        }

        output[..leadingZeros].Clear();
        for (var i = 0; i < used; i++)
        {
            output[leadingZeros + i] = number[used - 1 - i];
        }

        written = total;
        return true;
    }

    /// <summary>Whether <paramref name="c"/> is in the Base58 alphabet (no 0, O, I, l).</summary>
    public static bool IsBase58Char(char c) => c < 128 && Digits[c] >= 0;

    /// <summary>Decodes <paramref name="text"/>; null when it has a non-Base58 character or is too long.</summary>
    public static byte[]? Decode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Span<byte> buffer = stackalloc byte[MaxLength];
        return TryDecode(text, buffer, out var written) ? buffer[..written].ToArray() : null;
    }

    /// <summary>Decodes Base58Check; the payload (version byte included) when the text is Base58, null otherwise.
    /// <paramref name="checksumOk"/> tells a typo (bad checksum) from garbage.</summary>
    public static byte[]? DecodeCheck(string text, out bool checksumOk)
    {
        checksumOk = false;
        var bytes = Decode(text);
        if (bytes is null || bytes.Length < 5)
        {
            return null;
        }

        checksumOk = HasValidChecksum(bytes);
        return bytes[..^4];
    }

    /// <summary>Whether the last four bytes are the first four of the double SHA-256 of the rest.</summary>
    public static bool HasValidChecksum(ReadOnlySpan<byte> decoded)
    {
        if (decoded.Length < 5)
        {
            return false;
        }

        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(decoded[..^4], hash);
        SHA256.HashData(hash, hash);
        return hash[..4].SequenceEqual(decoded[^4..]);
    }

    private static sbyte[] BuildDigits()
    {
        var digits = new sbyte[128];
        Array.Fill(digits, (sbyte)-1);
        for (var i = 0; i < Alphabet.Length; i++)
        {
            digits[Alphabet[i]] = (sbyte)i;
        }

        return digits;
    }
}
