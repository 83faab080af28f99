using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using SupportBot.Core.Agents;
using SupportBot.Host.Tests.AgentConsole;
using SupportBot.Testing;
using SupportBot.Testing.Ai;
using SupportBot.Testing.Web;

namespace SupportBot.Host.Tests.Ai;

/// <summary>The optional AI through the real host: a conversation ending in a ticket gets the fake model's summary,
/// shown in the REST API's ticket JSON and on the console's ticket page; a bad AI setting stops start-up by name.</summary>
public sealed class AiSummaryHostTests
{
    private const string ApiKey = "test-key-7f3a9c1e5b2d4680";
    private const string Seed = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TicketFromAConversationCarriesTheModelsSummaryInTheApiAndTheConsole()
    {
        await using var model = await FakeOpenAiServer.StartAsync();
        model.AnswerText = "The user cannot find a deposit and asked for a human. A seed phrase was shared and removed.";
        await using var host = await ConsoleHost.StartAsync(new Dictionary<string, string?>
        {
            ["AI:Enabled"] = "true",
            ["AI:Endpoint"] = model.Endpoint,
            ["AI:Model"] = "fake-model",
            ["AI:ApiKey"] = "sk-host-test-key",
            ["Api:Keys:0:Name"] = "helpdesk",
            ["Api:Keys:0:Key"] = ApiKey,
        });
        await host.SayAsync("ai-user", "my deposit has not arrived, my seed phrase is " + Seed);
        var number = await host.OpenTicketAsync("ai-user");
        using var api = host.NewClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);

        // Written in the background after the turn; the API leaves out a null summary, like its other null fields.
        var summary = await Eventually.ValueAsync(async () =>
            (await api.GetFromJsonAsync<JsonElement>($"api/tickets/{number}", Ct)).GetProperty("ticket").TryGetProperty("summary", out var s)
                ? s.GetString()
                : null);

        Assert.Equal(model.AnswerText, summary);
        var request = Assert.Single(model.Requests);
        Assert.DoesNotContain("abandon", request.Body, StringComparison.Ordinal);
        Assert.Equal("Bearer sk-host-test-key", request.Authorization);
        var (_, password) = await host.AddAgentAsync("alice", AgentRole.Admin);
        using var console = await host.SignedInClientAsync("alice", password);
        var page = await console.GetFromJsonAsync<JsonElement>($"/agent/api/tickets/{number}", Ct);
        Assert.Equal(model.AnswerText, page.GetProperty("summary").GetString());
    }

    [Fact]
    public async Task AiSwitchedOnWithoutAnEndpointStopsStartUpNamingTheKey()
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => RunningHost.StartAsync(
            new Dictionary<string, string?> { ["AI:Enabled"] = "true", ["AI:Model"] = "gpt-4o-mini" },
            cancellationToken: Ct));

        Assert.Contains("AI:Endpoint", failure.Message, StringComparison.Ordinal);
    }
}
