using System.Globalization;
using System.Text;

namespace SupportBot.Screenshots.Reading;

/// <summary>Puts the words of a numbered grid back in order. Wallet apps show a seed phrase as numbered cells in
/// rows or in columns ("1 abandon  7 absorb / 2 ability  8 abstract …"), and OCR reads a page row by row, so the words
/// come out of order and a checksum test would fail. Every "number word" pair is collected and, when the numbers are
/// 1 to N without a gap for N of at least 12, the words are returned in number order, one line, for the scanner.</summary>
internal static class NumberedGridReader
{
    // Seed phrases have 12 to 24 words; fewer cells is not a phrase grid.
    private const int MinCells = 12;
    private const int MaxCells = 24;

    /// <summary>The grid's words in number order separated by spaces, or null when the text holds no numbered grid.</summary>
    public static string? Reorder(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var cells = Cells(text);

        // The longest run 1, 2, 3 … present.
        var count = 0;
        while (cells.ContainsKey(count + 1))
        {
            count++;
        }

        if (count < MinCells)
        {
            return null;
        }

        var line = new StringBuilder();
        for (var n = 1; n <= count; n++)
        {
            line.Append(n == 1 ? "" : " ").Append(cells[n]);
        }

        return line.ToString();
    }

    /// <summary>Whether <paramref name="text"/> holds a numbered grid of at least 12 cells whose words are nearly all
    /// BIP39 words: what a wallet's backup page looks like, and nothing support asks for does. OCR misreads a
    /// character here and there (Chinese ones especially, with no sentence around them to guess from), which breaks
    /// the checksum the scanner tests, so the grid's shape is the evidence: at most a quarter of the cells may be off
    /// the list.</summary>
    public static bool IsSeedGrid(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var cells = Cells(text);
        var count = 0;
        while (cells.ContainsKey(count + 1))
        {
            count++;
        }

        if (count < MinCells)
        {
            return false;
        }

        var listed = 0;
        for (var n = 1; n <= count; n++)
        {
            listed += Bip39Words.Contains(cells[n]) ? 1 : 0;
        }

        return listed * 4 >= count * 3;
    }

    /// <summary>The "number word" cells of <paramref name="text"/>. A number OCR misread (a "4" read as "和") leaves
    /// its word between cells n−1 and n+1 in reading order; it is taken as cell n.</summary>
    private static SortedDictionary<int, string> Cells(string text)
    {
        var cells = new SortedDictionary<int, string>();
        var tokens = Tokens(text);
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            if (Number(tokens[i]) is { } number && IsWord(tokens[i + 1]) && !cells.ContainsKey(number))
            {
                cells[number] = tokens[i + 1];
                i++;

                // "n-1 word | junk word | n+1": the junk was number n.
                if (i + 3 < tokens.Count && Number(tokens[i + 1]) is null && IsWord(tokens[i + 2])
                    && Number(tokens[i + 3]) == number + 2 && !cells.ContainsKey(number + 1))
                {
                    cells[number + 1] = tokens[i + 2];
                    i += 2;
                }
            }
        }

        return cells;
    }

    /// <summary>Splits on whitespace, and also between a number and the word glued to it ("1.abandon", "3、的").</summary>
    private static List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        var current = new StringBuilder();
        var previousDigit = false;
        foreach (var c in text)
        {
            var digit = char.IsAsciiDigit(c);
            var separator = char.IsWhiteSpace(c) || c is '.' or ')' or ',' or '、' or '。' or ':' or '|' or '#';
            if (separator || (current.Length > 0 && digit != previousDigit))
            {
                Flush(current, tokens);
            }

            if (!separator)
            {
                current.Append(c);
            }

            previousDigit = digit;
        }

        Flush(current, tokens);
        return tokens;
    }

    private static void Flush(StringBuilder current, List<string> tokens)
    {
        if (current.Length > 0)
        {
            tokens.Add(current.ToString());
            current.Clear();
        }
    }

    private static int? Number(string token) =>
        token.Length <= 2 && int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            && n is >= 1 and <= MaxCells
            ? n
            : null;

    /// <summary>A lower-case Latin word of a plausible length, or one or two Chinese characters (BIP39 Chinese words
    /// are single characters; OCR sometimes joins a neighbour).</summary>
    private static bool IsWord(string token)
    {
        if (token.Length is >= 3 and <= 8 && token.All(char.IsAsciiLetterLower))
        {
            return true;
        }

        return token.Length is 1 or 2 && token.All(c => c is >= '\u4E00' and <= '\u9FFF');
    }
}
