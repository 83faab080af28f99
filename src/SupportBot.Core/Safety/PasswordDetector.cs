namespace SupportBot.Core.Safety;

/// <summary>Finds values written after a password, API-secret or private-key word: "密码是 Abc123", "password:
/// hunter2", "api secret = …", "私钥是 …". Only the value is removed. A word with nothing after it ("忘记密码了",
/// "I forgot my password", "reset password") is no finding, and ordinary words after it ("password is wrong") are
/// not taken for a password.</summary>
internal static class PasswordDetector
{
    private const int MinPassword = 4;
    private const int MinSecret = 8;
    private const int MinKey = 12;

    private static readonly HashSet<string> NotValues = new(StringComparer.OrdinalIgnoreCase)
    {
        "wrong", "incorrect", "correct", "right", "not", "invalid", "expired", "too", "very", "reset", "changed",
        "change", "forgotten", "forgot", "lost", "locked", "blocked", "weak", "strong", "short", "long", "the", "a", "an",
        "and", "or", "but", "still", "already", "being", "been", "now", "same", "different", "fine", "ok", "okay",
        "working", "broken", "stolen", "compromised", "leaked", "hacked", "safe", "secure", "required", "needed",
        "empty", "missing", "gone", "set", "saved", "updated", "rejected", "accepted", "also", "for", "to", "of", "in",
        "on", "at", "with", "without", "from", "by", "my", "your", "it", "is", "was", "this", "that", "these", "which",
        "manager", "field", "page", "link", "email", "mail", "sms", "recovery", "again", "anymore", "twice", "once",
        "please", "help", "here", "there", "never", "no", "yes", "does", "doesn't", "didn't", "isn't", "wasn't",
        "won't", "can't", "cannot", "do", "did", "will", "would", "should", "could", "must", "every", "each",
        "hint", "rules", "requirements", "policy", "strength", "protected", "encrypted", "hidden", "unknown", "same.",
        "repeatedly", "multiple", "several", "many", "times", "attempts", "error", "errors", "issue", "problem",
        "login", "log", "sign", "because", "since", "after", "before", "when", "if", "so", "then", "but,",
    };

    /// <summary>Adds the values in <paramref name="text"/> to <paramref name="findings"/>.</summary>
    public static void Detect(string text, CueIndex cues, List<SecretFinding> findings)
    {
        const CueKind valueCues = CueKind.PasswordValue | CueKind.SecretValue | CueKind.KeyValue | CueKind.LoginValue;
        var consumed = 0;
        foreach (var hit in cues.Hits)
        {
            // Hits are in order of start and the longest comes first at one position; later hits inside a cue or
            // a value already taken are skipped, which also keeps the scan linear.
            if (!hit.Is(valueCues) || hit.Start < consumed)
            {
                continue;
            }

            if (hit.Is(CueKind.LoginValue))
            {
                // Only a login with a password after a slash is taken; otherwise the words inside the cue
                // ("账号密码") are read as cues of their own.
                consumed = Math.Max(consumed, DetectLogin(text, hit.End, findings));
                continue;
            }

            consumed = hit.End;

            var chinese = TextChars.IsCjk(text[hit.Start]);
            var valueStart = SkipSeparators(text, hit.End, out var explicitSeparator);
            var quoted = valueStart > hit.End && text[valueStart - 1] is '"' or '\'' or '`';
            var valueEnd = quoted ? ReadQuoted(text, valueStart, text[valueStart - 1]) : ReadValue(text, valueStart, chinese);

            // "password@host" and "pwd123" are one word, not a word and its value.
            var glued = valueStart == hit.End && !chinese && TextChars.IsAsciiLetterOrDigit(text[hit.End - 1]);
            if (valueEnd <= valueStart || glued)
            {
                continue;
            }

            var value = text.AsSpan(valueStart, valueEnd - valueStart);
            var kind = hit.Is(CueKind.KeyValue) ? SecretKind.PrivateKey
                : hit.Is(CueKind.SecretValue) ? SecretKind.ApiSecret
                : SecretKind.Password;
            var isExplicit = explicitSeparator || hit.Is(CueKind.Explicit) || chinese;
            if (IsValue(value, kind, hit.Is(CueKind.SecretValue), isExplicit))
            {
                findings.Add(new SecretFinding(kind, valueStart, valueEnd - valueStart));
                consumed = valueEnd;
            }
        }
    }

    /// <summary>"login: alice@example.com / Hunter2" (or the same after "账号密码"): the rest of the line is a login
    /// and a password; the password is what follows the last slash or bar. Returns where the value ended, or 0.</summary>
    private static int DetectLogin(string text, int from, List<SecretFinding> findings)
    {
        var start = SkipSeparators(text, from, out _);
        var end = start;
        var lastSlash = -1;
        while (end < text.Length && text[end] is not ('\n' or '\r' or '，' or '。'))
        {
            if (text[end] is '/' or '|' or '／')
            {
                lastSlash = end;
            }

            end++;
        }

        while (end > start && (char.IsWhiteSpace(text[end - 1]) || text[end - 1] is '.' or ',' or ';' or ')'))
        {
            end--;
        }

        if (lastSlash < start || lastSlash >= end)
        {
            return 0;
        }

        var passwordStart = lastSlash + 1;

        while (passwordStart < end && char.IsWhiteSpace(text[passwordStart]))
        {
            passwordStart++;
        }

        var value = text.AsSpan(passwordStart, end - passwordStart);
        if (value.Length >= MinPassword && value.IndexOfAny(' ', '\t') < 0 && !LooksLikeDateOrTime(value)
            && !NotValues.GetAlternateLookup<ReadOnlySpan<char>>().Contains(value))
        {
            findings.Add(new SecretFinding(SecretKind.Password, passwordStart, end - passwordStart));
            return end;
        }

        return 0;
    }

    /// <summary>A value in quotes ("apiKey": "…") runs to the closing quote or the end of the line.</summary>
    private static int ReadQuoted(string text, int start, char quote)
    {
        var i = start;
        while (i < text.Length && text[i] != quote && text[i] is not ('\n' or '\r'))
        {
            i++;
        }

        return i;
    }

    /// <summary>Skips spaces, quotes, ":", "=", "-", "是", "为" and the words "is" and "was".</summary>
    private static int SkipSeparators(string text, int i, out bool explicitSeparator)
    {
        explicitSeparator = false;
        while (i < text.Length)
        {
            var c = text[i];
            if (c is ':' or '：' or '=' or '是' or '为' or '為')
            {
                explicitSeparator = true;
                i++;
            }
            else if (char.IsWhiteSpace(c) || c is '"' or '\'' or '“' or '”' or '‘' or '’' or '-' or '「' or '`')
            {
                i++;
            }
            else if (c is 'i' or 'I' or 'w' or 'W' && (IsWord(text, i, "is") || IsWord(text, i, "was")))
            {
                explicitSeparator = true;
                i += text[i] == 'i' || text[i] == 'I' ? 2 : 3;
            }
            else
            {
                break;
            }
        }

        return i;
    }

    private static bool IsWord(string text, int at, string word) =>
        at + word.Length <= text.Length
        && text.AsSpan(at, word.Length).Equals(word, StringComparison.OrdinalIgnoreCase)
        && (at + word.Length == text.Length || !TextChars.IsAsciiLetterOrDigit(text[at + word.Length]));

    /// <summary>The value runs to the next space (English) or to the end of the line (after a Chinese cue, since
    /// "密码是 abc 123" keeps its spaces), and always stops at a Chinese character or punctuation.</summary>
    private static int ReadValue(string text, int start, bool chinese)
    {
        var i = start;
        var end = start;
        while (i < text.Length)
        {
            var c = text[i];
            if (c is '\n' or '\r' or '，' or '。' or '！' or '？' or '；' or '、' or '」' or '”' or '’' || TextChars.IsCjk(c))
            {
                break;
            }

            if (char.IsWhiteSpace(c) && !chinese)
            {
                break;
            }

            i++;
            if (!char.IsWhiteSpace(c))
            {
                end = i;
            }
        }

        // Sentence punctuation after the value belongs to the sentence.
        while (end > start && text[end - 1] is '.' or ',' or ';' or ':' or ')' or '"' or '\'' or '?' or '`')
        {
            end--;
        }

        return end;
    }

    private static bool IsValue(ReadOnlySpan<char> value, SecretKind kind, bool apiSecret, bool isExplicit)
    {
        var lookup = NotValues.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.Contains(value) || LooksLikeDateOrTime(value))
        {
            return false;
        }

        var secretLike = LooksLikeSecret(value);
        return kind switch
        {
            SecretKind.PrivateKey => value.Length >= MinKey && secretLike,
            _ when apiSecret => value.Length >= MinSecret && secretLike,
            _ => value.Length >= MinPassword && (secretLike || (isExplicit && !IsPlainWord(value))),
        };
    }

    /// <summary>Digits and letters together, a symbol, or upper case after the first letter: what password rules
    /// demand and ordinary words lack.</summary>
    private static bool LooksLikeSecret(ReadOnlySpan<char> value)
    {
        bool digit = false, letter = false, symbol = false, innerUpper = false;
        for (var k = 0; k < value.Length; k++)
        {
            var c = value[k];
            digit |= TextChars.IsDigit(c);
            letter |= char.IsLetter(c);
            symbol |= !char.IsLetterOrDigit(c);
            innerUpper |= k > 0 && char.IsUpper(c);
        }

        return (digit && letter) || symbol || innerUpper || (digit && value.Length >= 6);
    }

    /// <summary>A lower-case English word, which after "password is" is more likely a description than a
    /// password ("password is incorrect").</summary>
    private static bool IsPlainWord(ReadOnlySpan<char> value)
    {
        foreach (var c in value)
        {
            if (c is < 'a' or > 'z')
            {
                return false;
            }
        }

        return true;
    }

    private static bool LooksLikeDateOrTime(ReadOnlySpan<char> value)
    {
        var separators = 0;
        foreach (var c in value)
        {
            if (c is '-' or '/' or ':' or '.')
            {
                separators++;
            }
            else if (!TextChars.IsDigit(c))
            {
                return false;
            }
        }

        return separators > 0;
    }
}
