using System.Text;

namespace SupportBot.Host.Tests;

/// <summary>The product's reason to exist: conversations full of secrets go through the real program, and then every
/// byte of the data folder (database, WAL, anything else) and everything printed (stdout and the log on stderr) is
/// searched for them.</summary>
public sealed class SecretsNeverStoredTests : IDisposable
{
    private const string SeedPhrase = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";
    private const string ChineseSeedPhrase = "的 一 是 在 不 了 有 和 人 这 中 大";
    private const string PrivateKey = "4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318";
    private const string Password = "Tr0ub4dor&3xyz";
    private const string Code = "492817";
    private const string ApiSecret = "sk9Qw2Lm7Zx4Rt8Yp3Vn6Bc1";

    private readonly string _workDir = Directory.CreateTempSubdirectory("supportbot-secrets-").FullName;

    public void Dispose() => Directory.Delete(_workDir, recursive: true);

    [Fact]
    public async Task NoSecretReachesTheDataFolderOrTheOutput()
    {
        string[] english =
        [
            "hello", "my wallet was drained", "2",
            "my seed phrase is " + SeedPhrase,
            "12345678", "my private key: 0x" + PrivateKey,
            "password: " + Password, "my google authenticator code is " + Code,
            "api secret " + ApiSecret, "yesterday 9pm",
            "human",
        ];
        string[] chinese =
        [
            "你好", "账号被盗了", "2", "助记词是 " + ChineseSeedPhrase, "12345678",
            "我的密码是" + Password, "谷歌验证码 " + Code, "私钥 " + PrivateKey, "昨天晚上九点", "转人工",
        ];

        var outputs = new StringBuilder();
        foreach (var (user, script) in new[] { ("secrets-en", english), ("secrets-zh", chinese) })
        {
            var (code, stdout, stderr) = await HostProcess.RunAsync(_workDir, script, "chat", "--json", "--user", user);
            Assert.True(code == 0, stderr);
            outputs.Append(stdout).Append(stderr);
        }

        var printed = outputs.ToString();
        Assert.Contains("\"ticket\":1000", printed, StringComparison.Ordinal); // both flows really ran to a ticket
        var stored = ReadEveryByte(Path.Combine(_workDir, "data"));
        Assert.True(stored.Length > 10_000, "the data folder should hold the conversations");
        foreach (var secret in new[] { SeedPhrase, "abandon abandon abandon", ChineseSeedPhrase, "的 一 是 在 不", PrivateKey, Password, Code, ApiSecret })
        {
            Assert.DoesNotContain(secret, printed, StringComparison.Ordinal);
            Assert.False(Contains(stored, secret), $"a secret was found in the data folder: {secret[..6]}…");
        }
    }

    private static byte[] ReadEveryByte(string folder)
    {
        using var all = new MemoryStream();
        foreach (var file in Directory.GetFiles(folder, "*", SearchOption.AllDirectories))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            stream.CopyTo(all);
        }

        return all.ToArray();
    }

    private static bool Contains(byte[] haystack, string secret) =>
        haystack.AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret)) >= 0
        || haystack.AsSpan().IndexOf(Encoding.Unicode.GetBytes(secret)) >= 0;
}
