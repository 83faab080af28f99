namespace SupportBot.Core.Recognizers;

/// <summary>Finds email addresses by scanning out from each '@' (linear, no regular expression).</summary>
public static class EmailAddresses
{
    /// <summary>Every valid email address in <paramref name="text"/>, lower-cased.</summary>
    public static List<string> FindAll(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<string>();
        var previousEnd = 0;
        for (var at = text.IndexOf('@', StringComparison.Ordinal); at >= 0;
             at = at + 1 < text.Length ? text.IndexOf('@', at + 1) : -1)
        {
            var start = at;
            while (start > previousEnd && IsLocalChar(text[start - 1]))
            {
                start--;
            }

            var end = at + 1;
            while (end < text.Length && IsDomainChar(text[end]))
            {
                end++;
            }

            // A sentence ending right after the address ("… at a@b.com.") leaves a dot that is not the domain's.
            while (end > at + 1 && text[end - 1] is '.' or '-')
            {
                end--;
            }

            previousEnd = end;
            var local = text[start..at];
            var domain = text[(at + 1)..end];
            if (IsValid(local, domain))
            {
                found.Add((local + "@" + domain).ToLowerInvariant());
            }
        }

        return found;
    }

    private static bool IsValid(string local, string domain)
    {
        if (local.Length is 0 or > 64 || domain.Length is < 4 or > 253 || local[0] == '.' || local[^1] == '.' ||
            local.Contains("..", StringComparison.Ordinal))
        {
            return false;
        }

        var labels = domain.Split('.');
        return labels.Length >= 2 && labels.All(l => l.Length is > 0 and <= 63 && l[0] != '-' && l[^1] != '-') &&
            labels[^1].Length >= 2 && labels[^1].All(char.IsAsciiLetter);
    }

    private static bool IsLocalChar(char c) => Scanning.IsAsciiAlnum(c) || c is '.' or '_' or '%' or '+' or '-';

    private static bool IsDomainChar(char c) => Scanning.IsAsciiAlnum(c) || c is '.' or '-';
}
