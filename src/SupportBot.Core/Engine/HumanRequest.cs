using SupportBot.Core.Catalog;

namespace SupportBot.Core.Engine;

/// <summary>Whether a message asks for a person: exactly a word of the <c>human</c> command ("转人工", "agent"), or
/// anywhere in it one of the phrases of the <c>human.phrases</c> text in either language ("I want to talk to a real
/// human NOW", "我要人工客服，别让我跟机器人说话").</summary>
public sealed class HumanRequest
{
    private readonly HashSet<string> _words = new(StringComparer.Ordinal);
    private readonly string[] _phrases;

    /// <summary>Reads the words and phrases from the catalog.</summary>
    public HumanRequest(DialogCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        foreach (var word in catalog.Commands.GetValueOrDefault(CommandIds.Human, []))
        {
            _words.Add(TextMatching.NormalizeCommand(word));
        }

        var phrases = catalog.Text(TextKeys.HumanPhrases);
        _phrases =
        [
            .. Locales.All.SelectMany(l => phrases.Get(l).Split('\n'))
                .Select(p => Words(p).Trim())
                .Where(p => p.Length > 0)
                // Latin phrases match whole words ("a person", not "a personal question").
                .Select(p => TextMatching.HasCjk(p) ? p : " " + p + " ")
                .Distinct(StringComparer.Ordinal),
        ];
    }

    /// <summary>Whether <paramref name="text"/> asks for a person.</summary>
    public bool IsRequest(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0 || text.Length > 500)
        {
            return false;
        }

        if (_words.Contains(TextMatching.NormalizeCommand(text)))
        {
            return true;
        }

        var lowered = " " + Words(text) + " ";
        foreach (var phrase in _phrases)
        {
            if (lowered.Contains(phrase, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    // Lower case, punctuation as spaces, one space between words: "Talk  to a HUMAN!!" reads as "talk to a human".
    private static string Words(string text)
    {
        var chars = new char[text.Length];
        var length = 0;
        var space = false;
        foreach (var raw in text)
        {
            var c = raw is >= 'A' and <= 'Z' ? (char)(raw + 32) : raw;
            if (char.IsLetterOrDigit(c))
            {
                if (space && length > 0)
                {
                    chars[length++] = ' ';
                }

                chars[length++] = c;
                space = false;
            }
            else
            {
                space = true;
            }
        }

        return new string(chars, 0, length);
    }
}
