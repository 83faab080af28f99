namespace SupportBot.Core.Recognizers;

/// <summary>Phone number reading: "+86 138 0013 8000", "0086-138-0013-8000", "(415) 555-2671", "13800138000".</summary>
public static class PhoneNumbers
{
    private const int MinDigits = 7;
    private const int MaxDigits = 15;

    // E.164 country codes of one and two digits; every other code has three.
    private static readonly HashSet<int> TwoDigitCodes =
    [
        20, 27, 30, 31, 32, 33, 34, 36, 39, 40, 41, 43, 44, 45, 46, 47, 48, 49, 51, 52, 53, 54, 55, 56, 57, 58, 60, 61,
        62, 63, 64, 65, 66, 81, 82, 84, 86, 90, 91, 92, 93, 94, 95, 98,
    ];

    /// <summary>How many digits the country code at the start of <paramref name="digits"/> has.</summary>
    public static int CountryCodeLength(ReadOnlySpan<char> digits)
    {
        if (digits.Length < 3)
        {
            return Math.Min(1, digits.Length);
        }

        if (digits[0] is '1' or '7')
        {
            return 1;
        }

        var two = ((digits[0] - '0') * 10) + (digits[1] - '0');
        return TwoDigitCodes.Contains(two) ? 2 : 3;
    }

    /// <summary>Every phone-number-shaped run in <paramref name="text"/>, normalized ("+" and digits only), with where
    /// it starts.</summary>
    public static List<(string Value, int Start)> FindAll(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<(string, int)>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            var startsHere = (char.IsAsciiDigit(c) || (c is '+' or '(' && i + 1 < text.Length &&
                char.IsAsciiDigit(text[i + 1]))) && (i == 0 || !Scanning.IsAsciiAlnum(text[i - 1]));
            if (!startsHere)
            {
                i++;
                continue;
            }

            var start = i;
            var digits = new System.Text.StringBuilder();
            var plus = c == '+';
            var end = i + (plus ? 1 : 0);
            i = end;
            while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] is ' ' or '-' or '(' or ')' or '.'))
            {
                if (char.IsAsciiDigit(text[i]))
                {
                    digits.Append(text[i]);
                    end = i + 1;
                }

                i++;
            }

            // A letter glued to the end ("12345678abc") means this was not a phone number.
            if (end < text.Length && char.IsAsciiLetter(text[end]))
            {
                i = end + 1;
                continue;
            }

            if (Normalize(digits.ToString(), plus) is { } value)
            {
                found.Add((value, start));
            }

            i = Math.Max(end, start + 1);
        }

        return found;
    }

    private static string? Normalize(string digits, bool plus)
    {
        if (!plus && digits.StartsWith("00", StringComparison.Ordinal) && digits.Length > 9)
        {
            // 0086 138… is how many Chinese users write +86.
            digits = digits[2..];
            plus = true;
        }

        if (digits.Length is < MinDigits or > MaxDigits || (plus && digits[0] == '0'))
        {
            return null;
        }

        return plus ? "+" + digits : digits;
    }
}
