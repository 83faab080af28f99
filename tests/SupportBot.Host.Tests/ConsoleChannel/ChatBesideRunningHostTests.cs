using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using SupportBot.Testing;

namespace SupportBot.Host.Tests.ConsoleChannel;

/// <summary>The newcomer's walk with real processes on one ./data folder: <c>agent add</c>, the service host, and
/// <c>chat</c> in another "terminal". The agent answers through the host's console API; the chat prints the reply
/// and, after the resolution, the rating question without being sent another line; the user's messages reach the
/// console's live stream although another process wrote them.</summary>
public sealed partial class ChatBesideRunningHostTests : IDisposable
{
    private static readonly string[] Cheap = ["--environment=Testing", "--AgentConsole:PasswordIterations=1000"];

    private readonly string _workDir = Directory.CreateTempSubdirectory("supportbot-beside-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(_workDir, recursive: true);

    [Fact]
    public async Task AgentReplyAndRatingQuestionReachTheWaitingChatAndTheRatingIsStored()
    {
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        bounded.CancelAfter(TimeSpan.FromMinutes(3));
        var ct = bounded.Token;
        var added = await HostProcess.RunAsync(_workDir, [], ["agent", "add", "--name", "alice", "--role", "admin", "--", .. Cheap]);
        Assert.True(added.ExitCode == 0, added.Stderr);
        var password = PasswordLine().Match(added.Stdout).Groups[1].Value;
        var code = CodeLine().Match(added.Stdout).Groups[1].Value;

        await using var host = HostProcess.Start(
            _workDir,
            ["--urls=http://127.0.0.1:0", "--contentRoot=" + RepoPaths.Root, "--Dialogs:Path=" + RepoPaths.Dialogs,
                "--Storage:Sqlite:Path=" + Path.Combine(_workDir, "data", "supportbot.db"),
                "--Storage:Attachments:Path=" + Path.Combine(_workDir, "data", "attachments"), .. Cheap]);
        var (listening, _) = await host.WaitForLineAsync(l => l.Contains("Now listening on: ", StringComparison.Ordinal), ct);
        var address = new Uri(listening[(listening.IndexOf("http", StringComparison.Ordinal))..].Trim().TrimEnd('/') + "/");

        await using var chat = HostProcess.Start(_workDir, "chat", "--json", "--user", "beside", "--lang", "en");
        await chat.WriteLineAsync("hello");
        await chat.WriteLineAsync("talk to a human");
        var (opened, openedAt) = await chat.WaitForLineAsync(l => Json(l).GetProperty("ticket").ValueKind == JsonValueKind.Number, ct);
        var number = Json(opened).GetProperty("ticket").GetInt64();

        using var agent = await SignInAsync(address, "alice", password, ct);
        using var events = await agent.GetAsync("/agent/events", HttpCompletionOption.ResponseHeadersRead, ct);
        Assert.Equal(HttpStatusCode.OK, events.StatusCode);
        var stream = new StreamReader(await events.Content.ReadAsStreamAsync(ct));
        // The chat process opened the ticket: the host hears of it from the store, not from its own events.
        Assert.Equal("created", await WaitForEventAsync(stream, number, ct));

        Assert.Equal(HttpStatusCode.OK, (await agent.PostAsJsonAsync($"/agent/api/tickets/{number}/claim", new { }, ct)).StatusCode);
        Assert.Equal(
            HttpStatusCode.OK,
            (await agent.PostAsJsonAsync($"/agent/api/tickets/{number}/reply", new { text = "Hi, alice here: checking your account now.", lang = "en" }, ct)).StatusCode);

        // No line is written to the chat: it prints the reply on its own, signed with the agent's name.
        var (reply, replyAt) = await chat.WaitForLineAsync(l => l.Contains("alice here", StringComparison.Ordinal), ct, openedAt + 1);
        Assert.Equal("alice", Json(reply).GetProperty("agent").GetProperty("name").GetString());

        // The user answers in the chat process: the host's console stream announces the ticket without a reload.
        await chat.WriteLineAsync("thanks, the deposit was 250 USDT");
        while (await WaitForEventAsync(stream, number, ct) != "user_message")
        {
        }

        var view = await agent.GetFromJsonAsync<JsonElement>($"/agent/api/tickets/{number}", ct);
        Assert.Contains(
            view.GetProperty("transcript").EnumerateArray(),
            l => l.GetProperty("text").GetString()!.Contains("250 USDT", StringComparison.Ordinal));

        Assert.Equal(
            HttpStatusCode.OK,
            (await agent.PostAsJsonAsync($"/agent/api/tickets/{number}/status", new { value = "resolved" }, ct)).StatusCode);
        var (question, questionAt) = await chat.WaitForLineAsync(
            l => Json(l).GetProperty("choices").GetArrayLength() == 5
                && Json(l).GetProperty("choices")[4].GetProperty("value").GetString()!.EndsWith('5'),
            ct,
            replyAt + 1);
        Assert.Equal(number, Json(question).GetProperty("ticket").GetInt64());
        Assert.Single(chat.Lines, l => l.Contains("alice here", StringComparison.Ordinal));

        await chat.WriteLineAsync("5");
        await chat.WaitForLineAsync(_ => true, ct, questionAt + 1);
        var rated = await agent.GetFromJsonAsync<JsonElement>($"/agent/api/tickets/{number}", ct);
        Assert.Equal(5, rated.GetProperty("rating").GetInt32());

        // The code `agent add` printed is the one the user can check through the guard's verify-an-agent.
        var before = chat.Lines.Count;
        await chat.WriteLineAsync("verify agent");
        await chat.WriteLineAsync(code);
        await chat.WaitForLineAsync(l => l.Contains(code, StringComparison.Ordinal) && l.Contains("alice", StringComparison.Ordinal), ct, before);

        chat.CloseInput();
        Assert.Equal(0, await chat.WaitForExitAsync());
        Assert.DoesNotContain("fail", chat.Stderr, StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<HttpClient> SignInAsync(Uri address, string name, string password, CancellationToken ct)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), UseCookies = true })
        {
            BaseAddress = address,
        };
        var response = await client.PostAsJsonAsync("/agent/api/signin", new { name, password }, ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var me = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        client.DefaultRequestHeaders.Add("X-CSRF-TOKEN", me.GetProperty("csrf").GetString());

        // The password `agent add` printed is for one sign-in: the console wants a new one before anything else.
        var changed = await client.PostAsJsonAsync("/agent/api/password", new { current = password, @new = "a new passphrase of alice" }, ct);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        me = await changed.Content.ReadFromJsonAsync<JsonElement>(ct);
        client.DefaultRequestHeaders.Remove("X-CSRF-TOKEN");
        client.DefaultRequestHeaders.Add("X-CSRF-TOKEN", me.GetProperty("csrf").GetString());
        return client;
    }

    /// <summary>Reads the event stream up to the next event about <paramref name="number"/>; returns its kind.</summary>
    private static async Task<string> WaitForEventAsync(StreamReader stream, long number, CancellationToken ct)
    {
        while (await stream.ReadLineAsync(ct) is { } line)
        {
            if (line.StartsWith("data: ", StringComparison.Ordinal)
                && JsonDocument.Parse(line["data: ".Length..]).RootElement is var data
                && data.GetProperty("number").GetInt64() == number)
            {
                return data.GetProperty("kind").GetString()!;
            }
        }

        throw new Xunit.Sdk.XunitException("The event stream ended.");
    }

    private static JsonElement Json(string line) => JsonDocument.Parse(line).RootElement;

    [GeneratedRegex(@"password:\s+(\S+)")]
    private static partial Regex PasswordLine();

    [GeneratedRegex(@"code:\s+(SB-\S+)")]
    private static partial Regex CodeLine();
}
