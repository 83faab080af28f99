using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;
using SupportBot.Core.Catalog;

namespace SupportBot.Knowledge;

/// <summary>The text analysis per language: English with Porter stemming ("withdrawals" finds "withdrawal"), Chinese
/// with SmartCn word segmentation ("提现要多久" → 提现 / 要 / 多久). Both drop the words every support question has
/// ("how", "my", "请问", "我"), so that what is left is what the question is about.</summary>
internal static class KnowledgeAnalyzers
{
    /// <summary>The Lucene version the analyzers behave as.</summary>
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    // Question and chat filler on top of Lucene's English stop words. "long" and "time" stay: "how long" is a topic.
    private static readonly string[] EnglishFiller =
    [
        "how", "what", "whats", "why", "when", "where", "which", "who", "do", "does", "did", "done", "can", "could",
        "would", "should", "i", "im", "i'm", "me", "my", "mine", "you", "your", "we", "our", "us", "pls", "plz",
        "please", "bro", "hi", "hello", "hey", "thanks", "thank", "help", "need", "want", "still", "just", "so", "get",
        "got", "has", "have", "had", "am", "been", "being", "were", "it's", "its", "about", "any", "some", "u", "ur",
        "guys", "anyone", "someone", "tell", "know", "ok", "okay", "yes", "now", "again", "really", "very", "too",
        "from", "up", "out", "there", "here", "much", "many", "mean", "means", "like", "one",
    ];

    private static readonly string[] ChineseFiller =
    [
        "我", "我的", "你", "你们", "您", "的", "了", "吗", "呢", "啊", "吧", "呀", "是", "在", "有", "要", "会", "能",
        "怎么", "怎么办", "为什么", "什么", "如何", "请问", "你好", "您好", "一下", "一个", "这个", "那个", "还", "就",
        "都", "也", "和", "跟", "把", "被", "给", "让", "帮", "帮忙", "可以", "可不可以", "能不能", "是不是", "啥",
        "谢谢", "麻烦", "现在", "已经", "到底", "一直", "该", "吗？", "哪", "哪里", "哪儿",
    ];

    /// <summary>Creates the analyzer for <paramref name="locale"/>.</summary>
    public static Analyzer For(string locale)
    {
        if (locale == Locales.Supported.Chinese)
        {
            var stop = new CharArraySet(Version, SmartChineseAnalyzer.DefaultStopSet, ignoreCase: true);
            stop.UnionWith(ChineseFiller);
            return new SmartChineseAnalyzer(Version, stop);
        }

        var english = new CharArraySet(Version, EnglishAnalyzer.DefaultStopSet, ignoreCase: true);
        english.UnionWith(EnglishFiller);
        return new EnglishAnalyzer(Version, english);
    }

    /// <summary>Every pair of adjacent CJK characters in <paramref name="text"/> ("提不了币" → 提不, 不了, 了币).</summary>
    public static IEnumerable<string> CjkPairs(string text)
    {
        for (var i = 0; i + 1 < text.Length; i++)
        {
            if (IsCjk(text[i]) && IsCjk(text[i + 1]))
            {
                yield return text.Substring(i, 2);
            }
        }
    }

    private static bool IsCjk(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF';

    /// <summary>The distinct terms <paramref name="analyzer"/> makes of <paramref name="text"/>, in order.</summary>
    public static List<string> Terms(Analyzer analyzer, string text)
    {
        var terms = new List<string>();
        using var stream = analyzer.GetTokenStream("body", new StringReader(text));
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            var value = term.ToString();
            if (!terms.Contains(value, StringComparer.Ordinal))
            {
                terms.Add(value);
            }
        }

        stream.End();
        return terms;
    }
}
