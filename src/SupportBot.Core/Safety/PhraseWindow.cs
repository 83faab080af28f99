namespace SupportBot.Core.Safety;

/// <summary>The first and the last 24 characters of a candidate Chinese phrase, with their indices in both lists, so
/// that mnemonics at the start or the end of a run can be checked without storing the run.</summary>
internal struct PhraseWindow
{
    private static readonly int[] Lengths = [24, 21, 18, 15, 12];

    private IndexBuffer _headPosition;
    private IndexBuffer _headSimplified;
    private IndexBuffer _headTraditional;
    private IndexBuffer _tailPosition;
    private IndexBuffer _tailSimplified;
    private IndexBuffer _tailTraditional;

    /// <summary>Characters added.</summary>
    public int Count { get; private set; }

    /// <summary>The sum of the characters' rarity scores (<see cref="ChineseRarity"/>).</summary>
    public float ScoreSum { get; private set; }

    /// <summary>Position of the first character.</summary>
    public readonly int FirstPosition => _headPosition[0];

    /// <summary>Position of the last character.</summary>
    public readonly int LastPosition => _tailPosition[(Count - 1) % IndexBuffer.Length];

    /// <summary>Adds a character at <paramref name="position"/> with its indices (-1 when absent from a list).</summary>
    public void Add(int position, int simplified, int traditional)
    {
        if (Count < IndexBuffer.Length)
        {
            _headPosition[Count] = position;
            _headSimplified[Count] = simplified;
            _headTraditional[Count] = traditional;
        }

        var slot = Count % IndexBuffer.Length;
        _tailPosition[slot] = position;
        _tailSimplified[slot] = simplified;
        _tailTraditional[slot] = traditional;
        Count++;
        ScoreSum += ChineseRarity.Score(simplified, traditional);
    }

    /// <summary>Counts a character in the middle of a long candidate, which no window of 24 at either end reaches.</summary>
    public void AddMiddle(int simplified, int traditional)
    {
        Count++;
        ScoreSum += ChineseRarity.Score(simplified, traditional);
    }

    /// <summary>Adds as seed phrases the windows of 12–24 characters at the start or the end with a valid checksum
    /// in either list and a rare enough mix of characters (<see cref="ChineseRarity"/>). All are tried, since a window that includes a few
    /// words of the sentence before the phrase passes the checksum by chance (1 in 16 for 12 words) and must not
    /// hide the real one. Stops when the budget is spent.</summary>
    public readonly void AddValidWindows(List<SecretFinding> findings, ref int checksumBudget)
    {
        Span<int> simplified = stackalloc int[IndexBuffer.Length];
        Span<int> traditional = stackalloc int[IndexBuffer.Length];
        foreach (var length in Lengths)
        {
            if (length > Count)
            {
                continue;
            }

            for (var fromEnd = 0; fromEnd < 2; fromEnd++)
            {
                if (fromEnd == 1 && length == Count)
                {
                    break;
                }

                var score = 0f;
                for (var k = 0; k < length; k++)
                {
                    var slot = fromEnd == 0 ? k : (Count - length + k) % IndexBuffer.Length;
                    simplified[k] = fromEnd == 0 ? _headSimplified[slot] : _tailSimplified[slot];
                    traditional[k] = fromEnd == 0 ? _headTraditional[slot] : _tailTraditional[slot];
                    score += ChineseRarity.Score(simplified[k], traditional[k]);
                }

                if (score < ChineseRarity.ChecksumThreshold(length) * length || checksumBudget <= 0)
                {
                    continue;
                }

                checksumBudget--;
                if (IsValid(simplified[..length]) || IsValid(traditional[..length]))
                {
                    var first = fromEnd == 0 ? _headPosition[0] : _tailPosition[(Count - length) % IndexBuffer.Length];
                    var last = fromEnd == 0 ? _headPosition[length - 1] : LastPosition;
                    findings.Add(new SecretFinding(SecretKind.SeedPhrase, first, last + 1 - first));
                }
            }
        }
    }

    private static bool IsValid(ReadOnlySpan<int> indices) => !indices.Contains(-1) && Bip39.IsValid(indices);
}
