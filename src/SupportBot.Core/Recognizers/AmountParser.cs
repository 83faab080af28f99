using System.Globalization;

namespace SupportBot.Core.Recognizers;

/// <summary>Reads numbers in amounts: "100", "100.5", "1,000.25", "1万", "5k", "一百". Hand-written scanning.</summary>
public static class AmountParser
{
    /// <summary>One number found in a text.</summary>
    /// <param name="Value">The value (negative when a minus sign was typed).</param>
    /// <param name="Span">Where it is, suffixes included.</param>
    /// <param name="WellFormed">False for "1.000,25" and other separators we cannot read safely.</param>
    /// <param name="Chinese">Written in Chinese numerals ("一百").</param>
    public readonly record struct Found(decimal Value, TextSpan Span, bool WellFormed, bool Chinese = false);

    /// <summary>Splits "100usdt" into ("100", "usdt"); a word not starting with a digit has an empty number.</summary>
    public static (string Number, string Remainder) SplitLeadingNumber(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var i = 0;
        while (i < word.Length && (char.IsAsciiDigit(word[i]) || (i > 0 && word[i] is '.' or ',')))
        {
            i++;
        }

        return (word[..i], word[i..]);
    }

    /// <summary>Every number in <paramref name="text"/> that stands on its own (the 20 in "TRC20" does not).</summary>
    public static List<Found> FindAll(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<Found>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsAsciiDigit(c) && (i == 0 || !Scanning.IsAsciiAlnum(text[i - 1])))
            {
                var f = ReadAscii(text, i);
                found.Add(f);
                i = f.Span.End;
            }
            else if (ChineseNumerals.IsNumeralChar(c) && c is not '万' and not '亿' and not '千' and not '百')
            {
                var run = Scanning.RunAt(text, i, ChineseNumerals.IsNumeralChar);
                if (ChineseNumerals.TryParse(run.Of(text), out var v))
                {
                    var negative = i > 0 && text[i - 1] == '负';
                    found.Add(new Found(negative ? -v : v, run, true, true));
                }

                i = run.End;
            }
            else
            {
                i++;
            }
        }

        return found;
    }

    /// <summary>The canonical invariant string of an amount ("100.50" → "100.5").</summary>
    public static string Format(decimal value) =>
        (value / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);

    private static Found ReadAscii(string text, int start)
    {
        var i = start;
        while (i < text.Length && (char.IsAsciiDigit(text[i]) ||
            (text[i] is '.' or ',' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]))))
        {
            i++;
        }

        var raw = text[start..i];
        var wellFormed = TryReadDigits(raw, out var value);
        // A dash after a letter is a name ("TRC-20"), not a minus sign.
        var negative = start > 0 && (text[start - 1] == '负' ||
            (text[start - 1] == '-' && (start == 1 || !Scanning.IsAsciiAlnum(text[start - 2]))));
        var multiplier = 1m;
        var end = i;
        var next = SkipSpace(text, i);
        if (next < text.Length)
        {
            var m = text[next] switch { '万' => 10_000m, '亿' => 100_000_000m, '千' => 1_000m, _ => 0m };
            if (m == 0m && text[next] is 'k' or 'K' && (next + 1 == text.Length || !char.IsAsciiLetter(text[next + 1])))
            {
                m = 1_000m;
            }

            if (m != 0m)
            {
                multiplier = m;
                end = next + 1;
            }
        }

        try
        {
            value *= multiplier;
        }
        catch (OverflowException)
        {
            wellFormed = false;
        }

        return new Found(negative ? -value : value, new TextSpan(start, end - start), wellFormed);
    }

    /// <summary>Digits with an optional decimal point and optional thousands commas (1,000,000.5).</summary>
    private static bool TryReadDigits(string raw, out decimal value)
    {
        value = 0;
        var dot = raw.IndexOf('.', StringComparison.Ordinal);
        if (dot >= 0 && (raw.IndexOf('.', dot + 1) >= 0 || raw.IndexOf(',', dot) >= 0))
        {
            return false;
        }

        var integer = dot >= 0 ? raw[..dot] : raw;
        if (integer.Contains(',', StringComparison.Ordinal))
        {
            var groups = integer.Split(',');
            if (groups[0].Length is < 1 or > 3 || groups.Skip(1).Any(g => g.Length != 3))
            {
                return false;
            }
        }

        var plain = raw.Replace(",", string.Empty, StringComparison.Ordinal);
        return plain.Length <= 28 &&
            decimal.TryParse(plain, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    private static int SkipSpace(string text, int i) => i < text.Length && text[i] == ' ' ? i + 1 : i;
}
