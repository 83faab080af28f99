using System.Security.Cryptography;

namespace SupportBot.Core.Safety;

/// <summary>The BIP39 checksum: a mnemonic of n words carries 11·n bits, the entropy followed by the first
/// entropy/32 bits of its SHA-256.</summary>
internal static class Bip39
{
    /// <summary>Whether <paramref name="length"/> is a standard mnemonic length (12, 15, 18, 21 or 24 words).</summary>
    public static bool IsMnemonicLength(int length) => length is 12 or 15 or 18 or 21 or 24;

    /// <summary>Whether the word indices form a mnemonic with a valid checksum.</summary>
    public static bool IsValid(ReadOnlySpan<int> indices)
    {
        if (!IsMnemonicLength(indices.Length))
        {
            return false;
        }

        Span<byte> bits = stackalloc byte[33];
        bits.Clear();
        var bit = 0;
        foreach (var index in indices)
        {
            if ((uint)index >= 2048)
            {
                return false;
            }

            for (var b = 10; b >= 0; b--, bit++)
            {
                if (((index >> b) & 1) != 0)
                {
                    bits[bit >> 3] |= (byte)(0x80 >> (bit & 7));
                }
            }
        }

        var entropyBits = indices.Length * 32 / 3;
        var checksumBits = entropyBits / 32;
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(bits[..(entropyBits / 8)], hash);

        // Compare the checksum bits (at most 8) with the first bits of the hash.
        var stored = bits[entropyBits / 8] >> (8 - checksumBits);
        var expected = hash[0] >> (8 - checksumBits);
        return stored == expected;
    }

    /// <summary>The word indices of the mnemonic for <paramref name="entropy"/> (16, 20, 24, 28 or 32 bytes).</summary>
    public static int[] ToIndices(ReadOnlySpan<byte> entropy)
    {
        if (entropy.Length is not (16 or 20 or 24 or 28 or 32))
        {
            throw new ArgumentException("Entropy must be 16, 20, 24, 28 or 32 bytes.", nameof(entropy));
        }

        Span<byte> data = stackalloc byte[33];
        entropy.CopyTo(data);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(entropy, hash);
        data[entropy.Length] = hash[0];
        var words = entropy.Length * 8 * 33 / 32 / 11;
        var indices = new int[words];
        for (var w = 0; w < words; w++)
        {
            var value = 0;
            for (var b = 0; b < 11; b++)
            {
                var bit = (w * 11) + b;
                value = (value << 1) | ((data[bit >> 3] >> (7 - (bit & 7))) & 1);
            }

            indices[w] = value;
        }

        return indices;
    }
}
