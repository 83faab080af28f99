namespace SupportBot.Core.Safety;

/// <summary>Decides whether one message holds wordlist words that could be part of a seed phrase sent over several
/// messages (6 + 6, 4 + 4 + 4, one word at a time, "my seed phrase is" and then the words). Such words are held
/// back: redacted before anything is stored. The rules keep ordinary messages out:
/// <list type="bullet">
/// <item>a message of English list words only is held when one of them is not a common chat word
/// (<see cref="EnglishCommonWords"/>: "can you help" stays, "abandon" or "zoo ability" is held), or when it has five
/// or more of them;</item>
/// <item>inside a longer message, a run of five or more list words with two rare ones is held ("here are the first
/// six: …");</item>
/// <item>after a seed-phrase word ("seed phrase", "mnemonic", "助记词" …), in this message or a recent one, any run
/// of list words with a rare one is held;</item>
/// <item>Chinese: characters written apart ("的 一 是", "的，一，是") from three on, or a short message of list
/// characters only whose mix is as rare as a phrase's (<see cref="ChineseRarity"/>: ordinary short messages keep
/// to the few hundred most common characters);</item>
/// <item>while a run of held messages is going on, any message of list words only is held.</item>
/// </list></summary>
internal static class SeedFragmentFinder
{
    private const int MaxGap = 12;
    private const int MinRunInSentence = 5;
    private const int MinRareInSentence = 2;
    private const int MinAllListed = 5;
    private const int MinApart = 3;
    private const int MinGlued = 6;
    private const int MaxGlued = 24;
    private const int CueReach = 16;

    // Mean rarity (ChineseRarity) of a short message of list characters only that is held: random phrase pieces of
    // 4–11 characters average about 6.7; ordinary short messages stay well below (see the tests' corpus).
    private const float GluedRarity = 6.3f;

    // Once pieces are coming (or after "助记词是"), a rarer-than-usual mix is enough.
    private const float ContinuedRarity = 5.6f;

    private static readonly string[] StrongCues =
    [
        "seed phrase", "seed words", "seed", "mnemonic", "recovery phrase", "secret phrase", "backup phrase",
        "recovery words", "助记词", "种子词", "密语",
    ];

    /// <summary>Whether <paramref name="text"/> names a seed phrase ("my seed phrase is"): the next messages' list
    /// words are held.</summary>
    public static bool HasSeedCue(string text)
    {
        var cues = new CueIndex(text);
        foreach (var hit in cues.Hits)
        {
            if (IsStrongCue(text, hit))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The held words of <paramref name="text"/>, or null. <paramref name="active"/>: a run of held
    /// messages or a seed-phrase word came just before. Words inside <paramref name="already"/> (findings of the full
    /// scan) are skipped.</summary>
    public static SeedFragment? Find(string text, bool active, IReadOnlyList<SecretFinding> already)
    {
        if (text.Length == 0)
        {
            return null;
        }

        var map = (int[]?)null;
        var folded = text;
        if (TextFolder.NeedsFolding(text, out _))
        {
            folded = TextFolder.Fold(text, invisibleAsSpace: false, out var m);
            map = m;
        }

        var cues = new CueIndex(folded);
        var english = EnglishRuns(folded, cues, active);
        var chinese = ChineseRun(folded, cues, active);
        var spans = new List<SecretFinding>();
        var result = new SeedFragment(spans, 0);
        var words = 0;
        foreach (var run in english)
        {
            var span = Map(new SecretFinding(SecretKind.SeedPhrase, run.Start, run.End - run.Start), map);
            if (Overlaps(span, already))
            {
                continue;
            }

            spans.Add(span);
            foreach (var index in run.Indices)
            {
                result.English.Add(index);
                result.Simplified.Add(-1);
                result.Traditional.Add(-1);
            }

            words += run.Indices.Count;
        }

        if (chinese is { } zh)
        {
            var span = Map(new SecretFinding(SecretKind.SeedPhrase, zh.Start, zh.End - zh.Start), map);
            if (!Overlaps(span, already))
            {
                spans.Add(span);
                for (var k = zh.Start; k < zh.End; k++)
                {
                    if (ChineseSeedDetector.IsListChar(folded[k]))
                    {
                        result.English.Add(-1);
                        result.Simplified.Add(Bip39Wordlists.SimplifiedChar(folded[k]));
                        result.Traditional.Add(Bip39Wordlists.TraditionalChar(folded[k]));
                        words++;
                    }
                }
            }
        }

        return words == 0 ? null : result with { Words = words };
    }

    private static SecretFinding Map(SecretFinding finding, int[]? map) =>
        map is null ? finding : TextFolder.MapBack(finding, map);

    private static bool Overlaps(SecretFinding span, IReadOnlyList<SecretFinding> findings)
    {
        foreach (var f in findings)
        {
            if (span.Start < f.Start + f.Length && f.Start < span.Start + span.Length)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsStrongCue(string text, CueHit hit)
    {
        if (!hit.Is(CueKind.SeedLabel))
        {
            return false;
        }

        var cue = text.AsSpan(hit.Start, hit.End - hit.Start);
        foreach (var strong in StrongCues)
        {
            if (cue.Equals(strong, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool CuedAt(string text, CueIndex cues, int start)
    {
        var hit = cues.LastEndingWithin(CueKind.SeedLabel, start - CueReach, start);
        return hit is { } h && IsStrongCue(text, h);
    }

    private static List<EnglishRun> EnglishRuns(string text, CueIndex cues, bool active)
    {
        var runs = new List<EnglishRun>();
        var current = new EnglishRun();
        var words = 0;
        var unlisted = 0;
        var previousEnd = -1;
        var hasCjk = false;
        var i = 0;
        while (i < text.Length)
        {
            if (!TextChars.IsAsciiLetter(text[i]))
            {
                hasCjk |= TextChars.IsCjk(text[i]);
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && TextChars.IsAsciiLetter(text[i]))
            {
                i++;
            }

            words++;
            var word = text.AsSpan(start, i - start);
            var index = Bip39Wordlists.EnglishWord(word);
            if (index < 0)
            {
                index = Bip39Wordlists.EnglishPrefix(word);
            }

            if (current.Indices.Count > 0 && (index < 0 || !IsGap(text, previousEnd, start)))
            {
                runs.Add(current);
                current = new EnglishRun();
            }

            if (index >= 0)
            {
                if (current.Indices.Count == 0)
                {
                    current.Start = start;
                    current.Cued = CuedAt(text, cues, start);
                }

                current.Indices.Add(index);
                // A word is rare by the list word it names: "thanks" is "thank", "orders" is "order".
                current.Rare += EnglishCommonWords.Contains(Bip39Wordlists.English[index]) || IsCueWord(word) ? 0 : 1;
                current.End = i;
            }
            else
            {
                unlisted++;
            }

            previousEnd = i;
        }

        if (current.Indices.Count > 0)
        {
            runs.Add(current);
        }

        var allListed = unlisted == 0 && !hasCjk && runs.Count > 0;
        var listedWords = words - unlisted;
        var held = new List<EnglishRun>();
        foreach (var run in runs)
        {
            var n = run.Indices.Count;
            var keep = (allListed && listedWords == 1 && !IsStandaloneReply(Bip39Wordlists.English[run.Indices[0]]))
                || (allListed && (active || listedWords >= MinAllListed || runs.Sum(r => r.Rare) > 0))
                || (n >= MinRunInSentence && run.Rare >= MinRareInSentence)
                || (run.Cued && run.Rare > 0)
                || (active && n >= MinApart && run.Rare > 0);
            if (keep)
            {
                held.Add(run);
            }
        }

        return held;
    }

    // The list words a user sends alone as an answer; any other lone list word ("letter", "zoo") is held, since a
    // phrase may be coming one word at a time.
    private static readonly HashSet<string> StandaloneReplies = new(StringComparer.Ordinal)
    {
        "help", "okay", "hello", "agent", "human", "deposit", "account", "sorry", "again", "wait", "what", "when",
        "where", "cancel", "next", "start", "today", "now", "later", "error", "fee", "balance", "transfer", "order",
        "trade", "thank", "please", "yes", "other", "problem", "issue", "check", "ticket", "menu", "question",
        "support", "service", "urgent", "still", "nothing", "done", "correct", "right", "wrong", "same", "all",
        "never", "before", "after", "yesterday", "tomorrow", "morning", "night", "hour", "minute", "month", "year",
        "email", "phone", "code", "address", "network", "token", "coin", "wallet", "exchange", "withdraw", "refund",
        "login", "lock", "unlock", "update", "verify", "submit", "confirm", "skip", "continue", "finish", "close",
        "open", "money", "cash", "price", "market", "spot", "future", "margin", "option", "reward", "bonus", "invite",
        "limit", "risk", "security", "access", "unknown", "random", "test", "hint", "ready", "sure", "true", "good",
        "great", "fine", "cool", "nice", "super", "awesome", "hurry", "quick", "slow", "stop", "pause", "repeat",
    };

    private static bool IsStandaloneReply(string word) => StandaloneReplies.Contains(word);

    // List words that name the secret itself ("seed phrase", "wallet") are no part of it.
    private static bool IsCueWord(ReadOnlySpan<char> word) =>
        word.Equals("phrase", StringComparison.OrdinalIgnoreCase) || word.Equals("wallet", StringComparison.OrdinalIgnoreCase)
        || word.Equals("seed", StringComparison.OrdinalIgnoreCase) || word.Equals("words", StringComparison.OrdinalIgnoreCase)
        || word.Equals("word", StringComparison.OrdinalIgnoreCase);

    private static bool IsGap(string text, int from, int to)
    {
        if (from < 0 || to - from > MaxGap)
        {
            return false;
        }

        for (var k = from; k < to; k++)
        {
            if (!TextChars.IsPhraseSeparator(text[k]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The held Chinese characters as one span, or null.</summary>
    private static (int Start, int End)? ChineseRun(string text, CueIndex cues, bool active)
    {
        var first = -1;
        var last = -1;
        var count = 0;
        var apart = 0;
        var onlyList = true;
        var rarity = 0f;
        var cueEnd = -1;
        foreach (var hit in cues.Hits)
        {
            // Only "助记词是 …", "助记词：…" introduce the words; "助记词丢了" talks about them.
            var next = hit.End;
            while (next < text.Length && char.IsWhiteSpace(text[next]))
            {
                next++;
            }

            if (IsStrongCue(text, hit) && TextChars.IsCjk(text[hit.Start]) && next < text.Length
                && text[next] is '是' or '为' or ':' or '：')
            {
                cueEnd = next + 1;
            }
        }

        for (var k = 0; k < text.Length; k++)
        {
            var c = text[k];
            if (ChineseSeedDetector.IsListChar(c) && k >= cueEnd)
            {
                first = first < 0 ? k : first;
                last = k;
                count++;
                rarity += ChineseRarity.Score(Bip39Wordlists.SimplifiedChar(c), Bip39Wordlists.TraditionalChar(c));
                var leftApart = k == 0 || !TextChars.IsCjk(text[k - 1]);
                var rightApart = k + 1 == text.Length || !TextChars.IsCjk(text[k + 1]);
                apart += leftApart && rightApart ? 1 : 0;
            }
            else if (k >= cueEnd && !TextChars.IsPhraseSeparator(c))
            {
                onlyList = false;
            }
        }

        if (count == 0 || !onlyList || count > MaxGlued)
        {
            return null;
        }

        var cued = cueEnd >= 0;
        var mean = rarity / count;
        var held = (apart == count && (apart >= MinApart || active || cued))
            || (count >= MinGlued && mean >= GluedRarity)
            || ((active || (cued && count >= MinApart)) && mean >= ContinuedRarity);
        return held ? (first, last + 1) : null;
    }

    private sealed class EnglishRun
    {
        public int Start;
        public int End;
        public int Rare;
        public bool Cued;
        public List<int> Indices { get; } = [];
    }
}
