using System.Diagnostics;
using System.Text;
using SupportBot.Core.Safety;

namespace SupportBot.Bench.Safety;

/// <summary>Throughput of the secret scanner on realistic chat text and on hostile inputs (1 MB each), measured with
/// a stopwatch: a warm-up of 0.3 s, then repeated scans for about a second per input.</summary>
public static class ScannerBenchmark
{
    private const int Megabyte = 1024 * 1024;

    private static readonly string[] ChatMessages =
    [
        "充值三个小时了还没到账，TXID 是 0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060",
        "I forgot my password and my google authenticator, please help",
        "我的UID是 12345678，昨天晚上九点提现了 1000 USDT 到现在还没到",
        "someone withdrew all my USDT, I did not do this!!",
        "验证码 482915 一直提示错误",
        "my seed phrase is abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about",
        "我的助记词是 的 一 是 在 不 了 有 和 人 这 中 大 为 上 个 国",
        "order 1234567890123 was not filled at 65000, can I cancel it?",
        "密码是 Abc12345，帮我看看为什么登录不了",
        "Deposit of 0.5 BTC at 2025-03-03 10:45 still not credited, network ERC-20",
        "有人自称客服私信我，要我的谷歌验证码，这是真的吗？",
        "Hello, anyone there? The app crashes when I open the wallet page on iPhone 15",
    ];

    /// <summary>Runs every input and returns its name, megabytes per second and milliseconds per megabyte.</summary>
    public static IReadOnlyList<(string Name, double MegabytesPerSecond, double MillisecondsPerMegabyte)> Run()
    {
        var scanner = new SecretScanner();
        var inputs = new (string Name, string[] Texts)[]
        {
            ("realistic chat (zh/en, some secrets)", ChatMessages),
            ("1 MB hex", [Repeat("0123456789abcdef")]),
            ("1 MB wordlist words", [Repeat("abandon ability able about above absent absorb abstract ")]),
            ("1 MB Chinese wordlist characters", [Repeat("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工")]),
            ("1 MB nested punctuation", [new string('(', Megabyte)]),
            ("1 MB digits", [new string('7', Megabyte)]),
            ("1 MB short numbers with code words", [Repeat("验证码 123456 code: 654321 ")]),
        };

        var results = new List<(string, double, double)>();
        foreach (var (name, texts) in inputs)
        {
            var bytes = texts.Sum(t => (long)Encoding.UTF8.GetByteCount(t));

            // Warm up long enough for tiered compilation to reach optimized code.
            var warmUp = Stopwatch.StartNew();
            while (warmUp.Elapsed < TimeSpan.FromMilliseconds(300))
            {
                ScanAll(scanner, texts);
            }

            var passes = 0;
            var watch = Stopwatch.StartNew();
            while (watch.Elapsed < TimeSpan.FromSeconds(1) || passes < 3)
            {
                ScanAll(scanner, texts);
                passes++;
            }

            watch.Stop();
            var megabytes = (double)bytes * passes / Megabyte;
            var seconds = watch.Elapsed.TotalSeconds;
            results.Add((name, megabytes / seconds, seconds * 1000 / megabytes));
        }

        return results;
    }

    private static void ScanAll(SecretScanner scanner, string[] texts)
    {
        foreach (var text in texts)
        {
            _ = scanner.Scan(text, ScanContext.None);
        }
    }

    /// <summary><paramref name="unit"/> repeated to about 1 MB of UTF-8.</summary>
    private static string Repeat(string unit)
    {
        var unitBytes = Encoding.UTF8.GetByteCount(unit);
        var builder = new StringBuilder();
        for (var size = 0; size < Megabyte; size += unitBytes)
        {
            builder.Append(unit);
        }

        return builder.ToString();
    }
}
