using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.Core.Activities;
using SupportBot.Core.Agents;
using SupportBot.Core.Channels;
using SupportBot.Core.Engine;
using SupportBot.Core.Routing;
using SupportBot.Testing.Web;

namespace SupportBot.Host.Tests.Api;

/// <summary>The real host with one API key, a capturing chat channel, and helpers that make agents and tickets the
/// way production does: agents in the agent store, tickets by chatting with the real dialogs through the router.</summary>
public sealed class ApiHost : IAsyncDisposable
{
    public const string KeyName = "helpdesk";
    public const string Key = "test-key-7f3a9c1e5b2d4680";

    private static readonly Dictionary<string, string[]> Answers = new(StringComparer.Ordinal)
    {
        ["uid"] = ["12345678"],
        ["coin"] = ["USDT"],
        ["network"] = ["TRC20"],
        ["amount"] = ["100"],
        ["txid"] = ["4a1f0c9e2b7d8e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f"],
        ["time"] = ["yesterday 9pm"],
        ["address"] = ["TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"],
        ["description"] = ["The app shows an error when I open my order history."],
    };

    private int _users;
    private int _messages;

    private ApiHost(RunningHost host, CapturingChannel channel)
    {
        Host = host;
        Channel = channel;
        Client = host.CreateClient();
        Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Key);
        Anonymous = host.CreateClient();
    }

    public RunningHost Host { get; }

    public CapturingChannel Channel { get; }

    /// <summary>A client sending the valid key as a bearer token.</summary>
    public HttpClient Client { get; }

    /// <summary>A client sending no key.</summary>
    public HttpClient Anonymous { get; }

    public static async Task<ApiHost> StartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["Api:Keys:0:Name"] = KeyName,
            ["Api:Keys:0:Key"] = Key,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var channel = new CapturingChannel();
        var host = await RunningHost.StartAsync(
            all,
            builder => builder.Services.AddSingleton<IChannelClient>(channel),
            TestContext.Current.CancellationToken);
        return new ApiHost(host, channel);
    }

    public async Task<Agent> CreateAgentAsync(string name)
    {
        var code = "SB-" + name.ToUpperInvariant().PadRight(6, 'X')[..6];
        return await Host.Get<IAgentStore>().CreateAgentAsync(
            new NewAgent(name, AgentRole.Agent, code, "not-a-real-hash", Host.Get<TimeProvider>().GetUtcNow()),
            TestContext.Current.CancellationToken);
    }

    public async Task<Agent> AgentAsync(string name) =>
        await Host.Get<IAgentStore>().FindAgentByNameAsync(name, TestContext.Current.CancellationToken)
            ?? throw new InvalidOperationException("No agent " + name);

    /// <summary>A user chats through the real dialogs until the bot opens a ticket for <paramref name="problem"/>;
    /// returns the ticket's number and the chat it came from.</summary>
    public async Task<TestTicket> CreateTicketAsync(
        string problem = "deposit", string channel = CapturingChannel.Name, string locale = "en")
    {
        var user = "user-" + Interlocked.Increment(ref _users).ToString(CultureInfo.InvariantCulture);
        var conversation = new ConversationKey(channel, "chat-" + user);
        var result = await SendAsync(conversation, user, locale, locale == "en" ? "hello" : "你好", null);
        for (var turn = 0; turn < 40; turn++)
        {
            if (result.TicketNumber is { } number)
            {
                return new TestTicket(number, conversation, user);
            }

            var last = result.Replies[^1];
            result = last.StepId switch
            {
                Steps.Menu => await ChooseAsync(conversation, user, locale, last, ChoiceValues.Problem(problem)),
                Steps.SelfHelp => await ChooseAsync(conversation, user, locale, last, "needHelp"),
                Steps.Confirm => await ChooseAsync(conversation, user, locale, last, "confirm"),
                { } step when Answers.TryGetValue(step, out var answer) =>
                    await SendAsync(conversation, user, locale, answer[0], null),
                { } step when last.Choices.Any(c => c.Value == "skip") =>
                    await ChooseAsync(conversation, user, locale, last, "skip"),
                _ => await SendAsync(conversation, user, locale, locale == "en" ? "skip" : "跳过", null),
            };
        }

        throw new InvalidOperationException("The conversation did not reach a ticket: " + Describe(result));
    }

    /// <summary>A message from the ticket's user.</summary>
    public Task<RouteResult> UserSaysAsync(ConversationKey conversation, string user, string text) =>
        SendAsync(conversation, user, "en", text, null);

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        Anonymous.Dispose();
        await Host.DisposeAsync();
    }

    private Task<RouteResult> ChooseAsync(
        ConversationKey conversation, string user, string locale, BotReply last, string value)
    {
        var choice = last.Choices.FirstOrDefault(c => c.Value == value)
            ?? throw new InvalidOperationException($"'{value}' was not offered at step {last.StepId}: {last.Text}");
        return SendAsync(conversation, user, locale, choice.Title, choice.Value);
    }

    private Task<RouteResult> SendAsync(
        ConversationKey conversation, string user, string locale, string text, string? choice) =>
        Host.Get<ConversationRouter>().HandleAsync(
            new InboundActivity
            {
                Conversation = conversation,
                UserId = user,
                MessageId = "m" + Interlocked.Increment(ref _messages).ToString(CultureInfo.InvariantCulture),
                Text = text,
                ChoiceValue = choice,
                Locale = locale,
                Timestamp = Host.Get<TimeProvider>().GetUtcNow(),
            },
            TestContext.Current.CancellationToken);

    private static string Describe(RouteResult result) =>
        string.Join(" | ", result.Replies.Select(r => $"[{r.StepId}] {r.Text}"));
}
