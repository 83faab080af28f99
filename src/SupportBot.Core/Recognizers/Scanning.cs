namespace SupportBot.Core.Recognizers;

/// <summary>Hand-written linear scans shared by the recognizers (no regular expressions on user text).</summary>
public static class Scanning
{
    /// <summary>Whether <paramref name="c"/> is an ASCII letter or digit.</summary>
    public static bool IsAsciiAlnum(char c) => char.IsAsciiLetterOrDigit(c);

    /// <summary>Maximal runs of ASCII letters and digits, plus any of <paramref name="inner"/> when between
    /// them.</summary>
    public static List<TextSpan> AlnumRuns(string text, string inner = "")
    {
        var runs = new List<TextSpan>(CountRunStarts(text));
        var i = 0;
        while (i < text.Length)
        {
            if (!IsAsciiAlnum(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            var end = i;
            while (i < text.Length && (IsAsciiAlnum(text[i]) || inner.Contains(text[i], StringComparison.Ordinal)))
            {
                if (IsAsciiAlnum(text[i]))
                {
                    end = i + 1;
                }

                i++;
            }

            runs.Add(new TextSpan(start, end - start));
            i = Math.Max(i, end);
        }

        return runs;
    }

    // An upper bound on the runs (inner characters only merge them), so the list never grows.
    private static int CountRunStarts(string text)
    {
        var count = 0;
        var inRun = false;
        foreach (var c in text)
        {
            var alnum = IsAsciiAlnum(c);
            if (alnum && !inRun)
            {
                count++;
            }

            inRun = alnum;
        }

        return count;
    }

    /// <summary>Whether only spaces lie between <paramref name="from"/> and <paramref name="to"/>.</summary>
    public static bool OnlySpacesBetween(string text, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (text[i] != ' ')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Indexes just after every occurrence of one of <paramref name="labels"/> (case-insensitive) and the
    /// separators that follow it (spaces, ':', '=', '#', '是', '为', "is"). ASCII labels need a word boundary.</summary>
    public static List<int> ValueStartsAfterLabels(string text, IReadOnlyList<string> labels)
    {
        var starts = new List<int>();
        foreach (var label in labels)
        {
            var from = 0;
            while (from < text.Length)
            {
                var at = text.IndexOf(label, from, StringComparison.OrdinalIgnoreCase);
                if (at < 0)
                {
                    break;
                }

                from = at + 1;
                var end = at + label.Length;
                var asciiLabel = IsAsciiAlnum(label[0]);
                if (asciiLabel && ((at > 0 && char.IsAsciiLetter(text[at - 1])) ||
                    (end < text.Length && char.IsAsciiLetter(text[end]))))
                {
                    continue;
                }

                starts.Add(SkipSeparators(text, end));
            }
        }

        starts.Sort();
        return starts;
    }

    /// <summary>Skips what sits between a label and its value ("UID: ", "uid is ", "UID是", "tx #").</summary>
    public static int SkipSeparators(string text, int i)
    {
        while (i < text.Length)
        {
            var c = text[i];
            if (c is ' ' or ':' or '=' or '#' or '是' or '为' or '：' or '-' or '.' or ',')
            {
                i++;
            }
            else if (i + 1 < text.Length && (c is 'i' or 'I') && (text[i + 1] is 's' or 'S') &&
                (i + 2 == text.Length || text[i + 2] == ' '))
            {
                i += 2;
            }
            else
            {
                break;
            }
        }

        return i;
    }

    /// <summary>The run of characters satisfying <paramref name="accept"/> from <paramref name="start"/>.</summary>
    public static TextSpan RunAt(string text, int start, Func<char, bool> accept)
    {
        var i = start;
        while (i < text.Length && accept(text[i]))
        {
            i++;
        }

        return new TextSpan(start, i - start);
    }
}
