namespace SupportBot.Core.Safety;

/// <summary>Finds an exchange API key and its secret pasted together without a label: two long random tokens side by
/// side (a space, a comma or a line break between them), as users copy them from the API page. A token counts when
/// it mixes upper case, lower case and digits (exchanges issue 64 such characters), or is a UUID or 32/64 hex digits
/// next to one that does, or a UUID next to 32/64 hex digits (OKX). Addresses and transaction hashes do not pair up: a base58 token no longer than an address
/// (44) is not taken, and two hex tokens (two TXIDs) are not a pair.</summary>
internal static class ApiKeyPairDetector
{
    private const int MinToken = 18;
    private const int MaxToken = 128;
    private const int MaxGap = 6;
    private const int LongestAddress = 44;

    /// <summary>Adds the pairs in <paramref name="text"/> to <paramref name="findings"/>.</summary>
    public static void Detect(string text, List<SecretFinding> findings)
    {
        var previousStart = -1;
        var previousEnd = -1;
        var previousShape = Shape.None;
        var i = 0;
        while (i < text.Length)
        {
            if (!IsTokenChar(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && IsTokenChar(text[i]))
            {
                i++;
            }

            var shape = Classify(text.AsSpan(start, i - start));
            if (shape != Shape.None && previousShape != Shape.None
                && (shape == Shape.Random || previousShape == Shape.Random || shape != previousShape)
                && start - previousEnd <= MaxGap && IsPairGap(text, previousEnd, start))
            {
                findings.Add(new SecretFinding(SecretKind.ApiSecret, previousStart, i - previousStart));
                shape = Shape.None;
            }

            previousStart = start;
            previousEnd = i;
            previousShape = shape;
        }
    }

    private static bool IsTokenChar(char c) => TextChars.IsAsciiLetterOrDigit(c) || c is '-' or '_';

    private static bool IsPairGap(string text, int from, int to)
    {
        for (var k = from; k < to; k++)
        {
            if (!char.IsWhiteSpace(text[k]) && text[k] is not (',' or ';' or '|' or '/'))
            {
                return false;
            }
        }

        return true;
    }

    private static Shape Classify(ReadOnlySpan<char> token)
    {
        if (token.Length is < MinToken or > MaxToken)
        {
            return Shape.None;
        }

        bool upper = false, lower = false, digit = false, other = false, base58 = true, hex = true;
        var dashes = 0;
        foreach (var c in token)
        {
            upper |= c is >= 'A' and <= 'Z';
            lower |= c is >= 'a' and <= 'z';
            digit |= TextChars.IsDigit(c);
            if (c is '-' or '_')
            {
                other = true;
                dashes += c == '-' ? 1 : 0;
                base58 = hex = false;
                continue;
            }

            base58 &= TextChars.IsBase58(c);
            hex &= TextChars.IsHex(c);
        }

        if (token.Length == 36 && dashes == 4 && token[8] == '-' && token[13] == '-' && token[18] == '-' && token[23] == '-')
        {
            return Shape.Uuid;
        }

        if (hex && !other && token.Length is 32 or 64)
        {
            return Shape.Companion;
        }

        // Base58 of an address's length or of a Solana signature's (86-88) is more likely one of those.
        var isRandom = upper && lower && digit && !other
            && !(base58 && (token.Length <= LongestAddress || token.Length is >= 86 and <= 88));
        return isRandom ? Shape.Random : Shape.None;
    }

    private enum Shape
    {
        None,

        /// <summary>Mixed case and digits: an exchange key or secret.</summary>
        Random,

        /// <summary>32/64 hex digits: a key or secret next to a random token or a UUID.</summary>
        Companion,

        /// <summary>A UUID (OKX keys): a key next to a random token or 32/64 hex digits.</summary>
        Uuid,
    }
}
