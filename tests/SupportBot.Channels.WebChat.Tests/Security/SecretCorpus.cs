using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace SupportBot.Channels.WebChat.Tests.Security;

/// <summary>Secrets users send (whole, one per field) and the pieces of them that must never be found anywhere we
/// keep or show text: every run of three of a phrase's words (with spaces, dashes or nothing between), and a key's
/// or password's characters. Each needle is also looked for as JSON writes it (non-ASCII as \uXXXX).</summary>
internal static class SecretCorpus
{
    public const string EnglishSeed = "legal winner thank year wave sausage worth useful legal winner thank yellow";
    public const string ChineseSeed = "诚 碧 祥 柯 页 巡 矩 悲 灌 龄 伦 票";
    public const string Wif = "5HueCGU8rMjxEXxiPuD5BDku4MM3J4T2y6GV3Xz7ZbCvX4Kfx9u";
    public const string HexKey = "4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318";
    public const string Password = "Tr0ub4dor&3xyz";

    private static readonly JsonSerializerOptions Escaping = new() { Encoder = JavaScriptEncoder.Default };

    /// <summary>Messages carrying each secret as a user would type it.</summary>
    public static readonly string[] Messages =
    [
        "my seed is " + EnglishSeed,
        "助记词 " + ChineseSeed,
        "wif " + Wif,
        "private key " + HexKey,
        "my password is " + Password,
    ];

    /// <summary>What must not appear.</summary>
    public static IReadOnlyList<string> Needles { get; } = BuildNeedles();

    /// <summary>The needles found in <paramref name="text"/> (with where they were), for an assertion message.</summary>
    public static List<string> FoundIn(string text, string where)
    {
        var found = new List<string>();
        foreach (var needle in Needles)
        {
            var at = text.IndexOf(needle, StringComparison.OrdinalIgnoreCase);
            if (at >= 0)
            {
                // A little of what surrounds it tells which field carried it (the needle itself is test data).
                var from = Math.Max(0, at - 60);
                var context = text.Substring(from, Math.Min(text.Length - from, needle.Length + 120));
                found.Add($"'{needle}' in {where}: …{new string(context.Where(c => !char.IsControl(c)).ToArray())}…");
            }
        }

        return found;
    }

    private static List<string> BuildNeedles()
    {
        var needles = new List<string>();
        foreach (var phrase in (string[])[EnglishSeed, ChineseSeed])
        {
            var words = phrase.Split(' ');
            for (var i = 0; i + 3 <= words.Length; i++)
            {
                var run = words[i..(i + 3)];
                needles.Add(string.Join(' ', run));
                needles.Add(string.Join('-', run));
                if (phrase == ChineseSeed)
                {
                    needles.Add(string.Concat(run));
                }
            }
        }

        needles.Add(Wif[..20]);
        needles.Add(HexKey[..24]);
        needles.Add(Password);
        foreach (var needle in needles.ToList())
        {
            var escaped = JsonSerializer.Serialize(needle, Escaping)[1..^1];
            if (escaped != needle)
            {
                needles.Add(escaped);
            }
        }

        return needles.Distinct().ToList();
    }

    /// <summary>Every file under <paramref name="folder"/> (databases with their -wal, -shm and -journal, the
    /// attachments) read as UTF-8 while the host still has them open.</summary>
    public static List<string> FoundInFolder(string folder)
    {
        var found = new List<string>();
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var bytes = new MemoryStream();
            stream.CopyTo(bytes);
            found.AddRange(FoundIn(Encoding.UTF8.GetString(bytes.ToArray()), Path.GetRelativePath(folder, file)));
        }

        return found;
    }
}
