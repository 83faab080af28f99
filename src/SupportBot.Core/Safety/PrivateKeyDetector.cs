using SupportBot.Core.Codecs;

namespace SupportBot.Core.Safety;

/// <summary>Finds private keys written as one token: 64 hex characters (with or without 0x), WIF, extended private
/// keys (xprv …) and Solana 64-byte secret keys in base58. Hashes and signatures look the same as hex and Solana
/// keys, so the label before the token and the conversation decide.</summary>
internal static class PrivateKeyDetector
{
    // How far before a token a "txid" or "私钥" label may stand.
    private const int LabelWindow = 24;

    private static readonly string[] ExtendedPrefixes = ["xprv", "yprv", "zprv", "tprv", "uprv", "vprv", "Yprv", "Zprv",
        "Uprv", "Vprv"];

    /// <summary>Adds the keys in <paramref name="text"/> to <paramref name="findings"/>.</summary>
    public static void Detect(string text, ScanContext context, CueIndex cues, List<SecretFinding> findings)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (!TextChars.IsAsciiLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && TextChars.IsAsciiLetterOrDigit(text[i]))
            {
                i++;
            }

            var token = text.AsSpan(start, i - start);
            if (token.Length >= 51 && Classify(token) is { } shape
                && (shape == KeyShape.Checked || IsUnlabelledKey(start, context, cues)))
            {
                findings.Add(new SecretFinding(SecretKind.PrivateKey, start, token.Length));
            }
        }
    }

    /// <summary>What kind of key <paramref name="token"/> is, or null.</summary>
    private static KeyShape? Classify(ReadOnlySpan<char> token)
    {
        var hex = token.Length == 66 && token[0] == '0' && (token[1] | 0x20) == 'x' ? token[2..] : token;
        if (hex.Length == 64 && IsAllHex(hex))
        {
            return KeyShape.HashLike;
        }

        if (!IsAllBase58(token))
        {
            return null;
        }

        Span<byte> bytes = stackalloc byte[96];
        if (token.Length is 51 or 52 && token[0] is '5' or 'K' or 'L' or 'c' or '9'
            && Base58.TryDecode(token, bytes, out var wifLength) && wifLength is 37 or 38
            && bytes[0] is 0x80 or 0xEF && Base58.HasValidChecksum(bytes[..wifLength]))
        {
            return KeyShape.Checked;
        }

        if (token.Length == 111 && StartsWithExtendedPrefix(token)
            && Base58.TryDecode(token, bytes, out var extLength) && extLength == 82
            && Base58.HasValidChecksum(bytes[..82]))
        {
            return KeyShape.Checked;
        }

        // 64 bytes in base58 take 86 to 88 characters; a transaction signature is the same shape.
        return token.Length is >= 86 and <= 88 && Base58.TryDecode(token, bytes, out var solLength) && solLength == 64
            ? KeyShape.HashLike
            : null;
    }

    private static bool IsUnlabelledKey(int start, ScanContext context, CueIndex cues)
    {
        var label = cues.LastEndingWithin(CueKind.TxLabel | CueKind.KeyLabel, start - LabelWindow, start);
        if (label is { } l)
        {
            // The nearest label decides: "私钥" makes even a hash-shaped token a key, "txid" makes it a hash.
            return l.Is(CueKind.KeyLabel);
        }

        return !context.ExpectingTransactionId;
    }

    private static bool StartsWithExtendedPrefix(ReadOnlySpan<char> token)
    {
        foreach (var prefix in ExtendedPrefixes)
        {
            if (token.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsAllHex(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (!TextChars.IsHex(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsAllBase58(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (!TextChars.IsBase58(c))
            {
                return false;
            }
        }

        return true;
    }

    private enum KeyShape
    {
        /// <summary>Checksummed key format: always a key.</summary>
        Checked,

        /// <summary>Same shape as a transaction hash or signature.</summary>
        HashLike,
    }
}
