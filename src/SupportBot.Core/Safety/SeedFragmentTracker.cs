namespace SupportBot.Core.Safety;

/// <summary>Remembers, in memory only, the held pieces of a seed phrase a conversation sent recently: how many list
/// words (with their indices) and which channel messages carried them, so that when the pieces add up to a phrase
/// the full alarm fires and every piece's message can be deleted. Bounded everywhere: a piece expires
/// <see cref="Window"/> after the last one, a conversation keeps at most <see cref="MaxWords"/> words and message
/// ids, and at most <see cref="MaxConversations"/> conversations are tracked (expired ones are swept first, then
/// the least recently active). Nothing here is ever written anywhere; the words are kept as list indices only.</summary>
internal sealed class SeedFragmentTracker
{
    /// <summary>The longest phrase.</summary>
    public const int MaxWords = 24;

    private readonly Dictionary<string, Chain> _chains = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();

    /// <summary>Creates a tracker.</summary>
    public SeedFragmentTracker(TimeProvider time, TimeSpan? window = null, int maxConversations = 10_000)
    {
        _time = time;
        Window = window ?? TimeSpan.FromMinutes(10);
        MaxConversations = maxConversations;
    }

    /// <summary>How long after its last piece a chain is forgotten.</summary>
    public TimeSpan Window { get; }

    /// <summary>The most conversations tracked at once.</summary>
    public int MaxConversations { get; }

    /// <summary>Conversations tracked now (for tests).</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _chains.Count;
            }
        }
    }

    /// <summary>Whether <paramref name="conversation"/> has recent pieces or named a seed phrase recently, so that
    /// the next list words are held.</summary>
    public bool IsActive(string conversation)
    {
        lock (_gate)
        {
            return Current(conversation, _time.GetUtcNow()) is { } chain && (chain.Pieces > 0 || chain.Cue);
        }
    }

    /// <summary>The conversation named a seed phrase ("my seed phrase is"): its next list words are held.</summary>
    public void NoteCue(string conversation)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            var chain = Current(conversation, now) ?? Start(conversation, now);
            chain.LastAt = now;
            chain.Cue = true;
        }
    }

    /// <summary>Remembers a message of one or two list words that was not held (a common word such as "letter"
    /// may start a phrase sent one word at a time): if a chain starts with the next message, it counts as its first
    /// piece and its message is deleted with the others.</summary>
    public void NotePossible(string conversation, string? messageId, SeedFragment fragment)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            var chain = Current(conversation, now) ?? Start(conversation, now);
            chain.LastAt = now;
            chain.Pending = (messageId, fragment);
        }
    }

    /// <summary>Adds a held piece; returns what the conversation's pieces now amount to.</summary>
    public ChainState Add(string conversation, string? messageId, SeedFragment fragment)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            var chain = Current(conversation, now) ?? Start(conversation, now);
            chain.LastAt = now;
            var first = chain.Pieces == 0;
            if (first && chain.Pending is { } pending)
            {
                Append(chain, pending.MessageId, pending.Fragment);
            }

            chain.Pending = null;
            chain.Pieces++;
            Append(chain, messageId, fragment);
            var completes = !chain.Alarmed && chain.Words >= 12;
            var checksum = completes && HasValidTail(chain);
            chain.Alarmed |= completes;
            return new ChainState(first, completes, checksum, [.. chain.MessageIds]);
        }
    }

    private static void Append(Chain chain, string? messageId, SeedFragment fragment)
    {
        {
            if (messageId is not null)
            {
                chain.MessageIds.Add(messageId);
                if (chain.MessageIds.Count > MaxWords)
                {
                    chain.MessageIds.RemoveAt(0);
                }
            }

            for (var k = 0; k < fragment.Words; k++)
            {
                chain.English.Add(fragment.English[k]);
                chain.Simplified.Add(fragment.Simplified[k]);
                chain.Traditional.Add(fragment.Traditional[k]);
            }

            var total = chain.English.Count;
            if (total > MaxWords)
            {
                var drop = total - MaxWords;
                chain.English.RemoveRange(0, drop);
                chain.Simplified.RemoveRange(0, drop);
                chain.Traditional.RemoveRange(0, drop);
            }

            chain.Words += fragment.Words;
        }
    }

    /// <summary>Forgets the conversation's pieces (a whole phrase came in one message); returns their message ids.</summary>
    public IReadOnlyList<string> Take(string conversation)
    {
        lock (_gate)
        {
            if (!_chains.Remove(conversation, out var chain) || chain.LastAt + Window < _time.GetUtcNow())
            {
                return [];
            }

            return [.. chain.MessageIds];
        }
    }

    private Chain? Current(string conversation, DateTimeOffset now)
    {
        if (!_chains.TryGetValue(conversation, out var chain))
        {
            return null;
        }

        if (chain.LastAt + Window >= now)
        {
            return chain;
        }

        _chains.Remove(conversation);
        return null;
    }

    private Chain Start(string conversation, DateTimeOffset now)
    {
        if (_chains.Count >= MaxConversations)
        {
            foreach (var (key, old) in _chains.ToList())
            {
                if (old.LastAt + Window < now)
                {
                    _chains.Remove(key);
                }
            }

            while (_chains.Count >= MaxConversations)
            {
                _chains.Remove(_chains.MinBy(c => c.Value.LastAt).Key);
            }
        }

        var chain = new Chain { LastAt = now };
        _chains[conversation] = chain;
        return chain;
    }

    /// <summary>Whether the last 12, 15, 18, 21 or 24 words form a phrase with a valid checksum in a list.</summary>
    private static bool HasValidTail(Chain chain)
    {
        foreach (var length in (int[])[12, 15, 18, 21, 24])
        {
            if (length > chain.English.Count)
            {
                break;
            }

            var from = chain.English.Count - length;
            foreach (var list in (List<int>[])[chain.English, chain.Simplified, chain.Traditional])
            {
                var window = list.GetRange(from, length);
                if (!window.Contains(-1) && Bip39.IsValid([.. window]))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private sealed class Chain
    {
        public DateTimeOffset LastAt;
        public int Pieces;
        public int Words;
        public bool Alarmed;
        public bool Cue;
        public (string? MessageId, SeedFragment Fragment)? Pending;
        public List<string> MessageIds { get; } = [];
        public List<int> English { get; } = [];
        public List<int> Simplified { get; } = [];
        public List<int> Traditional { get; } = [];
    }
}

/// <summary>What a conversation's held pieces amount to after one more.</summary>
/// <param name="FirstPiece">This is the first piece of the chain (the user is told once why it was held).</param>
/// <param name="Completes">The pieces now hold at least 12 words: a phrase; the full alarm fires once.</param>
/// <param name="ChecksumValid">The last 12–24 words pass the BIP39 checksum (a phrase for certain).</param>
/// <param name="MessageIds">The channel message ids of the pieces, this one included.</param>
internal sealed record ChainState(bool FirstPiece, bool Completes, bool ChecksumValid, IReadOnlyList<string> MessageIds);
