using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SupportBot.Channels.Discord.Gateway;
using SupportBot.Channels.Discord.Tests.Fakes;
using SupportBot.Core.Agents;
using SupportBot.Core.Catalog;
using SupportBot.Core.Storage;
using SupportBot.Host.Composition;
using SupportBot.Testing;

namespace SupportBot.Channels.Discord.Tests;

/// <summary>The bot as the host composes it (AddSupportBot + AddDiscordChannel, in-memory store, a manual clock)
/// talking to a <see cref="FakeDiscord"/> over real HTTP and WebSocket on loopback.</summary>
public sealed class DiscordHarness : IAsyncDisposable
{
    public const string AgentUserId = "300000000000000001";
    public const string AgentCode = "AG-7K2Q";

    private DiscordHarness(FakeDiscord fake, TestClock clock, IHost host, CapturedLog log)
    {
        Fake = fake;
        Clock = clock;
        Host = host;
        Log = log;
    }

    public FakeDiscord Fake { get; }

    public TestClock Clock { get; }

    public IHost Host { get; }

    public CapturedLog Log { get; }

    public DialogCatalog Catalog => Get<DialogCatalog>();

    internal DiscordGateway Gateway => Get<DiscordGateway>();

    internal DiscordChannelService Service => Get<DiscordChannelService>();

    public T Get<T>()
        where T : notnull => Host.Services.GetRequiredService<T>();

    public static async Task<DiscordHarness> StartAsync(
        bool staff = true, Action<Dictionary<string, string?>>? settings = null, bool waitReady = true)
    {
        var fake = await FakeDiscord.StartAsync();
        var clock = new TestClock();
        fake.Clock = clock.GetUtcNow;
        var config = new Dictionary<string, string?>
        {
            ["Dialogs:Path"] = RepoPaths.Dialogs,
            ["Storage:Provider"] = "Memory",
            ["Storage:Attachments:Path"] = Path.Combine(Path.GetTempPath(), "supportbot-discord-" + Guid.NewGuid().ToString("N")),
            ["Discord:BotToken"] = FakeDiscord.Token,
            ["Discord:ApiBaseUrl"] = fake.ApiBase.ToString(),
            ["Discord:GuildId"] = FakeDiscord.GuildId,

            // The clock stands still in tests: a whole conversation would otherwise look like a flood.
            ["Discord:FloodLimit"] = "1000",
        };
        if (staff)
        {
            config["Discord:StaffChannelId"] = FakeDiscord.StaffChannelId;
            config["Discord:StaffRoleId"] = FakeDiscord.StaffRoleId;
        }

        foreach (var (key, value) in SupportBot.Testing.Images.ScreenshotTestSettings.Relaxed)
        {
            config[key] = value;
        }

        settings?.Invoke(config);
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(
            new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = RepoPaths.Root });
        builder.Configuration.AddInMemoryCollection(config);
        var log = new CapturedLog();
        builder.Logging.AddProvider(log).SetMinimumLevel(LogLevel.Debug);
        builder.AddSupportBot();
        builder.AddDiscordChannel();
        builder.Services.AddSingleton<TimeProvider>(clock);
        var host = builder.Build();
        var harness = new DiscordHarness(fake, clock, host, log);
        harness.Gateway.Jitter = () => 0.9;
        await host.StartAsync(TestContext.Current.CancellationToken);
        if (waitReady)
        {
            try
            {
                await harness.Gateway.Ready.WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);
            }
            catch (TimeoutException)
            {
                throw new TimeoutException("The gateway did not become ready. Log:\n" + string.Join("\n", log.Lines.TakeLast(20))
                    + "\nRequests to the fake:\n" + string.Join("\n", fake.Requests.Select(r => r.Method + " " + r.Path)));
            }
            await fake.WaitForAsync(f => f.Requests.Any(r => r.Method == "PUT"), TestContext.Current.CancellationToken);
        }

        return harness;
    }

    /// <summary>Completes when the channel has finished handling <paramref name="count"/> more gateway events.</summary>
    public Task InboundWork(int count)
    {
        var inbound = Get<DiscordInbound>();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var seen = 0;
        void OnDone()
        {
            if (Interlocked.Increment(ref seen) == count)
            {
                inbound.WorkDone -= OnDone;
                done.TrySetResult();
            }
        }

        inbound.WorkDone += OnDone;
        return done.Task.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
    }

    /// <summary>Completes when the next session starts: true when it was resumed, false for a new one (READY).</summary>
    public Task<bool> NextSession()
    {
        var started = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnStarted(bool resumed)
        {
            Gateway.SessionStarted -= OnStarted;
            started.TrySetResult(resumed);
        }

        Gateway.SessionStarted += OnStarted;
        return started.Task.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
    }

    /// <summary>Creates an agent account linked to <see cref="AgentUserId"/>.</summary>
    public async Task<Agent> AddAgentAsync(string name = "alice", string code = AgentCode, string userId = AgentUserId)
    {
        var agents = Get<IAgentStore>();
        var agent = await agents.CreateAgentAsync(new NewAgent(name, AgentRole.Agent, code, "not-a-real-hash", Clock.GetUtcNow()));
        await agents.LinkAgentAsync(agent.Id, new AgentLink("discord", userId));
        return agent;
    }

    /// <summary>Sends a DM from <paramref name="userId"/> and waits until a bot message to that DM matches
    /// <paramref name="expect"/>; returns it.</summary>
    public async Task<RecordedRequest> SayAsync(string userId, string text, Func<string, bool> expect, JsonArray? attachments = null)
    {
        var channel = FakeDiscord.DmChannelOf(userId);
        var before = Fake.MessagesTo(channel).Count;
        await Fake.DispatchAsync("MESSAGE_CREATE", FakeDiscord.DmMessage(Fake.NextId(), channel, userId, text, attachments));
        return await ExpectAsync(channel, before, expect);
    }

    /// <summary>Clicks the button whose custom id is <paramref name="customId"/> on <paramref name="message"/>.</summary>
    public async Task<RecordedRequest> ClickAsync(
        string userId, RecordedRequest message, string customId, string locale, Func<string, bool> expect)
    {
        var channel = FakeDiscord.DmChannelOf(userId);
        var before = Fake.MessagesTo(channel).Count;
        await Fake.DispatchAsync("INTERACTION_CREATE",
            FakeDiscord.Click(Fake.NextId(), channel, userId, customId, message.Body!["components"]!, locale));
        return await ExpectAsync(channel, before, expect);
    }

    public async Task<RecordedRequest> ExpectAsync(string channel, int before, Func<string, bool> expect)
    {
        try
        {
            await Fake.WaitForAsync(
                f => f.MessagesTo(channel).Skip(before).Any(m => expect(Unescape(m.Content ?? ""))),
                TestContext.Current.CancellationToken);
        }
        catch (TimeoutException)
        {
            var seen = string.Join("\n---\n", Fake.MessagesTo(channel).Skip(before).Select(m => m.Content));
            throw new TimeoutException("The expected message did not come. Messages since:\n" + seen
                + "\nLog:\n" + string.Join("\n", Log.Lines.TakeLast(15)));
        }

        return Fake.MessagesTo(channel).Skip(before).First(m => expect(Unescape(m.Content ?? "")));
    }

    /// <summary>Discord markdown escapes removed: what the user sees.</summary>
    public static string Unescape(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length && char.IsPunctuation(text[i + 1]) | char.IsSymbol(text[i + 1]))
            {
                i++;
            }

            builder.Append(text[i]);
        }

        return builder.ToString();
    }

    public string Text(string key, string locale) => Catalog.Text(key).Get(locale);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Host.StopAsync(CancellationToken.None);
        }
        finally
        {
            Host.Dispose();
            await Fake.DisposeAsync();
        }
    }
}
