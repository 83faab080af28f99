using System.Text;
using SupportBot.Channels.WebChat.Tokens;
using SupportBot.Testing;

namespace SupportBot.Channels.WebChat.Tests.Protocol;

/// <summary>The verified-token cache answers exactly what verifying again would.</summary>
public class TokenServiceTests
{
    private static readonly byte[] Key = Encoding.UTF8.GetBytes("token-service-test-key-0123456789");

    [Fact]
    public void ATokenReadBeforeStillExpiresOnTheClock_AndItsForgedVariantsAreRefused()
    {
        var time = new ManualTimeProvider();
        var tokens = new TokenService(Key, time);
        var token = tokens.Issue("conv-1", "dl_user", TimeSpan.FromMinutes(30));

        var first = tokens.Read(token);
        Assert.NotNull(first);
        Assert.Equal(first, tokens.Read(token));
        Assert.Equal("conv-1", first.ConversationId);
        Assert.False(tokens.IsExpired(first));

        time.Advance(TimeSpan.FromMinutes(31));
        Assert.True(tokens.IsExpired(tokens.Read(token)!));

        // Same payload, another signature; same signature, another payload; a key that is not ours.
        var lastDot = token.LastIndexOf('.');
        var flipped = token[^1] == 'A' ? 'B' : 'A';
        Assert.Null(tokens.Read(token[..^1] + flipped));
        var other = new TokenService(Key, time).Issue("conv-2", "dl_user", TimeSpan.FromMinutes(30));
        Assert.Null(tokens.Read(other[..other.LastIndexOf('.')] + token[lastDot..]));
        var foreign = new TokenService(Encoding.UTF8.GetBytes("another-key-0123456789abcdefghij"), time)
            .Issue("conv-1", "dl_user", TimeSpan.FromMinutes(30));
        Assert.Null(tokens.Read(foreign));
    }

    [Fact]
    public void MoreTokensThanTheCacheHoldsAreAllStillRead()
    {
        var tokens = new TokenService(Key, new ManualTimeProvider());
        var issued = Enumerable.Range(0, 10_050)
            .Select(i => tokens.Issue("conv-" + i, "dl_user", TimeSpan.FromMinutes(30)))
            .ToList();

        for (var i = 0; i < issued.Count; i++)
        {
            Assert.Equal("conv-" + i, tokens.Read(issued[i])?.ConversationId);
        }

        Assert.Equal("conv-0", tokens.Read(issued[0])?.ConversationId);
    }
}
