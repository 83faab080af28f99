using SupportBot.Core.Codecs;

namespace SupportBot.Core.Safety;

/// <summary>Finds private keys written as one token: 64 hex characters (with or without 0x), WIF, extended private
/// keys (xprv …) and Solana 64-byte secret keys in base58. Hashes and signatures look the same as hex and Solana
/// keys, so the label before the token and the conversation decide.</summary>
internal static class PrivateKeyDetector
{
    // How far before a token a "txid" or "私钥" label may stand.
    private const int LabelWindow = 24;

    // The most separator characters between two hashes of one list ("\n2. ").
    private const int ListGap = 12;

    private static readonly string[] ExtendedPrefixes = ["xprv", "yprv", "zprv", "tprv", "uprv", "vprv", "Yprv", "Zprv",
        "Uprv", "Vprv"];

    /// <summary>Adds the keys in <paramref name="text"/> to <paramref name="findings"/>. A hash-shaped token is a
    /// transaction hash (no finding) after a TXID label, right after another hash that was one (a list of TXIDs under
    /// one label), or at a step that asks for TXIDs; a key after a key label; otherwise it is reported as
    /// <see cref="SecretKind.KeyOrHash"/>: removed, but without the alarm of a key.</summary>
    public static void Detect(string text, ScanContext context, CueIndex cues, List<SecretFinding> findings)
    {
        var groups = default(HexGroups);
        var previousTxEnd = -1;
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
            if (groups.Add(text, start, token) is { } grouped)
            {
                Report(grouped.Start, grouped.Length, KeyShape.HashLike);
                continue;
            }

            if (token.Length >= 51 && Classify(token) is { } shape)
            {
                Report(start, token.Length, shape);
            }
        }

        void Report(int start, int length, KeyShape shape)
        {
            if (shape == KeyShape.Checked)
            {
                findings.Add(new SecretFinding(SecretKind.PrivateKey, start, length));
                return;
            }

            var reading = Read(text, start, context, cues, previousTxEnd);
            if (reading == Reading.Transaction)
            {
                previousTxEnd = start + length;
            }
            else
            {
                findings.Add(new SecretFinding(
                    reading == Reading.Key ? SecretKind.PrivateKey : SecretKind.KeyOrHash, start, length));
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

    /// <summary>What a hash-shaped value at <paramref name="start"/> is: the nearest label decides ("私钥" makes
    /// even a hash-shaped token a key, "txid" makes it a hash), then a transaction hash just before it in a list,
    /// then the step of the conversation.</summary>
    private static Reading Read(string text, int start, ScanContext context, CueIndex cues, int previousTxEnd)
    {
        var label = cues.LastEndingWithin(CueKind.TxLabel | CueKind.KeyLabel, start - LabelWindow, start);
        if (label is { } l)
        {
            return l.Is(CueKind.KeyLabel) ? Reading.Key : Reading.Transaction;
        }

        if (previousTxEnd >= 0 && start - previousTxEnd <= ListGap && OnlySeparators(text, previousTxEnd, start))
        {
            return Reading.Transaction;
        }

        return context.ExpectingTransactionId ? Reading.Transaction : Reading.Unclear;
    }

    private static bool OnlySeparators(string text, int from, int to)
    {
        for (var k = from; k < to; k++)
        {
            if (!TextChars.IsPhraseSeparator(text[k]))
            {
                return false;
            }
        }

        return true;
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

    private enum Reading
    {
        /// <summary>A transaction hash or signature: no finding.</summary>
        Transaction,

        /// <summary>Labelled as a key.</summary>
        Key,

        /// <summary>Nothing tells.</summary>
        Unclear,
    }

    /// <summary>A hex key written in equal groups ("1a2b3c4d 5e6f…", 8 groups of 8, 4 of 16 or 16 of 4) separated by
    /// a space, a dash, a colon or a line break: the 64 hex digits of a key or hash once joined.</summary>
    private struct HexGroups
    {
        private int _start;
        private int _end;
        private int _size;
        private int _count;
        private bool _letters;

        /// <summary>Adds a token; returns the whole span when the groups reach 64 digits.</summary>
        public (int Start, int Length)? Add(string text, int start, ReadOnlySpan<char> token)
        {
            var isGroup = token.Length is 4 or 8 or 16 && IsAllHex(token);
            var continues = isGroup && _count > 0 && token.Length == _size && start - _end is >= 1 and <= 3
                && IsGroupGap(text, _end, start);
            if (!continues)
            {
                this = default;
                if (!isGroup)
                {
                    return null;
                }

                _start = start;
                _size = token.Length;
            }

            _count++;
            _end = start + token.Length;
            foreach (var c in token)
            {
                _letters |= !TextChars.IsDigit(c);
            }

            if (_count * _size < 64)
            {
                return null;
            }

            var found = _letters ? (_start, _end - _start) : ((int, int)?)null;
            this = default;
            return found;
        }

        private static bool IsGroupGap(string text, int from, int to)
        {
            for (var k = from; k < to; k++)
            {
                if (text[k] is not (' ' or '-' or ':' or '\n' or '\r' or '\t'))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
