namespace SupportBot.Core.Safety;

/// <summary>Collects Chinese list characters written apart from each other ("的 一 是", "的，一，是"). The first
/// character may be glued to the word before it ("是叔、惜…") and the last to the word after it, since users paste
/// phrases right after "助记词是". The caller says when a character cannot start a phrase: the end of "助记词：".</summary>
internal struct SeparatedStretch
{
    private const int MinPhrase = 12;

    private int _start;
    private int _end;
    private int _apart;
    private int _glued;

    /// <summary>Adds the list character at <paramref name="position"/>, with whether a separator stands on its left
    /// and on its right, and whether, glued on its left, it may still start a phrase.</summary>
    public void Add(int position, bool leftApart, bool rightApart, bool mayStart, List<SecretFinding> findings)
    {
        if (leftApart && rightApart)
        {
            if (_apart + _glued == 0)
            {
                _start = position;
            }

            _apart++;
            _end = position + 1;
        }
        else if (rightApart && mayStart)
        {
            // Glued on the left only: may start a new stretch.
            Flush(findings);
            _start = position;
            _end = position + 1;
            _glued = 1;
        }
        else if (leftApart && _apart > 0)
        {
            // Glued on the right only: may end this stretch.
            _end = position + 1;
            _glued++;
            Flush(findings);
        }
        else
        {
            Flush(findings);
        }
    }

    /// <summary>Adds the stretch as a seed phrase when it is long enough, and starts over.</summary>
    public void Flush(List<SecretFinding> findings)
    {
        if (_apart > 0 && _apart + _glued >= MinPhrase)
        {
            findings.Add(new SecretFinding(SecretKind.SeedPhrase, _start, _end - _start));
        }

        this = default;
    }
}
