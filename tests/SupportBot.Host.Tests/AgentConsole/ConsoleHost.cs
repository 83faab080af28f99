using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.Core.Activities;
using SupportBot.Core.Agents;
using SupportBot.Core.Channels;
using SupportBot.Core.Routing;
using SupportBot.Host.AgentConsole;
using SupportBot.Testing.Web;

namespace SupportBot.Host.Tests.AgentConsole;

/// <summary>The real host with the console, a recording <c>test</c> channel, cheap password hashing (Testing
/// environment) and helpers to make agents, sign in and open tickets through the router.</summary>
public sealed class ConsoleHost : IAsyncDisposable
{
    private int _message;

    private ConsoleHost(RunningHost host, RecordingChannelClient channel)
    {
        Host = host;
        Channel = channel;
    }

    public RunningHost Host { get; }

    public RecordingChannelClient Channel { get; }

    public Uri Address => Host.Address;

    public static async Task<ConsoleHost> StartAsync(
        IReadOnlyDictionary<string, string?>? settings = null, Action<Microsoft.AspNetCore.Builder.WebApplicationBuilder>? configure = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["environment"] = AgentConsoleOptions.TestingEnvironment,
            ["AgentConsole:PasswordIterations"] = "1000",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var channel = new RecordingChannelClient();
        var host = await RunningHost.StartAsync(
            all,
            builder =>
            {
                builder.Services.AddSingleton<IChannelClient>(channel);
                configure?.Invoke(builder);
            },
            TestContext.Current.CancellationToken);
        return new ConsoleHost(host, channel);
    }

    /// <summary>Creates an agent as the command line does and returns it with its password.</summary>
    public async Task<(Agent Agent, string Password)> AddAgentAsync(string name, AgentRole role = AgentRole.Agent)
    {
        var password = AgentSecrets.NewPassword();
        var agent = await Host.Get<IAgentStore>().CreateAgentAsync(
            new NewAgent(name, role, AgentSecrets.NewCode(), Host.Get<PasswordHasher>().Hash(password), DateTimeOffset.UtcNow),
            TestContext.Current.CancellationToken);
        return (agent, password);
    }

    /// <summary>A client with its own cookie jar.</summary>
    public HttpClient NewClient() =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), UseCookies = true, AllowAutoRedirect = false })
        {
            BaseAddress = Address,
        };

    /// <summary>Signs in and returns the client with its CSRF token set as a default header.</summary>
    public async Task<HttpClient> SignedInClientAsync(string name, string password)
    {
        var client = NewClient();
        var response = await client.PostAsJsonAsync("/agent/api/signin", new { name, password }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var me = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        client.DefaultRequestHeaders.Add("X-CSRF-TOKEN", me.GetProperty("csrf").GetString());
        return client;
    }

    /// <summary>One user message on the <c>test</c> channel, through the host's router; the channel reports
    /// <paramref name="userName"/> (default: the user id) as the user's profile name.</summary>
    public Task<RouteResult> SayAsync(string user, string text, string? userName = null) =>
        Host.Get<ConversationRouter>().HandleAsync(
            new InboundActivity
            {
                Conversation = new ConversationKey(RecordingChannelClient.Name, user),
                UserId = user,
                UserName = userName ?? user,
                MessageId = "m" + Interlocked.Increment(ref _message),
                Text = text,
                Locale = "en",
                Timestamp = DateTimeOffset.UtcNow,
            },
            TestContext.Current.CancellationToken);

    /// <summary>Opens a ticket ("hello", then "human") and returns its number.</summary>
    public async Task<long> OpenTicketAsync(string user, string? userName = null)
    {
        await SayAsync(user, "hello", userName);
        var result = await SayAsync(user, "talk to a human", userName);
        return result.TicketNumber ?? throw new InvalidOperationException(
            "No ticket was opened; the bot said: " + string.Join(" | ", result.Replies.Select(r => r.Text)));
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
