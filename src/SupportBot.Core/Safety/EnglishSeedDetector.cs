namespace SupportBot.Core.Safety;

/// <summary>Finds English BIP39 phrases: long runs of wordlist words separated only by spaces, commas, newlines or
/// list numbering. Ordinary sentences break such runs quickly, because "I", "my", "the", "is", "to" and most verbs are
/// not in the list.</summary>
internal static class EnglishSeedDetector
{
    /// <summary>A run this long is a phrase even without a checksum (a mistyped word, a missing one).</summary>
    public const int LikelyRun = 10;

    // After "seed phrase:" or "助记词是" fewer words already give a phrase away (the user may have sent part of it).
    private const int RunAfterCue = 6;

    // The longest separator between two words: "\n12. " and the like.
    private const int MaxGap = 12;

    // Abbreviated or misspelt words (right first four letters) a run may contain.
    private const int MaxInexact = 3;

    /// <summary>Adds the phrases in <paramref name="text"/> to <paramref name="findings"/>.</summary>
    public static void Detect(string text, CueIndex cues, List<SecretFinding> findings)
    {
        var run = default(Run);
        var abbreviated = default(AbbreviatedRun);
        var previousEnd = -1;
        var i = 0;
        while (i < text.Length)
        {
            if (!TextChars.IsAsciiLetter(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && TextChars.IsAsciiLetter(text[i]))
            {
                i++;
            }

            var word = text.AsSpan(start, i - start);
            var exact = Bip39Wordlists.EnglishWord(word) >= 0;
            var inexact = !exact && Bip39Wordlists.EnglishPrefix(word) >= 0;
            var continues = IsGap(text, previousEnd, start) && (exact || inexact);
            if (run.Count > 0 && !continues)
            {
                Finish(ref run, cues, findings);
            }

            if (abbreviated.Count > 0 && !continues)
            {
                abbreviated.Finish(findings);
            }

            if (exact || inexact)
            {
                abbreviated.Add(start, i, exact);
            }

            if (exact || inexact)
            {
                run.Add(start, i, exact);
            }

            previousEnd = i;
        }

        Finish(ref run, cues, findings);
        abbreviated.Finish(findings);
    }

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

    private static void Finish(ref Run run, CueIndex cues, List<SecretFinding> findings)
    {
        if (run.Count > 0)
        {
            var exact = run.Exact;
            var afterCue = cues.EndsWithin(CueKind.SeedLabel, run.Start - 16, run.Start);
            var isPhrase = run.Inexact <= MaxInexact
                && (exact >= LikelyRun || (afterCue && exact >= RunAfterCue));
            if (isPhrase)
            {
                findings.Add(new SecretFinding(SecretKind.SeedPhrase, run.Start, run.End - run.Start));
            }
        }

        run = default;
    }

    /// <summary>The words collected so far. Inexact words only count once an exact word follows them, since an
    /// ordinary word next to a phrase is more likely than a typo there; trailing ones are still removed with it.</summary>
    private struct Run
    {
        public int Start;
        public int End;
        public int Count;
        public int Exact;
        public int Inexact;
        private int _trailingInexact;

        public void Add(int start, int end, bool exact)
        {
            if (Count == 0 && !exact)
            {
                return;
            }

            if (Count == 0)
            {
                Start = start;
            }

            Count++;
            if (exact)
            {
                Exact++;
                Inexact += _trailingInexact;
                _trailingInexact = 0;
            }
            else
            {
                _trailingInexact++;
            }

            End = end;
        }
    }

    /// <summary>Words written with their first four letters only ("aban abil able abou …", which wallets accept,
    /// since the four letters name one word): a run of at least 12 list words of which at least a third, and at
    /// least four, are such abbreviations (or misspellings past the fourth letter). An ordinary sentence has neither
    /// the length nor the abbreviations.</summary>
    private struct AbbreviatedRun
    {
        private const int MinWords = 12;
        private const int MinAbbreviated = 4;

        private int _start;
        private int _end;
        private int _inexact;

        public int Count { get; private set; }

        public void Add(int start, int end, bool exact)
        {
            if (Count == 0)
            {
                _start = start;
            }

            Count++;
            _inexact += exact ? 0 : 1;
            _end = end;
        }

        public void Finish(List<SecretFinding> findings)
        {
            if (Count >= MinWords && _inexact >= MinAbbreviated && _inexact * 3 >= Count)
            {
                findings.Add(new SecretFinding(SecretKind.SeedPhrase, _start, _end - _start));
            }

            this = default;
        }
    }
}
