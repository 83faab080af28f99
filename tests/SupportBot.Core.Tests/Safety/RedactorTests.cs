using SupportBot.Core.Safety;

namespace SupportBot.Core.Tests.Safety;

public class RedactorTests
{
    private static string Label(SecretKind kind) => $"<{kind}>";

    [Fact]
    public void Findings_are_replaced_left_to_right_and_the_rest_is_kept()
    {
        var findings = new[] { new SecretFinding(SecretKind.Password, 4, 3), new SecretFinding(SecretKind.VerificationCode, 11, 2) };
        Assert.Equal("abc <Password> xyz<VerificationCode>!", Redactor.Redact("abc SEC xyzCD!", findings, Label));
    }

    [Fact]
    public void Unsorted_and_overlapping_findings_become_one_label_of_the_most_serious_kind()
    {
        var findings = new[]
        {
            new SecretFinding(SecretKind.VerificationCode, 6, 4), new SecretFinding(SecretKind.SeedPhrase, 2, 5),
        };
        Assert.Equal("ab<SeedPhrase>!", Redactor.Redact("abcdefghij!", findings, Label));
    }

    [Fact]
    public void No_findings_return_the_same_text() =>
        Assert.Equal("hello", Redactor.Redact("hello", [], Label));
}
