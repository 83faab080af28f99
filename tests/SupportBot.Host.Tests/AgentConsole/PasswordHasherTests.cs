using SupportBot.Host.AgentConsole;

namespace SupportBot.Host.Tests.AgentConsole;

public sealed class PasswordHasherTests
{
    private readonly PasswordHasher _cheap = new(1000);

    [Fact]
    public void HashHasSchemeIterationsSaltAndKeyInBase64()
    {
        var parts = _cheap.Hash("correct horse").Split('$');

        Assert.Equal(4, parts.Length);
        Assert.Equal("pbkdf2-sha256", parts[0]);
        Assert.Equal("1000", parts[1]);
        Assert.Equal(16, Convert.FromBase64String(parts[2]).Length);
        Assert.Equal(32, Convert.FromBase64String(parts[3]).Length);
    }

    [Fact]
    public void ProductionDefaultIsAtLeast210000Iterations()
    {
        var hasher = new PasswordHasher();

        Assert.True(hasher.Iterations >= 210_000);
        Assert.StartsWith("pbkdf2-sha256$210000$", hasher.Hash("x"), StringComparison.Ordinal);
    }

    [Fact]
    public void RightPasswordVerifiesAndWrongOneDoesNot()
    {
        var hash = _cheap.Hash("correct horse");

        Assert.True(PasswordHasher.Verify("correct horse", hash));
        Assert.False(PasswordHasher.Verify("correct horse ", hash));
        Assert.False(PasswordHasher.Verify("Correct horse", hash));
        Assert.False(PasswordHasher.Verify("", hash));
    }

    [Fact]
    public void SamePasswordGetsADifferentSaltEachTime()
    {
        Assert.NotEqual(_cheap.Hash("same"), _cheap.Hash("same"));
    }

    [Fact]
    public void VerifyUsesTheIterationCountStoredWithTheHash()
    {
        var old = new PasswordHasher(2000).Hash("pw");

        Assert.True(PasswordHasher.Verify("pw", old));
        Assert.False(PasswordHasher.Verify("pw", old.Replace("$2000$", "$2001$", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("plain-text-password")]
    [InlineData("pbkdf2-sha256$1000$notbase64!$AAAA")]
    [InlineData("pbkdf2-sha256$0$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("md5$1000$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    public void MalformedStoredHashNeverMatches(string? stored)
    {
        Assert.False(PasswordHasher.Verify("anything", stored));
    }

    [Fact]
    public void TamperedKeyDoesNotMatch()
    {
        var parts = _cheap.Hash("pw").Split('$');
        var key = Convert.FromBase64String(parts[3]);
        key[^1] ^= 1;
        parts[3] = Convert.ToBase64String(key);

        Assert.False(PasswordHasher.Verify("pw", string.Join('$', parts)));
    }
}
