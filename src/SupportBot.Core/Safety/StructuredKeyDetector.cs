namespace SupportBot.Core.Safety;

/// <summary>Finds keys pasted as data: a JSON array of exactly 64 bytes (how Solana CLI wallets store a secret key)
/// and an encrypted keystore JSON object (with "crypto" and "ciphertext" or "kdf"), which the wallet's password
/// opens. Both scans visit each character a bounded number of times.</summary>
internal static class StructuredKeyDetector
{
    /// <summary>Adds the keys in <paramref name="text"/> to <paramref name="findings"/>.</summary>
    public static void Detect(string text, List<SecretFinding> findings)
    {
        DetectByteArrays(text, findings);
        DetectKeystores(text, findings);
    }

    private static void DetectByteArrays(string text, List<SecretFinding> findings)
    {
        var i = text.AsSpan().IndexOf('[');
        while (i >= 0)
        {
            // The parse stops at the first character that is not a digit, comma, space or ']', so it never reads
            // past the next '[': every attempt covers its own stretch of text.
            var end = ParseByteArray(text, i, out var count);
            if (count == 64 && end > 0)
            {
                findings.Add(new SecretFinding(SecretKind.PrivateKey, i, end - i));
            }

            var next = Math.Max(i + 1, end);
            var found = next < text.Length ? text.AsSpan(next).IndexOf('[') : -1;
            i = found < 0 ? -1 : next + found;
        }
    }

    /// <summary>Parses "[n, n, …]" at <paramref name="start"/>; returns the index after ']' or -1, and the count.</summary>
    private static int ParseByteArray(string text, int start, out int count)
    {
        count = 0;
        var i = start + 1;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            var digits = 0;
            var value = 0;
            while (i < text.Length && TextChars.IsDigit(text[i]) && digits < 4)
            {
                value = (value * 10) + (text[i] - '0');
                digits++;
                i++;
            }

            if (digits == 0 || value > 255 || count == 64)
            {
                return -1;
            }

            count++;
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i < text.Length && text[i] == ']')
            {
                return i + 1;
            }

            if (i >= text.Length || text[i] != ',')
            {
                return -1;
            }

            i++;
        }

        return -1;
    }

    private static void DetectKeystores(string text, List<SecretFinding> findings)
    {
        var depth = 0;
        var objectStart = -1;
        var inString = false;
        var hasCrypto = false;
        var hasCipher = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inString)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inString = false;
                }

                continue;
            }

            switch (c)
            {
                case '{':
                    if (depth++ == 0)
                    {
                        objectStart = i;
                        hasCrypto = hasCipher = false;
                    }

                    break;
                case '}' when depth > 0:
                    if (--depth == 0 && hasCrypto && hasCipher)
                    {
                        findings.Add(new SecretFinding(SecretKind.PrivateKey, objectStart, i + 1 - objectStart));
                    }

                    break;
                case '"' when depth > 0:
                    hasCrypto |= IsKey(text, i, "crypto");
                    hasCipher |= IsKey(text, i, "ciphertext") || IsKey(text, i, "kdf");
                    inString = true;
                    break;
                default:
                    break;
            }
        }

        // A keystore cut off before its closing brace is still a keystore.
        if (depth > 0 && hasCrypto && hasCipher)
        {
            findings.Add(new SecretFinding(SecretKind.PrivateKey, objectStart, text.Length - objectStart));
        }
    }

    private static bool IsKey(string text, int quote, string name) =>
        quote + name.Length + 2 <= text.Length
        && text.AsSpan(quote + 1, name.Length).Equals(name, StringComparison.OrdinalIgnoreCase)
        && text[quote + name.Length + 1] == '"';
}
