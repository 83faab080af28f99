using SupportBot.Core.Catalog;
using SupportBot.Core.Safety;

namespace SupportBot.Core.Tests.Safety;

public class SafetyGuardTests
{
    private const string Zh = Locales.Supported.Chinese;
    private const string En = Locales.Supported.English;
    private static readonly string Phrase = string.Join(' ', SeedPhraseCorpus.PublishedVectors[2].Words);
    private static readonly SafetyGuard Guard = new(new SecretScanner(), SafetyTextsFile.Catalog());

    [Fact]
    public void The_texts_file_defines_every_safety_key_in_both_languages()
    {
        var texts = SafetyTextsFile.Load();
        // The screenshot check's texts live in screenshots.yaml; the catalog loader requires them like every key.
        var safetyKeys = TextKeys.Required.Where(k => k.StartsWith("safety.", StringComparison.Ordinal)
            && !k.StartsWith("safety.screenshot.", StringComparison.Ordinal)).ToList();
        Assert.Equal(29, safetyKeys.Count);
        Assert.All(safetyKeys, key =>
        {
            Assert.True(texts.ContainsKey(key), key);
            Assert.Equal([En, Zh], texts[key].Locales.Order(StringComparer.Ordinal));
            Assert.All(texts[key].Locales, locale => Assert.False(string.IsNullOrWhiteSpace(texts[key].Get(locale))));
        });
        Assert.Empty(texts.Keys.Except(safetyKeys));
    }

    [Fact]
    public void A_seed_phrase_is_replaced_by_a_label_in_the_users_language_with_a_warning_and_the_compromise_advice()
    {
        var zh = Guard.Inspect($"我的助记词是 {Phrase} 帮我看看", ScanContext.None, Zh);
        Assert.Equal("我的助记词是 [助记词已删除] 帮我看看", zh.RedactedText);
        Assert.True(zh.WalletCompromised);
        Assert.Equal(2, zh.Warnings.Count);
        Assert.Contains("助记词", zh.Warnings[0], StringComparison.Ordinal);
        Assert.Contains("新建一个钱包", zh.Warnings[1], StringComparison.Ordinal);

        var en = Guard.Inspect($"my words: {Phrase}", ScanContext.None, En);
        Assert.Equal("my words: [seed phrase removed]", en.RedactedText);
        Assert.Contains("move all your funds", en.Warnings[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Each_kind_found_gets_one_warning_and_a_code_alone_does_not_mean_a_compromised_wallet()
    {
        var result = Guard.Inspect("验证码 123456，谷歌验证码 654321，密码是 Abc12345", ScanContext.None, Zh);
        Assert.Equal("验证码 [验证码已删除]，谷歌验证码 [验证码已删除]，密码是 [密码已删除]", result.RedactedText);
        Assert.False(result.WalletCompromised);
        Assert.Equal(2, result.Warnings.Count);
        Assert.Contains("密码", result.Warnings[1], StringComparison.Ordinal);
        Assert.DoesNotContain("123456", result.RedactedText, StringComparison.Ordinal);
    }

    [Fact]
    public void A_private_key_counts_as_a_compromised_wallet()
    {
        var result = Guard.Inspect("key 5HueCGU8rMjxEXxiPuD5BDku4MkFqeZyd4dZ1jvhTVqvbTLvyTJ", ScanContext.None, En);
        Assert.Equal("key [private key removed]", result.RedactedText);
        Assert.True(result.WalletCompromised);
        Assert.Equal(SecretKind.PrivateKey, Assert.Single(result.Scan.Findings).Kind);
    }

    [Fact]
    public void A_clean_message_comes_back_unchanged_without_warnings()
    {
        var result = Guard.Inspect("充值三个小时了还没到账", ScanContext.None, Zh);
        Assert.Equal("充值三个小时了还没到账", result.RedactedText);
        Assert.Empty(result.Warnings);
        Assert.False(result.WalletCompromised);
    }

    [Fact]
    public void Mentioning_a_code_is_reported_so_a_lone_code_in_the_next_message_is_caught()
    {
        var first = Guard.Inspect("我的验证码收不到", ScanContext.None, Zh);
        Assert.True(first.Scan.MentionsCode);
        Assert.Empty(first.Scan.Findings);
        var next = Guard.Inspect("482915", new ScanContext(CodeRecentlyMentioned: first.Scan.MentionsCode), Zh);
        Assert.Equal("[验证码已删除]", next.RedactedText);
        Assert.Equal("482915", Guard.Inspect("482915", ScanContext.None, Zh).RedactedText);
    }

    [Fact]
    public void A_hash_at_the_TXID_step_is_kept_and_the_same_hash_elsewhere_is_removed()
    {
        const string hex = "5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060";
        Assert.Equal(hex, Guard.Inspect(hex, new ScanContext(ExpectingTransactionId: true), En).RedactedText);
        Assert.Equal("TXID " + hex, Guard.Inspect("TXID " + hex, ScanContext.None, En).RedactedText);
        var unclear = Guard.Inspect(hex, ScanContext.None, En);
        Assert.Equal("[key or transaction hash removed]", unclear.RedactedText);
        Assert.False(unclear.WalletCompromised);
        Assert.Contains("TXID: 0x", Assert.Single(unclear.Warnings), StringComparison.Ordinal);
    }
}
