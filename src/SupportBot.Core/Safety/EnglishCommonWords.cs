namespace SupportBot.Core.Safety;

/// <summary>The English wordlist words that ordinary support messages use all the time ("help", "can", "you",
/// "account", "deposit", "please" …): about 600 of the 2048. A short message of these alone ("can you help") is a
/// sentence, not part of a seed phrase; a message with rarer list words ("abandon", "zoo") is held back. Random
/// phrases draw 71 % of their words from outside this set.</summary>
internal static class EnglishCommonWords
{
    private static readonly HashSet<string> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        "able", "about", "above", "access", "account", "across", "act", "actual", "add", "address", "again",
        "agent", "air", "alarm", "alert", "all", "already", "also", "always", "among", "amount", "animal",
        "another", "answer", "any", "appear", "area", "around", "arrive", "ask", "attack", "average", "away",
        "balance", "base", "beauty", "before", "begin", "behind", "best", "better", "between", "bird", "black",
        "blue", "boat", "body", "bonus", "book", "borrow", "bottom", "bounce", "box", "boy", "brief", "bring",
        "build", "busy", "call", "can", "cancel", "car", "carry", "cash", "casual", "cause", "certain",
        "change", "chat", "check", "city", "claim", "client", "close", "code", "coin", "color", "come",
        "common", "correct", "cost", "country", "course", "cover", "crash", "credit", "cross", "cry", "current",
        "custom", "damage", "danger", "day", "deal", "debate", "december", "decide", "delay", "demand", "deny",
        "deposit", "develop", "device", "differ", "direct", "doctor", "document", "dog", "door", "draw",
        "drive", "dry", "during", "early", "earth", "east", "effort", "eight", "else", "empty", "enable", "end",
        "enough", "enter", "entire", "error", "escape", "evidence", "exact", "example", "exchange", "excuse",
        "expire", "extra", "eye", "face", "fall", "family", "farm", "father", "fault", "federal", "fee", "feel",
        "few", "field", "figure", "filter", "final", "find", "fine", "fire", "first", "fiscal", "fish", "fly",
        "follow", "food", "foot", "force", "forget", "found", "frequent", "fresh", "friend", "front", "fuel",
        "funny", "future", "game", "girl", "give", "gold", "good", "govern", "great", "green", "group", "grow",
        "guide", "half", "hand", "hard", "have", "head", "hello", "help", "high", "hint", "history", "hold",
        "home", "hope", "horse", "hour", "human", "hundred", "hurry", "idea", "identify", "image", "immune",
        "improve", "inch", "include", "income", "increase", "index", "inform", "input", "inside", "interest",
        "invest", "invite", "island", "issue", "job", "join", "jump", "just", "keep", "key", "kind", "know",
        "language", "large", "later", "laugh", "law", "learn", "leave", "left", "legal", "lesson", "letter",
        "level", "life", "light", "like", "limit", "link", "list", "little", "live", "local", "lock", "lonely",
        "long", "love", "loyal", "machine", "mail", "main", "make", "man", "manage", "manual", "market",
        "matter", "maximum", "mean", "measure", "mention", "method", "middle", "mind", "minimum", "minor",
        "minute", "miss", "mistake", "mobile", "model", "moment", "month", "moon", "more", "morning", "mother",
        "motion", "mountain", "move", "much", "multiply", "music", "must", "name", "near", "need", "neither",
        "network", "never", "next", "night", "normal", "north", "note", "nothing", "notice", "now", "number",
        "object", "obvious", "ocean", "october", "off", "office", "often", "okay", "old", "once", "one",
        "online", "only", "open", "option", "order", "original", "other", "output", "over", "own", "owner",
        "page", "paper", "parent", "party", "pass", "pattern", "people", "permit", "person", "phone", "photo",
        "picture", "piece", "place", "play", "please", "pledge", "point", "possible", "post", "power",
        "practice", "price", "private", "problem", "process", "produce", "profit", "program", "project",
        "proof", "protect", "provide", "public", "pull", "purpose", "put", "question", "quick", "quote", "rain",
        "random", "rate", "ready", "real", "reason", "receive", "recipe", "record", "reduce", "reject",
        "release", "remain", "remember", "remove", "renew", "repeat", "replace", "report", "require",
        "resource", "response", "result", "retire", "return", "review", "reward", "right", "risk", "river",
        "road", "roof", "room", "round", "rule", "run", "sad", "safe", "same", "sample", "satisfy", "save",
        "say", "scheme", "school", "science", "screen", "sea", "search", "second", "secret", "section",
        "security", "select", "sell", "sentence", "series", "service", "session", "settle", "seven", "share",
        "shift", "ship", "short", "shoulder", "side", "sign", "silent", "similar", "simple", "since", "sing",
        "six", "size", "skill", "slow", "small", "smart", "snow", "social", "solution", "solve", "song", "soon",
        "sorry", "sound", "source", "south", "space", "speak", "special", "speed", "spell", "spend", "spot",
        "stable", "stamp", "stand", "start", "state", "stay", "step", "still", "stock", "story", "street",
        "strong", "stuff", "subject", "submit", "success", "such", "sudden", "suggest", "summer", "sun", "sure",
        "surface", "survey", "suspect", "swap", "system", "table", "tail", "talk", "task", "teach", "team",
        "tell", "ten", "term", "test", "text", "thank", "that", "theme", "then", "there", "they", "thing",
        "this", "thought", "three", "thrive", "ticket", "time", "today", "together", "token", "tomorrow",
        "tonight", "too", "top", "total", "toward", "town", "track", "trade", "transfer", "travel", "tree",
        "trial", "trigger", "trouble", "true", "trust", "try", "turn", "twelve", "twenty", "twice", "two",
        "type", "unable", "under", "unfair", "unit", "universe", "unknown", "unlock", "until", "unusual",
        "update", "upgrade", "upon", "usage", "use", "useful", "usual", "valid", "verb", "verify", "version",
        "very", "video", "view", "visit", "voice", "wait", "walk", "want", "warm", "waste", "water", "way",
        "wealth", "web", "weekend", "welcome", "west", "what", "wheel", "when", "where", "wide", "width",
        "will", "win", "window", "wish", "wonder", "wood", "word", "work", "world", "worry", "write", "wrong",
        "year", "you", "young", "zero",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Lookup =
        Words.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Whether <paramref name="word"/> is one of the common list words.</summary>
    public static bool Contains(ReadOnlySpan<char> word) => Lookup.Contains(word);
}
