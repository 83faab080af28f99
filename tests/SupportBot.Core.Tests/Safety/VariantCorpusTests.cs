using SupportBot.Core.Catalog;
using SupportBot.Core.Safety;

namespace SupportBot.Core.Tests.Safety;

/// <summary>Secrets in disguise (issue 11, finding 3) and API secrets (issue 14), with the clean companion that must
/// stay clean: support sentences, TXIDs, addresses and order ids in both languages.</summary>
public class VariantCorpusTests
{
    private static readonly SecretScanner Scanner = new();
    private static readonly string[] Words = SeedPhraseCorpus.PublishedVectors[2].Words;
    private static readonly string Phrase = string.Join(' ', Words);
    private const string Hex = "4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318";

    public static TheoryData<string, string, SecretKind> Variants()
    {
        var fullWidth = string.Concat(Phrase.Select(c => c is >= 'a' and <= 'z' ? (char)(c + 0xFEE0) : c));
        var cyrillic = Phrase.Replace('a', 'а').Replace('o', 'о').Replace('e', 'е');
        var grouped = string.Join(' ', Enumerable.Range(0, 8).Select(i => Hex.Substring(i * 8, 8)));
        return new()
        {
            { "4-letter abbreviations", string.Join(' ', Words.Select(w => w.Length > 4 ? w[..4] : w)), SecretKind.SeedPhrase },
            { "full-width letters", fullWidth, SecretKind.SeedPhrase },
            { "zero-width space inside words", string.Join(' ', Words.Select(w => w[..2] + "\u200B" + w[2..])), SecretKind.SeedPhrase },
            { "zero-width joiner between words", string.Join("\u200D", Words), SecretKind.SeedPhrase },
            { "soft hyphens", string.Join(' ', Words.Select(w => w[..1] + "\u00AD" + w[1..])), SecretKind.SeedPhrase },
            { "Cyrillic look-alikes", cyrillic, SecretKind.SeedPhrase },
            { "interleaved with prose", "ok so first is " + string.Join(", then ", Words), SecretKind.SeedPhrase },
            { "interleaved, numbered in words", string.Join(" ", Words.Select((w, i) => $"word {i + 1} is {w}")), SecretKind.SeedPhrase },
            { "hex key in 8-char groups", grouped, SecretKind.KeyOrHash },
            { "hex key in groups, labelled", "private key: " + grouped, SecretKind.PrivateKey },
            { "hex key in dashed groups, labelled", "私钥 " + string.Join('-', Enumerable.Range(0, 4).Select(i => Hex.Substring(i * 16, 16))), SecretKind.PrivateKey },
            { "pass X", "pass Hunter2024!", SecretKind.Password },
            { "pw: X", "pw: s3cretPass", SecretKind.Password },
            { "login: user / X", "login: alice@example.com / Tiger!88", SecretKind.Password },
            { "账号密码 user/X", "账号密码 alice88/Qwe123456", SecretKind.Password },
            { "api key label", "API Key: vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A", SecretKind.ApiSecret },
            { "secret key label", "Secret Key: NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j", SecretKind.ApiSecret },
            { "JSON", "{\"apiKey\":\"vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A\"}", SecretKind.ApiSecret },
            { ".env", "BINANCE_API_SECRET=NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j", SecretKind.ApiSecret },
            { "apiKey=", "apiKey=a1B2c3D4e5F6g7H8i9J0k1L2", SecretKind.ApiSecret },
            { "API密钥", "我的API密钥是 vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A 帮我看看", SecretKind.ApiSecret },
            { "密钥：", "密钥：NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN", SecretKind.ApiSecret },
            { "api secret key", "api secret key = 9xQ2mL7pT4vW8zN3bY6rK1sD5fG0hJ2k", SecretKind.ApiSecret },
            {
                "unlabelled key and secret pair",
                "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A\nNhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j",
                SecretKind.ApiSecret
            },
            {
                "unlabelled OKX-style pair",
                "3f8c2a1e-9b7d-4c6e-8a5f-1d2e3c4b5a69 B7E1C94F0A3D6E2B8C5F1A7D9E3B6C2A Passphr4seX",
                SecretKind.ApiSecret
            },
        };
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void Each_variant_is_found_and_redacted(string name, string text, SecretKind kind)
    {
        var result = Scanner.Scan(text, ScanContext.None);
        Assert.True(result.Findings.Any(f => f.Kind == kind), $"{name}: found {string.Join(", ", result.Findings)}");
        var redacted = Redactor.Redact(text, result.Findings, k => $"[{k}]");
        Assert.DoesNotContain(Words[3], redacted.Normalize(System.Text.NormalizationForm.FormKC), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Hunter2024", redacted, StringComparison.Ordinal);
        Assert.DoesNotContain("Tiger!88", redacted, StringComparison.Ordinal);
        Assert.DoesNotContain("Qwe123456", redacted, StringComparison.Ordinal);
        Assert.DoesNotContain("vmPUZE6m", redacted, StringComparison.Ordinal);
        Assert.DoesNotContain("NhqPtmdS", redacted, StringComparison.Ordinal);
        Assert.DoesNotContain("9102937d", redacted, StringComparison.Ordinal);
    }

    public static TheoryData<string> Clean() =>
    [
        "I can not log in", "i can not log in since yesterday, please help", "can you help me", "please help human agent",
        "okay thank you", "what now", "my deposit is still not there after two hours",
        "The app says error, what should I do about my account?", "I want to cancel my order and get a refund",
        "TXID: 0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060",
        "txid 5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060",
        "交易哈希：5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060",
        "交易ID 0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060 还没到账",
        "withdrawal record 5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060",
        "txn: 0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060",
        "TXIDs:\n0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060\n0x9a1f2e3d4c5b6a7980a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f607",
        "I sent to TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE from TLa2f6VPqDgRE67v1736s7bJ8Ray5wYjU7",
        "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq and 3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy",
        "Solana address 7EcDhSYGxXyscszYEp35KHN8vvw3svAuLKTzXwCFLtV and 4Nd1mBQtrMJVYVfKf2PJy9NZUZdTAsp7D4xWLs4gDB4T",
        "order id 1234567890123, withdrawal id W20250303123456789", "my UID is 48213377, order 88990011",
        "my password is wrong", "I forgot the pass, reset please", "login: failed again", "pw reset link not working",
        "my api key stopped working", "API key permissions: read only", "where is the secret key page?",
        "i lost my seed phrase, can you help", "my seed phrase is correct but the wallet is empty",
        "请帮我看看充值记录", "我的助记词丢了怎么办", "助记词是什么意思", "提现三个小时了还没到账", "账号密码都忘了",
        "API密钥在哪里创建？", "我的密钥过期了", "登录不了，一直提示密码错误", "我要转人工",
        "uuid 3f8c2a1e-9b7d-4c6e-8a5f-1d2e3c4b5a69 in the error", "Error ID 3f8c2a1e-9b7d-4c6e-8a5f-1d2e3c4b5a69",
    ];

    [Theory]
    [MemberData(nameof(Clean))]
    public void The_clean_companion_stays_clean(string text)
    {
        var result = Scanner.Scan(text, ScanContext.None);
        Assert.False(result.HasSecrets, $"found {string.Join(", ", result.Findings)} in: {text}");
        Assert.Null(SeedFragmentFinder.Find(text, active: false, []));
    }

    [Fact]
    public void Ordinary_support_messages_in_both_languages_are_never_held_as_seed_pieces()
    {
        var held = OrdinaryMessages.English.Concat(OrdinaryMessages.Chinese)
            .Where(m => SeedFragmentFinder.Find(m, active: false, []) is not null)
            .ToList();
        Assert.Empty(held);
    }

    [Fact]
    public void An_api_secret_gets_its_own_warning_to_revoke_the_key()
    {
        var guard = new SafetyGuard(Scanner, SafetyTextsFile.Catalog());
        var result = guard.Inspect("api secret: NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN", ScanContext.None, "en");
        Assert.Equal("api secret: [API key removed]", result.RedactedText);
        Assert.Contains("Revoke this API key now", Assert.Single(result.Warnings), StringComparison.Ordinal);
        Assert.False(result.WalletCompromised);
    }

    [Fact]
    public void A_hash_at_a_txid_step_or_after_a_label_is_no_finding_and_a_labelled_key_there_still_is()
    {
        var txStep = new ScanContext(ExpectingTransactionId: true);
        Assert.False(Scanner.Scan(Hex, txStep).HasSecrets);
        Assert.False(Scanner.Scan("0x" + Hex + "\n0x" + Hex.ToUpperInvariant(), txStep).HasSecrets);
        Assert.Equal(SecretKind.PrivateKey, Assert.Single(Scanner.Scan("私钥 " + Hex, txStep).Findings).Kind);
        Assert.Equal(SecretKind.PrivateKey, Assert.Single(Scanner.Scan("privkey " + Hex, txStep).Findings).Kind);
        Assert.Equal(SecretKind.KeyOrHash, Assert.Single(Scanner.Scan(Hex, ScanContext.None).Findings).Kind);
    }
}
