using System.Buffers.Text;
using System.Net;
using System.Text.Json.Nodes;
using SupportBot.Testing;

namespace SupportBot.Channels.WebChat.Tests.Protocol;

public class TokenTests
{
    [Fact]
    public async Task TheHostsTokenRouteGivesAJwtWhoseUserClaimWebChatReads_AndStartingWithItCreatesTheConversationOnce()
    {
        await using var host = await WebChatHost.StartAsync();
        using var client = new DirectLineClient(host);
        var minted = await client.SendAsync(HttpMethod.Post, "/webchat/token", null, null);
        Assert.Equal(HttpStatusCode.OK, minted.Status);
        var token = (string)minted.Json!["token"]!;
        var conversationId = (string)minted.Json["conversationId"]!;
        Assert.Equal(1800, (int)minted.Json["expires_in"]!);
        var claims = JsonNode.Parse(Base64Url.DecodeFromChars(token.Split('.')[1]))!;
        Assert.Equal(conversationId, (string)claims["conv"]!);
        Assert.StartsWith("dl_", (string)claims["user"]!, StringComparison.Ordinal);
        Assert.Equal((string)minted.Json["userId"]!, (string)claims["user"]!);

        var first = await client.SendAsync(HttpMethod.Post, "/v3/directline/conversations", new JsonObject { ["user"] = new JsonObject() }, token);
        Assert.Equal(HttpStatusCode.Created, first.Status);
        Assert.Equal(conversationId, (string)first.Json!["conversationId"]!);
        Assert.StartsWith("ws://", (string)first.Json["streamUrl"]!, StringComparison.Ordinal);
        Assert.Contains("/v3/directline/conversations/" + conversationId + "/stream?", (string)first.Json["streamUrl"]!, StringComparison.Ordinal);
        var again = await client.SendAsync(HttpMethod.Post, "/v3/directline/conversations", null, token);
        Assert.Equal(HttpStatusCode.OK, again.Status);
    }

    [Fact]
    public async Task GenerateNeedsTheSecret_AndIsOffWithoutOne()
    {
        await using (var host = await WebChatHost.StartAsync())
        {
            using var client = new DirectLineClient(host);
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(HttpMethod.Post, "/v3/directline/tokens/generate", null, null)).Status);
            var wrong = await client.SendAsync(HttpMethod.Post, "/v3/directline/tokens/generate", null, "not-the-secret");
            Assert.Equal(HttpStatusCode.Forbidden, wrong.Status);
            Assert.NotNull((string?)wrong.Json!["error"]!["code"]);
            Assert.NotNull((string?)wrong.Json["error"]!["message"]);
            var ok = await client.SendAsync(HttpMethod.Post, "/v3/directline/tokens/generate",
                new JsonObject { ["user"] = new JsonObject { ["id"] = "dl_site-user-1" } }, WebChatHost.Secret);
            Assert.Equal(HttpStatusCode.OK, ok.Status);
            var claims = JsonNode.Parse(Base64Url.DecodeFromChars(((string)ok.Json!["token"]!).Split('.')[1]))!;
            Assert.Equal("dl_site-user-1", (string)claims["user"]!);

            // The secret also starts a conversation directly and reaches every conversation.
            var started = await client.SendAsync(HttpMethod.Post, "/v3/directline/conversations", null, WebChatHost.Secret);
            Assert.Equal(HttpStatusCode.Created, started.Status);
            var id = (string)started.Json!["conversationId"]!;
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{id}/activities", null, WebChatHost.Secret)).Status);
        }

        await using (var host = await WebChatHost.StartAsync(new() { ["DirectLine:Secret"] = "" }))
        {
            using var client = new DirectLineClient(host);
            Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(HttpMethod.Post, "/v3/directline/tokens/generate", null, "")).Status);
        }
    }

    [Fact]
    public async Task ATokenExpiresOnTheHostsClock_RefreshExtendsIt_AndAnExpiredOneCannotBeRefreshed()
    {
        var time = new ManualTimeProvider();
        await using var host = await WebChatHost.StartAsync(time: time);
        using var client = await new DirectLineClient(host).StartAsync();

        time.Advance(TimeSpan.FromMinutes(25));
        var refreshed = await client.SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh", null, client.Token);
        Assert.Equal(HttpStatusCode.OK, refreshed.Status);
        Assert.Equal(client.ConversationId, (string)refreshed.Json!["conversationId"]!);
        var old = client.Token;
        client.Token = (string)refreshed.Json["token"]!;

        time.Advance(TimeSpan.FromMinutes(10)); // 35 min: the first token is dead, the refreshed one lives
        var expired = await client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{client.ConversationId}/activities", null, old);
        Assert.Equal(HttpStatusCode.Forbidden, expired.Status);
        Assert.Equal("TokenExpired", (string)expired.Json!["error"]!["code"]!);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{client.ConversationId}/activities", null, client.Token)).Status);
        var refreshDead = await client.SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh", null, old);
        Assert.Equal(HttpStatusCode.Forbidden, refreshDead.Status);
        Assert.Equal("TokenExpired", (string)refreshDead.Json!["error"]!["code"]!);

        // Within the resume window the host's token route trades the dead token for one of the same conversation.
        var resumed = await client.SendAsync(HttpMethod.Post, "/webchat/token", null, old);
        Assert.Equal(client.ConversationId, (string)resumed.Json!["conversationId"]!);
        Assert.Equal(client.UserId, (string)resumed.Json["userId"]!);
        time.Advance(TimeSpan.FromDays(2));
        var tooLate = await client.SendAsync(HttpMethod.Post, "/webchat/token", null, old);
        Assert.NotEqual(client.ConversationId, (string)tooLate.Json!["conversationId"]!);
    }

    [Fact]
    public async Task ATokenReachesOnlyItsOwnConversation()
    {
        await using var host = await WebChatHost.StartAsync();
        using var mine = await new DirectLineClient(host).StartAsync();
        using var theirs = await new DirectLineClient(host).StartAsync();
        var other = theirs.ConversationId;
        foreach (var (method, path) in new[]
        {
            (HttpMethod.Get, $"/v3/directline/conversations/{other}"),
            (HttpMethod.Get, $"/v3/directline/conversations/{other}/activities"),
            (HttpMethod.Post, $"/v3/directline/conversations/{other}/activities"),
            (HttpMethod.Post, $"/v3/directline/conversations/{other}/upload?userId=x"),
            (HttpMethod.Get, $"/v3/directline/conversations/{other}/stream?t={mine.Token}"),
        })
        {
            var result = await mine.SendAsync(method, path, method == HttpMethod.Post ? mine.Message("hi", "c1") : null, mine.Token);
            Assert.True(result.Status == HttpStatusCode.Forbidden, $"{method} {path}: {result.Status}");
            Assert.Equal("BadArgument", (string)result.Json!["error"]!["code"]!);
        }
    }

    [Fact]
    public async Task MissingOrForgedAuthorizationIsRefusedInTheDirectLineErrorShape()
    {
        await using var host = await WebChatHost.StartAsync();
        using var client = await new DirectLineClient(host).StartAsync();
        var path = $"/v3/directline/conversations/{client.ConversationId}/activities";
        var missing = await client.SendAsync(HttpMethod.Get, path, null, null);
        Assert.Equal(HttpStatusCode.Unauthorized, missing.Status);
        Assert.NotNull((string?)missing.Json!["error"]!["code"]);

        var parts = client.Token.Split('.');
        var forged = parts[0] + "." + parts[1] + "." + parts[2][..^2] + (parts[2][^2..] == "AA" ? "BB" : "AA");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(HttpMethod.Get, path, null, forged)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(HttpMethod.Get, path, null, "garbage")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(HttpMethod.Get, "/v3/directline/conversations/nosuchconversation/activities", null, WebChatHost.Secret)).Status);
    }
}
