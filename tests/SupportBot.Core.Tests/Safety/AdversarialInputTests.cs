using System.Text;
using SupportBot.Core.Safety;

namespace SupportBot.Core.Tests.Safety;

/// <summary>Hostile inputs of about 1 MB each must complete (the benchmark measures how fast); they would hang a
/// backtracking matcher. Each test also checks the result makes sense.</summary>
public class AdversarialInputTests
{
    private const int Size = 1 << 20;
    private static readonly SecretScanner Scanner = new();

    private static string Repeat(string unit) => new StringBuilder(Size + unit.Length).Insert(0, unit, Size / unit.Length).ToString();

    [Fact]
    public void A_megabyte_of_hex_is_one_token_and_no_key() =>
        Assert.Empty(Scanner.Scan(Repeat("0123456789abcdef"), ScanContext.None).Findings);

    [Fact]
    public void A_megabyte_of_wordlist_words_is_one_seed_phrase_finding()
    {
        var text = Repeat("abandon ability able about ");
        var finding = Assert.Single(Scanner.Scan(text, ScanContext.None).Findings);
        Assert.Equal(SecretKind.SeedPhrase, finding.Kind);
        Assert.True(finding.Length > text.Length - 10);
    }

    [Theory]
    [InlineData("(")]
    [InlineData("[")]
    [InlineData("{\"")]
    [InlineData("[1,")]
    [InlineData("\"crypto\":{")]
    [InlineData("7")]
    [InlineData("12 ")]
    [InlineData("验证码验证码")]
    [InlineData("密码:密码:")]
    [InlineData("pwd=")]
    [InlineData("助记词")]
    public void A_megabyte_of_repeated_punctuation_digits_or_cue_words_completes(string unit)
    {
        var result = Scanner.Scan(Repeat(unit), ScanContext.None);
        Assert.All(result.Findings, f => Assert.True(f.Length > 0));
    }

    [Fact]
    public void A_megabyte_of_random_Chinese_wordlist_characters_in_short_runs_completes_and_is_flagged()
    {
        var random = new Random(5);
        var text = new StringBuilder();
        while (text.Length < Size)
        {
            for (var k = 0; k < 12; k++)
            {
                text.Append(Bip39Wordlists.Simplified[random.Next(2048)]);
            }

            text.Append('。');
        }

        Assert.NotEmpty(Scanner.Scan(text.ToString(), ScanContext.None).Findings);
    }

    [Fact]
    public void A_megabyte_of_codes_with_code_words_finds_codes_in_order()
    {
        var findings = Scanner.Scan(Repeat("验证码 123456 "), ScanContext.None).Findings;
        Assert.True(findings.Count > 1000);
        Assert.All(findings, f => Assert.Equal(SecretKind.VerificationCode, f.Kind));
    }
}
