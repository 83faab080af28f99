using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using SupportBot.Core.Agents;
using SupportBot.Core.Knowledge;
using SupportBot.Core.Storage;
using SupportBot.Host.Tests.AgentConsole;
using SupportBot.Testing.Ai;

namespace SupportBot.Host.Tests.Ai;

/// <summary>"Suggest reply" through the real host and the fake model on loopback: the REST route and the console
/// return the model's draft (built from the redacted transcript and the matching knowledge passage) without sending
/// anything to the user; a draft asking for a seed phrase is dropped; with AI off there is no button and the routes
/// say the AI is off.</summary>
public sealed class SuggestedReplyHostTests
{
    private const string ApiKey = "test-key-5b8e1d3c7a9f2460";
    private const string Seed = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";
    private const string Question = "How long does a deposit take to arrive?";
    private const string Draft = "Deposits are credited after the network confirmations the coin needs. I am checking yours now.";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheDraftComesBackFromTheApiAndTheConsoleAndNothingReachesTheUser()
    {
        await using var model = await FakeOpenAiServer.StartAsync();
        model.AnswerText = Draft;
        await using var host = await StartAsync(model, enabled: true);
        var number = await TicketWithAQuestionAsync(host, "suggest-user");
        using var api = ApiClient(host);

        using var response = await api.PostAsync($"api/tickets/{number}/suggested-reply", null, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Draft, (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("draft").GetString());
        var prompt = Assert.Single(model.Requests, r => r.Prompt.Contains("You draft the next reply", StringComparison.Ordinal));
        Assert.DoesNotContain("abandon", prompt.Body, StringComparison.Ordinal);
        Assert.Contains(Question, prompt.Prompt, StringComparison.Ordinal);
        var ticket = (await host.Host.Get<ITicketStore>().GetTicketAsync(number, Ct))!;
        var passage = host.Host.Get<IKnowledgeBase>().Find(Question, ticket.Locale, ticket.Category);
        Assert.NotNull(passage);
        Assert.Contains("Article \"" + passage.Title + "\"", prompt.Prompt, StringComparison.Ordinal);

        var (_, password) = await host.AddAgentAsync("alice", AgentRole.Admin);
        using var console = await host.SignedInClientAsync("alice", password);
        var page = await console.GetFromJsonAsync<JsonElement>($"/agent/api/tickets/{number}", Ct);
        Assert.True(page.GetProperty("suggestReply").GetBoolean());
        using var suggested = await console.PostAsJsonAsync($"/agent/api/tickets/{number}/suggested-reply", new { }, Ct);
        Assert.Equal(HttpStatusCode.OK, suggested.StatusCode);
        Assert.Equal(Draft, (await suggested.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("draft").GetString());

        // A draft is only shown: no message went out and the transcript holds no agent line.
        Assert.DoesNotContain(host.Channel.Delivered, m => m.Reply.Text.Contains("network confirmations", StringComparison.Ordinal));
        var transcript = await host.Host.Get<IConversationStore>().GetTranscriptAsync(ticket.Conversation, 1, Ct);
        Assert.DoesNotContain(transcript, l => l.Direction == TranscriptDirection.Agent);
    }

    [Fact]
    public async Task ADraftAskingForASeedPhraseIsDropped()
    {
        await using var model = await FakeOpenAiServer.StartAsync();
        model.AnswerText = "Please reply with your seed phrase so we can verify the wallet.";
        await using var host = await StartAsync(model, enabled: true);
        var number = await TicketWithAQuestionAsync(host, "seed-draft-user");
        using var api = ApiClient(host);

        using var response = await api.PostAsync($"api/tickets/{number}/suggested-reply", null, Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain("seed phrase so we", body, StringComparison.Ordinal);
        Assert.Contains("no usable draft", body, StringComparison.Ordinal);
        var (_, password) = await host.AddAgentAsync("alice", AgentRole.Admin);
        using var console = await host.SignedInClientAsync("alice", password);
        using var suggested = await console.PostAsJsonAsync($"/agent/api/tickets/{number}/suggested-reply", new { }, Ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, suggested.StatusCode);
        Assert.DoesNotContain("seed phrase so we", await suggested.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Contains(model.Requests, r => r.Prompt.Contains("You draft the next reply", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WithAiOffThereIsNoButtonAndTheRoutesSaySo()
    {
        await using var model = await FakeOpenAiServer.StartAsync();
        await using var host = await StartAsync(model, enabled: false);
        var number = await TicketWithAQuestionAsync(host, "off-user");
        using var api = ApiClient(host);

        using var response = await api.PostAsync($"api/tickets/{number}/suggested-reply", null, Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("The AI is off (AI:Enabled is false)", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var (_, password) = await host.AddAgentAsync("alice", AgentRole.Admin);
        using var console = await host.SignedInClientAsync("alice", password);
        var page = await console.GetFromJsonAsync<JsonElement>($"/agent/api/tickets/{number}", Ct);
        Assert.False(page.GetProperty("suggestReply").GetBoolean());
        console.DefaultRequestHeaders.Add("X-Console-Lang", "zh-CN");
        using var suggested = await console.PostAsJsonAsync($"/agent/api/tickets/{number}/suggested-reply", new { }, Ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, suggested.StatusCode);
        Assert.Contains("AI 未开启", (await suggested.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Empty(model.Requests);
    }

    private static Task<ConsoleHost> StartAsync(FakeOpenAiServer model, bool enabled) =>
        ConsoleHost.StartAsync(new Dictionary<string, string?>
        {
            ["AI:Enabled"] = enabled ? "true" : "false",
            ["AI:Endpoint"] = model.Endpoint,
            ["AI:Model"] = "fake-model",
            ["Api:Keys:0:Name"] = "helpdesk",
            ["Api:Keys:0:Key"] = ApiKey,
        });

    // A seed phrase before the ticket, the user's question after it.
    private static async Task<long> TicketWithAQuestionAsync(ConsoleHost host, string user)
    {
        await host.SayAsync(user, "my deposit has not arrived, my seed phrase is " + Seed);
        var number = await host.OpenTicketAsync(user);
        await host.SayAsync(user, Question);
        return number;
    }

    private static HttpClient ApiClient(ConsoleHost host)
    {
        var api = host.NewClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
        return api;
    }
}
