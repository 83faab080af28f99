namespace SupportBot.Screenshots.Reading;

/// <summary>Tells from the English model's reading whether the image probably holds Chinese text. The English model
/// turns Chinese characters into short runs of symbols and stray letters ("#E", "fi]", "|"), so a page where many
/// tokens look like that is worth a second run with the Chinese model; an English page reads as words and numbers
/// and is spared that run (about two thirds of the cost of reading).</summary>
internal static class CjkLikelihood
{
    // Measured on generated screenshots (tests/SupportBot.Screenshots.Tests): English pages stay under 15 %, pages
    // with Chinese lines are above 30 %.
    private const double JunkShare = 0.2;
    private const int MinJunk = 3;

    /// <summary>Whether <paramref name="englishReading"/> looks like Chinese read with the English model.</summary>
    public static bool Likely(string englishReading)
    {
        ArgumentNullException.ThrowIfNull(englishReading);
        var tokens = englishReading.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length == 0)
        {
            // Nothing read at all: a page of Chinese can come out empty with the English model.
            return true;
        }

        var junk = tokens.Count(IsJunk);
        return junk >= MinJunk && junk >= tokens.Length * JunkShare;
    }

    private static bool IsJunk(string token)
    {
        var letters = 0;
        var digits = 0;
        var other = 0;
        foreach (var c in token)
        {
            if (char.IsAsciiLetter(c))
            {
                letters++;
            }
            else if (char.IsAsciiDigit(c))
            {
                digits++;
            }
            else if (c is not ('.' or ',' or ':' or '-' or '/' or '(' or ')' or '%' or '$' or '@' or '\'' or '"' or '+' or '?' or '!' or '*' or '#'))
            {
                other++;
            }
        }

        // Pure symbols, non-ASCII, or one stray letter: what Chinese glyphs become.
        return other > 0 || (letters + digits == 0) || (letters == 1 && digits == 0 && token.Length <= 2 && token is not ("a" or "A" or "I"));
    }
}
