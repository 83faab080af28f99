namespace SupportBot.Core.Safety;

/// <summary>Finds seed words hidden among other words ("first is abandon, then ability, next is zoo …"): at least 12
/// English list words never more than four other words apart, making up at least 40 % of the words of the stretch,
/// six of them rarer ones (not <see cref="EnglishCommonWords"/>). Ordinary messages use the rarer list words seldom
/// (a few in a long complaint), so they never gather six among twelve that close.</summary>
internal static class InterleavedSeedDetector
{
    private const int MinWords = 12;
    private const int MaxWordsBetween = 4;
    private const int MinRare = 6;

    /// <summary>Adds the stretches in <paramref name="text"/> to <paramref name="findings"/>.</summary>
    public static void Detect(string text, List<SecretFinding> findings)
    {
        var stretch = default(Stretch);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (TextChars.IsCjk(c))
            {
                stretch.Other(findings);
                i++;
                continue;
            }

            if (!TextChars.IsAsciiLetter(c))
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
            if (Bip39Wordlists.EnglishWord(word) >= 0)
            {
                stretch.Listed(start, i, rare: !EnglishCommonWords.Contains(word));
            }
            else
            {
                stretch.Other(findings);
            }
        }

        stretch.Finish(findings);
    }

    private struct Stretch
    {
        private int _start;
        private int _end;
        private int _listed;
        private int _between;
        private int _others;
        private int _rare;

        public void Listed(int start, int end, bool rare)
        {
            if (_listed == 0)
            {
                _start = start;
                _others = 0;
            }

            _others += _between;
            _between = 0;
            _listed++;
            _rare += rare ? 1 : 0;
            _end = end;
        }

        public void Other(List<SecretFinding> findings)
        {
            if (_listed > 0 && ++_between > MaxWordsBetween)
            {
                Finish(findings);
            }
        }

        public void Finish(List<SecretFinding> findings)
        {
            if (_listed >= MinWords && _rare >= MinRare && _listed * 10 >= (_listed + _others) * 4)
            {
                findings.Add(new SecretFinding(SecretKind.SeedPhrase, _start, _end - _start));
            }

            this = default;
        }
    }
}
