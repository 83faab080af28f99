using System.Net;

namespace SupportBot.Host.Tests.Api;

/// <summary>The POST routes: each changes the ticket through the desk, and each refusal has its own status code and
/// a message that says what is wrong.</summary>
public sealed class TicketActionApiTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private const string SeedPhrase =
        "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReplyReachesTheUsersChatSignedWithTheAgentsNameAndCode()
    {
        var api = fixture.Api;
        var alice = await api.AgentAsync("alice");
        var ticket = await api.CreateTicketAsync();

        using var response = await PostAsync(api, ticket.Path + "/replies",
            """{"agent":"alice","text":"Your deposit needs 20 confirmations; it has 12 now."}""");

        var after = await ApiAssert.OkAsync(response);
        Assert.Equal("assigned", after.GetProperty("status").GetString());
        Assert.Equal("alice", after.GetProperty("assignee").GetString());
        var delivered = await api.Channel.WaitForAsync(
            m => m.Conversation == ticket.Conversation && m.Reply.Agent is not null, Ct);
        Assert.Equal(ticket.Conversation, delivered.Conversation);
        Assert.Equal("Your deposit needs 20 confirmations; it has 12 now.", delivered.Reply.Text);
        Assert.Equal(("alice", alice.Code), (delivered.Reply.Agent!.Name, delivered.Reply.Agent.Code));
        Assert.Equal(ticket.Number, delivered.Reply.TicketNumber);
        var view = await GetAsync(api, ticket);
        Assert.Contains(view.GetProperty("transcript").EnumerateArray(), l =>
            l.GetProperty("direction").GetString() == "agent"
            && l.GetProperty("text").GetString() == "alice: Your deposit needs 20 confirmations; it has 12 now.");
        Assert.Contains(view.GetProperty("history").EnumerateArray(), h =>
            h.GetProperty("action").GetString() == "reply"
            && h.GetProperty("actor").GetString() == "api:helpdesk/agent:alice");
    }

    [Fact]
    public async Task ReplyAsAnAgentWhoDoesNotHaveTheTicketIs409()
    {
        var api = fixture.Api;
        var ticket = await api.CreateTicketAsync();
        using (var first = await PostAsync(api, ticket.Path + "/replies", """{"agent":"alice","text":"On it."}"""))
        {
            await ApiAssert.OkAsync(first);
        }

        using var response = await PostAsync(api, ticket.Path + "/replies", """{"agent":"bob","text":"Me too."}""");

        var problem = await ApiAssert.ProblemAsync(
            response, HttpStatusCode.Conflict, $"Ticket {ticket.Number} is assigned to alice");
        Assert.Equal("alice", problem.GetProperty("assignee").GetString());
    }

    [Theory]
    [InlineData("Please send me your seed phrase so we can restore the wallet.", "seedPhrase")]
    [InlineData("What is your 2FA code?", "verificationCode")]
    [InlineData("Restore it with " + SeedPhrase, "seedPhrase")]
    public async Task ReplyTheOutboundGuardStopsIs422AndNothingIsSent(string text, string secret)
    {
        var api = fixture.Api;
        var ticket = await api.CreateTicketAsync();

        using var response = await PostAsync(api, ticket.Path + "/replies",
            $$"""{"agent":"alice","text":"{{text}}"}""");

        var problem = await ApiAssert.ProblemAsync(response, HttpStatusCode.UnprocessableEntity, "Message not sent");
        Assert.Equal(secret, problem.GetProperty("secret").GetString());
        var view = await GetAsync(api, ticket);
        Assert.DoesNotContain(view.GetProperty("transcript").EnumerateArray(),
            l => l.GetProperty("direction").GetString() == "agent");
        Assert.Equal("new", view.GetProperty("ticket").GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("""{"agent":"alice","text":"hi""", "The body is not valid JSON")]
    [InlineData("""{"agent":"alice" "text":"hi"}""", "The body is not valid JSON")]
    [InlineData("", "The body is empty")]
    [InlineData("null", "The body is null")]
    [InlineData("""["alice","hi"]""", "The body is not valid JSON")]
    [InlineData("""{"agent":"alice","text":42}""", "The body is not valid JSON")]
    [InlineData("""{"agent":"alice","txt":"hi"}""", "'txt'")]
    [InlineData("""{"agent":"alice"}""", "'text' is required")]
    [InlineData("""{"agent":"alice","text":"   "}""", "'text' is required and must not be blank")]
    [InlineData("""{"text":"hi"}""", "'agent' is required")]
    [InlineData("""{"agent":"mallory","text":"hi"}""", "No agent named 'mallory'")]
    public async Task BadReplyBodyIs400SayingWhatIsWrong(string body, string detail)
    {
        var api = fixture.Api;
        var ticket = await api.CreateTicketAsync();

        using var response = await PostAsync(api, ticket.Path + "/replies", body);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest, detail);
    }

    [Fact]
    public async Task OverlongReplyIs400()
    {
        var api = fixture.Api;
        var ticket = await api.CreateTicketAsync();

        using var response = await PostAsync(api, ticket.Path + "/replies",
            $$"""{"agent":"alice","text":"{{new string('a', 4001)}}"}""");

        await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "may have at most 4000");
    }

    [Fact]
    public async Task EveryActionOnAnUnknownTicketIs404()
    {
        var api = fixture.Api;

        foreach (var (route, body) in new[]
        {
            ("replies", """{"agent":"alice","text":"hi"}"""),
            ("status", """{"status":"resolved"}"""),
            ("assignment", """{"agent":"alice"}"""),
            ("priority", """{"priority":"urgent"}"""),
            ("notes", """{"agent":"alice","text":"hi"}"""),
        })
        {
            using var response = await PostAsync(api, "api/tickets/999999/" + route, body);

            await ApiAssert.ProblemAsync(response, HttpStatusCode.NotFound, "Ticket 999999 does not exist.");
        }
    }

    [Fact]
    public async Task StatusMovesThroughTheLifeCycleAndAsksForARatingOnResolve()
    {
        var api = fixture.Api;
        var ticket = await api.CreateTicketAsync();

        using var waiting = await PostAsync(api, ticket.Path + "/status", """{"status":"waiting_on_user","agent":"alice"}""");
        var afterWaiting = await ApiAssert.OkAsync(waiting);
        using var resolved = await PostAsync(api, ticket.Path + "/status", """{"status":"Resolved"}""");
        var afterResolved = await ApiAssert.OkAsync(resolved);

        Assert.Equal("waiting_on_user", afterWaiting.GetProperty("status").GetString());
        Assert.Equal("alice", afterWaiting.GetProperty("assignee").GetString());
        Assert.Equal("resolved", afterResolved.GetProperty("status").GetString());
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, afterResolved.GetProperty("resolvedAt").ValueKind);
        var rating = await api.Channel.WaitForAsync(
            m => m.Conversation == ticket.Conversation && m.Reply.Choices.Count == 5, Ct);
        Assert.Equal(ticket.Conversation, rating.Conversation);
        var history = (await GetAsync(api, ticket)).GetProperty("history").EnumerateArray().ToList();
        Assert.Contains(history, h => h.GetProperty("actor").GetString() == "api:helpdesk/agent:alice"
            && h.GetProperty("detail").GetString() == "new → waiting_on_user");
        Assert.Contains(history, h => h.GetProperty("actor").GetString() == "api:helpdesk"
            && h.GetProperty("detail").GetString() == "waiting_on_user → resolved");
    }

    [Theory]
    [InlineData("""{"status":"done"}""", "Unknown status 'done'")]
    [InlineData("""{"status":""}""", "Unknown status ''")]
    [InlineData("""{}""", "'status' is required")]
    [InlineData("""{"status":"resolved","agent":"mallory"}""", "No agent named 'mallory'")]
    [InlineData("""{"status":"resolved","reason":"x"}""", "'reason'")]
    public async Task BadStatusBodyIs400(string body, string detail)
    {
        var api = fixture.Api;
        var ticket = await api.CreateTicketAsync();

        using var response = await PostAsync(api, ticket.Path + "/status", body);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest, detail);
    }

    [Fact]
    public async Task StatusTheTicketCannotReachFromWhereItIsIs409()
    {
        var api = fixture.Api;
        var ticket = await api.CreateTicketAsync();
        using (var closed = await PostAsync(api, ticket.Path + "/status", """{"status":"closed"}"""))
        {
            await ApiAssert.OkAsync(closed);
        }

        using var response = await PostAsync(api, ticket.Path + "/status", """{"status":"waiting_on_user"}""");

        await ApiAssert.ProblemAsync(
            response, HttpStatusCode.Conflict, "A closed ticket cannot become waiting_on_user.");
    }

    [Fact]
    public async Task AssignmentAssignsReassignsAndUnassigns()
    {
        var api = fixture.Api;
        var ticket = await api.CreateTicketAsync();

        using var toAlice = await PostAsync(api, ticket.Path + "/assignment", """{"agent":"alice"}""");
        var assigned = await ApiAssert.OkAsync(toAlice);
        using var toBob = await PostAsync(api, ticket.Path + "/assignment", """{"agent":"Bob"}""");
        var reassigned = await ApiAssert.OkAsync(toBob);
        using var toNobody = await PostAsync(api, ticket.Path + "/assignment", """{"agent":null}""");
        var unassigned = await ApiAssert.OkAsync(toNobody);

        Assert.Equal(("assigned", "alice"), (assigned.GetProperty("status").GetString(), assigned.GetProperty("assignee").GetString()));
        Assert.Equal("bob", reassigned.GetProperty("assignee").GetString());
        Assert.Equal("new", unassigned.GetProperty("status").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, unassigned.GetProperty("assignee").ValueKind);
        var joined = await api.Channel.WaitForAsync(
            m => m.Conversation == ticket.Conversation && m.Reply.Text.Contains("alice", StringComparison.Ordinal), Ct);
        Assert.Equal(ticket.Conversation, joined.Conversation);
    }

    [Theory]
    [InlineData("""{}""", "'agent' is required")]
    [InlineData("""{"agent":"mallory"}""", "No agent named 'mallory'")]
    [InlineData("""{"agent":" "}""", "'agent' is blank")]
    [InlineData("""{"agent":7}""", "The body is not valid JSON")]
    public async Task BadAssignmentBodyIs400(string body, string detail)
    {
        var api = fixture.Api;
        var ticket = await api.CreateTicketAsync();

        using var response = await PostAsync(api, ticket.Path + "/assignment", body);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest, detail);
    }

    [Fact]
    public async Task PriorityChangesAndReordersTheQueue()
    {
        var api = fixture.Api;
        var older = await api.CreateTicketAsync();
        var newer = await api.CreateTicketAsync();

        using var response = await PostAsync(api, newer.Path + "/priority", """{"priority":"URGENT"}""");

        Assert.Equal("urgent", (await ApiAssert.OkAsync(response)).GetProperty("priority").GetString());
        using var list = await api.Client.GetAsync(new Uri("api/tickets", UriKind.Relative), Ct);
        var numbers = (await ApiAssert.OkAsync(list)).GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("number").GetInt64()).ToList();
        Assert.InRange(numbers.IndexOf(newer.Number), 0, numbers.IndexOf(older.Number) - 1);
    }

    [Theory]
    [InlineData("""{"priority":"critical"}""", "Unknown priority 'critical'")]
    [InlineData("""{"priority":"0"}""", "Unknown priority '0'")]
    [InlineData("""{}""", "'priority' is required")]
    public async Task BadPriorityBodyIs400(string body, string detail)
    {
        var api = fixture.Api;
        var ticket = await api.CreateTicketAsync();

        using var response = await PostAsync(api, ticket.Path + "/priority", body);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest, detail);
    }

    [Fact]
    public async Task NoteWithoutAnAgentIsSignedByTheKeyAndNeverReachesTheUser()
    {
        var api = fixture.Api;
        var ticket = await api.CreateTicketAsync();

        using var response = await PostAsync(api, ticket.Path + "/notes", """{"text":"VIP customer, handle first."}""");

        await ApiAssert.OkAsync(response);
        var view = await GetAsync(api, ticket);
        var note = Assert.Single(view.GetProperty("notes").EnumerateArray());
        Assert.Equal(("api:helpdesk", "VIP customer, handle first."),
            (note.GetProperty("agent").GetString(), note.GetProperty("text").GetString()));
        Assert.DoesNotContain(view.GetProperty("transcript").EnumerateArray(),
            l => l.GetProperty("text").GetString()!.Contains("VIP", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NoteHoldingASecretIs422AndNotStored()
    {
        var api = fixture.Api;
        var ticket = await api.CreateTicketAsync();

        using var response = await PostAsync(api, ticket.Path + "/notes",
            $$"""{"text":"User pasted {{SeedPhrase}}"}""");

        var problem = await ApiAssert.ProblemAsync(
            response, HttpStatusCode.UnprocessableEntity, "Note not saved: it contains a seed phrase");
        Assert.Equal("seedPhrase", problem.GetProperty("secret").GetString());
        Assert.Empty((await GetAsync(api, ticket)).GetProperty("notes").EnumerateArray());
    }

    [Theory]
    [InlineData("""{"text":""}""", "'text' is required")]
    [InlineData("""{"agent":"mallory","text":"hi"}""", "No agent named 'mallory'")]
    [InlineData("""{"agent":"alice","text":"hi",}""", "The body is not valid JSON")]
    public async Task BadNoteBodyIs400(string body, string detail)
    {
        var api = fixture.Api;
        var ticket = await api.CreateTicketAsync();

        using var response = await PostAsync(api, ticket.Path + "/notes", body);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest, detail);
    }

    private static Task<HttpResponseMessage> PostAsync(ApiHost api, string path, string body) =>
        api.Client.PostAsync(new Uri(path, UriKind.Relative), ApiHost.Json(body), Ct);

    private static async Task<System.Text.Json.JsonElement> GetAsync(ApiHost api, TestTicket ticket)
    {
        using var response = await api.Client.GetAsync(new Uri(ticket.Path, UriKind.Relative), Ct);
        return await ApiAssert.OkAsync(response);
    }
}
