namespace SupportBot.Core.Safety;

/// <summary>Finds Chinese BIP39 phrases. Each Chinese word is one character and the lists hold almost every common
/// character (97 % of the characters of ordinary support articles), so a run of list characters alone proves
/// nothing. A run is a phrase when its characters are written apart (spaces, commas, numbering); a stretch written
/// together is one when a 12–24 character window at its start or end (or after "助记词") has a valid checksum and a
/// rare enough mix of characters, or when it is long, or follows a seed-phrase word, and its mix is rarer still
/// (<see cref="ChineseRarity"/>).</summary>
internal static class ChineseSeedDetector
{
    private const int MinPhrase = 12;
    private const int MaxGap = 12;

    // A stretch this long with a rare enough mix is a phrase even without a checksum.
    private const int LikelyRun = 18;
    private const int MaxAnchors = 6;
    private const int MaxCuedCandidate = 30;

    /// <summary>Adds the phrases in <paramref name="text"/> to <paramref name="findings"/>; each checksum computed
    /// spends one of <paramref name="checksumBudget"/>, which bounds the work on hostile input.</summary>
    public static void Detect(string text, CueIndex cues, List<SecretFinding> findings, ref int checksumBudget)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (!IsListChar(text[i]))
            {
                i++;
                continue;
            }

            var runStart = i;
            var runEnd = i + 1;
            var count = 1;
            var j = i + 1;
            while (j < text.Length)
            {
                if (IsListChar(text[j]))
                {
                    runEnd = ++j;
                    count++;
                    continue;
                }

                var g = j;
                while (g < text.Length && g - j <= MaxGap && TextChars.IsPhraseSeparator(text[g]))
                {
                    g++;
                }

                if (g - j > MaxGap || g == text.Length || !IsListChar(text[g]))
                {
                    break;
                }

                j = g;
            }

            if (count >= MinPhrase)
            {
                EvaluateRun(text, runStart, runEnd, cues, findings, ref checksumBudget);
            }

            i = Math.Max(j, runEnd);
        }
    }

    /// <summary>Whether <paramref name="c"/> is a word of either Chinese list.</summary>
    public static bool IsListChar(char c) =>
        TextChars.IsCjk(c) && (Bip39Wordlists.SimplifiedChar(c) >= 0 || Bip39Wordlists.TraditionalChar(c) >= 0);

    private static void EvaluateRun(
        string text, int runStart, int runEnd, CueIndex cues, List<SecretFinding> findings, ref int checksumBudget)
    {
        // Written apart ("的 一 是", "1.的 2.一", "的，一，是"): no sentence looks like that.
        var stretch = default(SeparatedStretch);
        var previous = int.MinValue;
        for (var k = runStart; k < runEnd; k++)
        {
            if (!IsListChar(text[k]))
            {
                continue;
            }

            var leftApart = previous != k - 1;
            var rightApart = k + 1 >= runEnd || !IsListChar(text[k + 1]);
            // Only a character glued on its left alone may start a stretch; the cue lookup is kept to those.
            var mayStart = !leftApart && rightApart
                && (k + 1 >= text.Length || text[k + 1] is not (':' or '：'))
                && !cues.EndsWithin(CueKind.SeedLabel, k + 1, k + 1);
            stretch.Add(k, leftApart, rightApart, mayStart, findings);
            previous = k;
        }

        stretch.Flush(findings);

        // Otherwise look at each stretch written together (spaces allowed, punctuation not): a pasted phrase is
        // one such stretch, while a sentence's commas cut it into clauses.
        var k2 = runStart;
        while (k2 < runEnd)
        {
            var segmentStart = k2;
            var segmentEnd = k2 + 1;
            var count = 1;
            var j = k2 + 1;
            while (j < runEnd)
            {
                var g = j;
                while (g < runEnd && g - j <= 2 && char.IsWhiteSpace(text[g]))
                {
                    g++;
                }

                if (g >= runEnd || g - j > 2 || !IsListChar(text[g]))
                {
                    break;
                }

                segmentEnd = j = g + 1;
                count++;
            }

            if (count >= MinPhrase)
            {
                EvaluateSegment(text, segmentStart, segmentEnd, cues, findings, ref checksumBudget);
            }

            k2 = segmentEnd;
            while (k2 < runEnd && !IsListChar(text[k2]))
            {
                k2++;
            }
        }
    }

    private static void EvaluateSegment(
        string text, int runStart, int runEnd, CueIndex cues, List<SecretFinding> findings, ref int checksumBudget)
    {
        Span<int> anchors = stackalloc int[MaxAnchors];
        Span<bool> anchorCued = stackalloc bool[MaxAnchors];
        var anchorCount = 0;
        anchors[anchorCount] = runStart;
        anchorCued[anchorCount++] = cues.EndsWithin(CueKind.SeedLabel, runStart - 8, runStart);
        var hits = cues.Hits;
        for (var h = cues.FirstStartingAtOrAfter(runStart - SafetyCues.Matcher.MaxLength); h < hits.Length; h++)
        {
            var hit = hits[h];
            if (anchorCount >= MaxAnchors - 1 || hit.Start >= runEnd)
            {
                break;
            }

            if (hit.Is(CueKind.SeedLabel) && hit.End > runStart && hit.End < runEnd)
            {
                // "助记词是…": the phrase starts after the cue, with or without the linking 是 / 为.
                anchors[anchorCount] = hit.End;
                anchorCued[anchorCount++] = true;
                if (text[hit.End] is '是' or '为' or '為')
                {
                    anchors[anchorCount] = hit.End + 1;
                    anchorCued[anchorCount++] = true;
                }
            }
        }

        // Every anchor is tried; overlapping findings are merged later.
        for (var a = 0; a < anchorCount; a++)
        {
            EvaluateCandidate(text, anchors[a], runEnd, anchorCued[a], findings, ref checksumBudget);
        }
    }

    private static void EvaluateCandidate(
        string text, int start, int end, bool cued, List<SecretFinding> findings, ref int checksumBudget)
    {
        // After a cue the phrase is the next 12–24 characters; looking further only costs time.
        if (cued)
        {
            end = EndAfterCharacters(text, start, end, MaxCuedCandidate);
        }

        // Only the first and the last 24 characters are kept; the middle is counted and scored.
        var tailStart = StartOfLastCharacters(text, start, end, IndexBuffer.Length);
        var window = new PhraseWindow();
        for (var k = start; k < end; k++)
        {
            var c = text[k];
            if (!IsListChar(c))
            {
                continue;
            }

            if (window.Count < IndexBuffer.Length || k >= tailStart)
            {
                window.Add(k, Bip39Wordlists.SimplifiedChar(c), Bip39Wordlists.TraditionalChar(c));
            }
            else
            {
                window.AddMiddle(Bip39Wordlists.SimplifiedChar(c), Bip39Wordlists.TraditionalChar(c));
            }
        }

        var length = window.Count;
        if (length < MinPhrase)
        {
            return;
        }

        var spanStart = window.FirstPosition;
        var spanEnd = window.LastPosition + 1;
        if ((cued || length >= LikelyRun) && window.ScoreSum >= ChineseRarity.LikelyThreshold(cued) * length)
        {
            findings.Add(new SecretFinding(SecretKind.SeedPhrase, spanStart, spanEnd - spanStart));
            return;
        }

        window.AddValidWindows(findings, ref checksumBudget);
    }

    private static int EndAfterCharacters(string text, int start, int end, int count)
    {
        for (var k = start; k < end; k++)
        {
            if (IsListChar(text[k]) && --count == 0)
            {
                return k + 1;
            }
        }

        return end;
    }

    private static int StartOfLastCharacters(string text, int start, int end, int count)
    {
        for (var k = end - 1; k >= start; k--)
        {
            if (IsListChar(text[k]) && --count == 0)
            {
                return k;
            }
        }

        return start;
    }
}
