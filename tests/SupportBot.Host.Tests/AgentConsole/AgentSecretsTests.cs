using System.Text.RegularExpressions;
using SupportBot.Host.AgentConsole;

namespace SupportBot.Host.Tests.AgentConsole;

public sealed partial class AgentSecretsTests
{
    [Fact]
    public void CodeIsSBDashAndSixUnambiguousCharacters()
    {
        for (var i = 0; i < 200; i++)
        {
            Assert.Matches(CodePattern(), AgentSecrets.NewCode());
        }
    }

    [Fact]
    public void CodesDoNotRepeat()
    {
        var codes = Enumerable.Range(0, 2000).Select(_ => AgentSecrets.NewCode()).ToHashSet();

        Assert.Equal(2000, codes.Count);
    }

    [Fact]
    public void CodesUseTheWholeAlphabetAndNoLookAlikes()
    {
        var seen = string.Concat(Enumerable.Range(0, 2000).Select(_ => AgentSecrets.NewCode()[3..])).ToHashSet();

        Assert.Equal(AgentSecrets.Alphabet.ToHashSet(), seen);
        Assert.DoesNotContain('0', seen);
        Assert.DoesNotContain('O', seen);
        Assert.DoesNotContain('1', seen);
        Assert.DoesNotContain('I', seen);
    }

    [Fact]
    public void OneTimePasswordIsLongAndRandom()
    {
        var a = AgentSecrets.NewPassword();
        var b = AgentSecrets.NewPassword();

        Assert.Equal(20, a.Length);
        Assert.NotEqual(a, b);
        Assert.All(a, c => Assert.True(char.IsAsciiLetterOrDigit(c)));
    }

    [GeneratedRegex("^SB-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}$")]
    private static partial Regex CodePattern();
}
