namespace SupportBot.Core.Safety;

/// <summary>Stops an agent's message that asks the user for a secret, that contains one, or that asks the user to move
/// to a private channel. A clause asks for a secret when it names one, by name or by what it is ("seed phrase",
/// "the 12 words you wrote down", "the 6 digits in your authenticator app", "验证码"), holds a request ("send me",
/// "what is your", "发给我", "是多少", or an order such as "type …" at its start) and holds no negation ("never",
/// "不要") and no place other than this chat ("in the app"), so warnings and instructions that name the same
/// secrets go through.</summary>
public sealed class OutboundGuard : IOutboundGuard
{
    private readonly ISecretScanner _scanner;

    /// <summary>Creates the guard; <paramref name="scanner"/> finds secrets pasted into the message.</summary>
    public OutboundGuard(ISecretScanner scanner)
    {
        ArgumentNullException.ThrowIfNull(scanner);
        _scanner = scanner;
    }

    /// <inheritdoc />
    public OutboundVerdict Check(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var scan = _scanner.Scan(text, ScanContext.None);
        if (scan.HasSecrets)
        {
            return OutboundVerdict.Block(scan.Findings.Min(f => f.Kind));
        }

        var lower = Normalize(text);
        var start = 0;
        var i = 0;
        while (i <= lower.Length)
        {
            var breakLength = i == lower.Length ? 1 : ClauseBreakAt(lower, i);
            if (breakLength == 0)
            {
                i++;
                continue;
            }

            if (AskedFor(lower.AsSpan(start, i - start)) is { } kind)
            {
                return OutboundVerdict.Block(kind);
            }

            i += breakLength;
            start = Math.Min(i, lower.Length);
        }

        return OutboundVerdict.Allow;
    }

    /// <summary>The secret a clause asks for, or null.</summary>
    private static SecretKind? AskedFor(ReadOnlySpan<char> clause)
    {
        if (clause.IsEmpty)
        {
            return null;
        }

        // Blank out "error code", "password reset" and the like, keeping positions.
        Span<char> masked = clause.Length <= 512 ? stackalloc char[clause.Length] : new char[clause.Length];
        clause.CopyTo(masked);
        foreach (var phrase in OutboundPhrases.NotSecrets)
        {
            for (var at = Find(masked, phrase, 0); at >= 0; at = Find(masked, phrase, at + phrase.Length))
            {
                masked.Slice(at, phrase.Length).Fill(' ');
            }
        }

        var nounAt = -1;
        SecretKind? kind = null;
        foreach (var (phrase, nounKind) in OutboundPhrases.Nouns)
        {
            var at = Find(masked, phrase, 0);
            if (at >= 0 && (nounAt < 0 || at < nounAt))
            {
                nounAt = at;
                kind = nounKind;
            }
        }

        if (ContainsAny(masked, OutboundPhrases.Negations, masked.Length))
        {
            return null;
        }

        if (kind is null)
        {
            return AsksToMoveChannel(masked) ? SecretKind.OffChannel : null;
        }

        if (ContainsAny(masked, OutboundPhrases.ElsewhereThanChat, masked.Length))
        {
            return null;
        }

        // "tell me if you received the code" asks whether, not what; "你收到的验证码是多少" asks what.
        var asks = ContainsAny(masked, OutboundPhrases.Questions, masked.Length)
            || ((ContainsAny(masked, OutboundPhrases.Requests, masked.Length) || StartsWithOrder(masked))
                && !ContainsAny(masked, OutboundPhrases.Conditions, nounAt));
        return asks ? kind : null;
    }

    /// <summary>An order at the start of the clause ("type the words here", "please reply with …", "now read out
    /// …"): a verb aimed at the user, after at most a few polite or linking words.</summary>
    private static bool StartsWithOrder(ReadOnlySpan<char> clause)
    {
        var i = 0;
        for (var words = 0; words < 4; words++)
        {
            while (i < clause.Length && !TextChars.IsAsciiLetter(clause[i]))
            {
                if (TextChars.IsCjk(clause[i]))
                {
                    return false;
                }

                i++;
            }

            var start = i;
            while (i < clause.Length && TextChars.IsAsciiLetter(clause[i]))
            {
                i++;
            }

            var word = clause[start..i];
            if (word.IsEmpty)
            {
                return false;
            }

            if (IsOneOf(word, OutboundPhrases.OrderVerbs))
            {
                return true;
            }

            if (!IsOneOf(word, OutboundPhrases.Fillers))
            {
                return false;
            }
        }

        return false;
    }

    private static bool IsOneOf(ReadOnlySpan<char> word, string[] words)
    {
        foreach (var candidate in words)
        {
            if (word.SequenceEqual(candidate))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"DM me on Telegram @x", "add me on WhatsApp", "加我微信", "私聊我": a private channel named with a
    /// contact request, or a contact request with a handle.</summary>
    private static bool AsksToMoveChannel(ReadOnlySpan<char> clause)
    {
        var contact = ContainsAny(clause, OutboundPhrases.ContactRequests, clause.Length);
        if (!contact)
        {
            return false;
        }

        return ContainsAny(clause, OutboundPhrases.PrivateChannels, clause.Length) || HasHandle(clause)
            || ContainsAny(clause, OutboundPhrases.DirectMessages, clause.Length);
    }

    /// <summary>An "@name" handle or a t.me / wa.me link.</summary>
    private static bool HasHandle(ReadOnlySpan<char> clause)
    {
        for (var k = 0; k + 1 < clause.Length; k++)
        {
            if (clause[k] == '@' && (k == 0 || !TextChars.IsAsciiLetterOrDigit(clause[k - 1]))
                && (TextChars.IsAsciiLetterOrDigit(clause[k + 1]) || clause[k + 1] == '_'))
            {
                return true;
            }
        }

        return clause.Contains("t.me/", StringComparison.Ordinal) || clause.Contains("wa.me/", StringComparison.Ordinal);
    }

    private static bool ContainsAny(ReadOnlySpan<char> text, string[] phrases, int before)
    {
        foreach (var phrase in phrases)
        {
            var at = Find(text, phrase, 0);
            if (at >= 0 && at < before)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The first occurrence of <paramref name="phrase"/> at or after <paramref name="from"/>; ASCII words
    /// match whole words only ("not" is not in "note").</summary>
    private static int Find(ReadOnlySpan<char> text, string phrase, int from)
    {
        while (from <= text.Length - phrase.Length)
        {
            var found = text[from..].IndexOf(phrase, StringComparison.Ordinal);
            if (found < 0)
            {
                return -1;
            }

            var at = from + found;
            var end = at + phrase.Length;
            var startOk = !TextChars.IsAsciiLetterOrDigit(phrase[0]) || at == 0
                || !TextChars.IsAsciiLetterOrDigit(text[at - 1]);
            var endOk = !TextChars.IsAsciiLetterOrDigit(phrase[^1]) || end == text.Length
                || !TextChars.IsAsciiLetterOrDigit(text[end]);
            if (startOk && endOk)
            {
                return at;
            }

            from = at + 1;
        }

        return -1;
    }

    /// <summary>Length of the clause break at <paramref name="i"/> (punctuation, "but", "但是"), or 0.</summary>
    private static int ClauseBreakAt(string text, int i)
    {
        // A full stop inside a word ("t.me/x", "x.com", "v2.1") does not end a clause.
        if (text[i] == '.' && i + 1 < text.Length && TextChars.IsAsciiLetterOrDigit(text[i + 1]))
        {
            return 0;
        }

        if (text[i] is '.' or ',' or '!' or '?' or ';' or '\n' or '，' or '。' or '！' or '？' or '；' or '：' or ':')
        {
            return 1;
        }

        foreach (var word in OutboundPhrases.ClauseBreaks)
        {
            if (text.AsSpan(i).StartsWith(word, StringComparison.Ordinal))
            {
                return word.Length;
            }
        }

        return 0;
    }

    /// <summary>ASCII lower case and straight apostrophes; positions are unchanged.</summary>
    private static string Normalize(string text) =>
        string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = c is '’' or '‘' ? '\'' : TextChars.LowerAscii(c);
            }
        });
}
