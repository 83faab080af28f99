using System.Net;
using System.Text.Json;

namespace SupportBot.Host.Tests.Api;

/// <summary><c>GET /api/tickets</c>, <c>GET /api/tickets/{number}</c> and <c>GET /api/canned</c> over tickets made
/// by chatting with the real dialogs.</summary>
public sealed class TicketQueryApiTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FiltersSelectExactlyTheMatchingTickets()
    {
        await using var api = await ApiHost.StartAsync();
        await api.CreateAgentAsync("alice");
        var deposit = await api.CreateTicketAsync("deposit");
        var other = await api.CreateTicketAsync("other");
        var elsewhere = await api.CreateTicketAsync("deposit", channel: "elsewhere");
        using (var assigned = await api.Client.PostAsync(
            new Uri(deposit.Path + "/assignment", UriKind.Relative), ApiHost.Json("""{"agent":"alice"}"""), Ct))
        {
            await ApiAssert.OkAsync(assigned);
        }

        // Queue order: high priority before low, then oldest first.
        Assert.Equal([deposit.Number, elsewhere.Number, other.Number], await NumbersAsync(api, ""));
        Assert.Equal([deposit.Number], await NumbersAsync(api, "status=assigned"));
        Assert.Equal([elsewhere.Number, other.Number], await NumbersAsync(api, "status=new"));
        Assert.Equal(3, (await NumbersAsync(api, "status=new,assigned")).Count);
        Assert.Equal(3, (await NumbersAsync(api, "status=new&status=assigned")).Count);
        Assert.Empty(await NumbersAsync(api, "status=resolved"));
        Assert.Equal([other.Number], await NumbersAsync(api, "priority=low"));
        Assert.Equal([other.Number], await NumbersAsync(api, "category=other"));
        Assert.Equal([elsewhere.Number], await NumbersAsync(api, "channel=elsewhere"));
        Assert.Equal([deposit.Number], await NumbersAsync(api, "assignee=alice"));
        Assert.Equal([deposit.Number], await NumbersAsync(api, "assignee=ALICE"));
        Assert.Equal([elsewhere.Number, other.Number], await NumbersAsync(api, "unassigned=true"));
        Assert.Equal([elsewhere.Number], await NumbersAsync(api, "unassigned=true&category=deposit"));
    }

    [Fact]
    public async Task ListPagesWithLimitAndOffsetAndCountsTheTotal()
    {
        await using var api = await ApiHost.StartAsync();
        var first = await api.CreateTicketAsync();
        var second = await api.CreateTicketAsync();
        var third = await api.CreateTicketAsync();

        var page1 = await ListAsync(api, "limit=2");
        var page2 = await ListAsync(api, "limit=2&offset=2");

        Assert.Equal(3, page1.GetProperty("total").GetInt32());
        Assert.Equal(2, page1.GetProperty("limit").GetInt32());
        Assert.Equal([first.Number, second.Number], Numbers(page1));
        Assert.Equal(3, page2.GetProperty("total").GetInt32());
        Assert.Equal([third.Number], Numbers(page2));
        var item = page1.GetProperty("items")[0];
        Assert.Equal("new", item.GetProperty("status").GetString());
        Assert.Equal("high", item.GetProperty("priority").GetString());
        Assert.Equal("deposit", item.GetProperty("category").GetString());
        Assert.Equal(CapturingChannel.Name, item.GetProperty("channel").GetString());
        Assert.Equal(JsonValueKind.Null, item.GetProperty("assignee").ValueKind);
        Assert.True(DateTimeOffset.TryParse(item.GetProperty("createdAt").GetString(), out _));
    }

    [Theory]
    [InlineData("status=bogus", "Unknown status 'bogus'")]
    [InlineData("status=new,later", "Unknown status 'later'")]
    [InlineData("priority=2", "Unknown priority '2'")]
    [InlineData("limit=0", "limit must be a whole number from 1 to 500 (got '0')")]
    [InlineData("limit=501", "limit must be a whole number from 1 to 500 (got '501')")]
    [InlineData("limit=ten", "limit must be a whole number from 1 to 500 (got 'ten')")]
    [InlineData("offset=-1", "offset must be a whole number, 0 or more (got '-1')")]
    [InlineData("unassigned=maybe", "unassigned must be true or false (got 'maybe')")]
    [InlineData("assignee=nobody", "No agent named 'nobody'")]
    [InlineData("assignee=alice&unassigned=true", "Use either assignee or unassigned=true, not both.")]
    public async Task BadFilterIs400NamingTheProblem(string query, string detail)
    {
        var api = fixture.Api;

        using var response = await api.Client.GetAsync(new Uri("api/tickets?" + query, UriKind.Relative), Ct);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest, detail);
    }

    [Fact]
    public async Task TicketComesWithDetailsTranscriptNotesAndHistory()
    {
        var api = fixture.Api;
        var ticket = await api.CreateTicketAsync();
        using (var noted = await api.Client.PostAsync(new Uri(ticket.Path + "/notes", UriKind.Relative),
            ApiHost.Json("""{"agent":"alice","text":"Checked the explorer: 3 of 20 confirmations."}"""), Ct))
        {
            await ApiAssert.OkAsync(noted);
        }

        using var response = await api.Client.GetAsync(new Uri(ticket.Path, UriKind.Relative), Ct);

        var view = await ApiAssert.OkAsync(response);
        var t = view.GetProperty("ticket");
        Assert.Equal(ticket.Number, t.GetProperty("number").GetInt64());
        Assert.Equal(ticket.Conversation.Id, t.GetProperty("conversation").GetString());
        Assert.Equal(ticket.UserId, t.GetProperty("userId").GetString());
        Assert.Equal("en", t.GetProperty("locale").GetString());
        Assert.Contains(t.GetProperty("details").EnumerateArray(), d =>
            d.GetProperty("id").GetString() == "txid"
            && d.GetProperty("value").GetString()!.StartsWith("4a1f0c9e", StringComparison.Ordinal));
        Assert.Contains(view.GetProperty("transcript").EnumerateArray(), l =>
            l.GetProperty("direction").GetString() == "user" && l.GetProperty("text").GetString() == "12345678");
        var note = Assert.Single(view.GetProperty("notes").EnumerateArray());
        Assert.Equal("alice", note.GetProperty("agent").GetString());
        Assert.Equal("Checked the explorer: 3 of 20 confirmations.", note.GetProperty("text").GetString());
        Assert.Contains(view.GetProperty("history").EnumerateArray(), h =>
            h.GetProperty("action").GetString() == "note"
            && h.GetProperty("actor").GetString() == "api:helpdesk/agent:alice");
    }

    [Fact]
    public async Task UnknownTicketIs404()
    {
        var api = fixture.Api;

        using var response = await api.Client.GetAsync(new Uri("api/tickets/999999", UriKind.Relative), Ct);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.NotFound, "Ticket 999999 does not exist.");
    }

    [Theory]
    [InlineData("", "en", "Please send the TXID")]
    [InlineData("?locale=en", "en", "Please send the TXID")]
    [InlineData("?locale=zh-CN", "zh-CN", "请提供交易哈希")]
    [InlineData("?locale=zh", "zh-CN", "请提供交易哈希")]
    public async Task CannedRepliesComeInTheAskedLanguage(string query, string locale, string title)
    {
        var api = fixture.Api;

        using var response = await api.Client.GetAsync(new Uri("api/canned" + query, UriKind.Relative), Ct);

        var canned = await ApiAssert.OkAsync(response);
        Assert.Equal(locale, canned.GetProperty("locale").GetString());
        var items = canned.GetProperty("items").EnumerateArray().ToList();
        Assert.True(items.Count >= 8);
        var txid = Assert.Single(items, i => i.GetProperty("id").GetString() == "ask-txid");
        Assert.Equal(title, txid.GetProperty("title").GetString());
        Assert.False(string.IsNullOrWhiteSpace(txid.GetProperty("text").GetString()));
    }

    [Fact]
    public async Task CannedRepliesInAnUnsupportedLanguageAre400()
    {
        var api = fixture.Api;

        using var response = await api.Client.GetAsync(new Uri("api/canned?locale=fr", UriKind.Relative), Ct);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "Unsupported locale 'fr'; use zh-CN or en.");
    }

    private static async Task<JsonElement> ListAsync(ApiHost api, string query)
    {
        using var response = await api.Client.GetAsync(new Uri("api/tickets?" + query, UriKind.Relative), Ct);
        return await ApiAssert.OkAsync(response);
    }

    private static async Task<List<long>> NumbersAsync(ApiHost api, string query)
    {
        var list = await ListAsync(api, query);
        var numbers = Numbers(list);
        Assert.Equal(numbers.Count, list.GetProperty("total").GetInt32());
        return numbers;
    }

    private static List<long> Numbers(JsonElement list) =>
        [.. list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("number").GetInt64())];
}
