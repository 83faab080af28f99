using System.Net;
using System.Net.Http.Json;
using System.Text;
using SupportBot.Channels.Telegram.Tests.Fake;
using SupportBot.Core.Storage;
using SupportBot.Testing;

namespace SupportBot.Channels.Telegram.Tests;

/// <summary>Polling (durable offset across a restart, 409) and the webhook (secret, redelivery).</summary>
public sealed class ReceivingTests
{
    [Fact]
    public async Task PollingRestartNeitherLosesNorRepeatsAnUpdate()
    {
        await using var api = await FakeBotApi.StartAsync();
        var data = Path.Combine(Path.GetTempPath(), "supportbot-telegram-" + Guid.NewGuid().ToString("N"));
        long lastBefore;
        await using (var first = await TelegramHarness.StartAsync(api: api, dataFolder: data))
        {
            await first.SendAsync(9101, Updates.Text(9101, "hello"));
            await first.SendAsync(9102, Updates.Text(9102, "hello"));
            lastBefore = api.ConfirmedOffset;
            Assert.Equal(lastBefore.ToString(System.Globalization.CultureInfo.InvariantCulture), await first.StoredOffsetAsync());
        }

        // While the bot is down a user writes; Telegram keeps the update.
        var greetingsBefore = api.Sent(9101).Count;
        var pending = api.Enqueue(Updates.Text(9103, "hello"));

        await using var second = await TelegramHarness.StartAsync(api: api, dataFolder: data);
        await second.SettleAsync(pending);

        var firstPoll = second.Api.Calls.First(c => c.Method == "getUpdates" && c.Sequence > second.Api.Calls.Last(x => x.Method == "getMe").Sequence);
        Assert.Equal(lastBefore, firstPoll.Parameters["offset"]!.GetValue<long>());
        Assert.NotEmpty(api.Sent(9103));
        Assert.Equal(greetingsBefore, api.Sent(9101).Count);
        var transcript = await second.Host.Get<IConversationStore>().GetTranscriptAsync(
            new("telegram", "9101"), 1, TestContext.Current.CancellationToken);
        Assert.Single(transcript, l => l.Direction == TranscriptDirection.User);
        Directory.Delete(data, recursive: true);
    }

    [Fact]
    public async Task AConflictIsReportedClearlyAndPollingCarriesOnAfterIt()
    {
        await using var api = await FakeBotApi.StartAsync();
        api.Conflict = true;
        await using var bot = await TelegramHarness.StartAsync(api: api);
        await api.WaitForCallAsync(c => c.Method == "getUpdates" && c.Status == 409);
        await api.WaitUntilAsync(() => bot.Logs.Lines.Any(l => l.Contains("409 Conflict", StringComparison.Ordinal)), what: "the 409 log line");
        Assert.Contains(bot.Logs.Lines, l => l.Contains("webhook", StringComparison.Ordinal) && l.Contains("another instance", StringComparison.Ordinal));

        api.Conflict = false;
        var sent = await bot.SendAsync(9104, Updates.Text(9104, "hello"));
        Assert.NotEmpty(sent);
    }

    [Fact]
    public async Task TheWebhookAcceptsOnlyTheRightSecretAndHandlesARedeliveryOnce()
    {
        await using var bot = await TelegramHarness.StartAsync(new Dictionary<string, string?>
        {
            ["Telegram:Mode"] = "Webhook",
            ["Telegram:WebhookUrl"] = "https://bot.example.com/hooks/telegram",
            ["Telegram:WebhookSecret"] = "s3cret_Token-1",
        });
        var setWebhook = await bot.Api.WaitForCallAsync(c => c.Method == "setWebhook");
        Assert.Equal("s3cret_Token-1", (string?)setWebhook.Parameters["secret_token"]);
        Assert.Equal("https://bot.example.com/hooks/telegram", (string?)setWebhook.Parameters["url"]);
        Assert.DoesNotContain(bot.Api.Calls, c => c.Method == "getUpdates");

        using var http = bot.Host.CreateClient();
        var update = Updates.Text(9201, "hello").Also(u => u["update_id"] = 777);
        var body = update.ToJsonString();

        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(http, body, null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(http, body, "s3cret_Token-2")).StatusCode);
        Assert.Empty(bot.Api.Sent(9201));

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(http, body, "s3cret_Token-1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(http, body, "s3cret_Token-1")).StatusCode);
        await bot.Api.WaitForCallAsync(c => c.Method == "sendMessage" && c.ChatId == 9201);
        await bot.WaitForOutboxAsync();
        var greetings = bot.Api.Sent(9201).Count;

        // Telegram retries later with the same update id, after the in-memory window: the router drops it.
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(http, body, "s3cret_Token-1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(http, "{\"update_id\": 778, \"message\": 5}", "s3cret_Token-1")).StatusCode);
        await bot.SendWebhookAsync(http, Updates.Text(9201, "hello again").Also(u => u["update_id"] = 779), "s3cret_Token-1");
        var transcript = await bot.Host.Get<IConversationStore>().GetTranscriptAsync(
            new("telegram", "9201"), 1, TestContext.Current.CancellationToken);
        Assert.Equal(2, transcript.Count(l => l.Direction == TranscriptDirection.User));
        Assert.True(bot.Api.Sent(9201).Count > greetings);
    }

    [Fact]
    public async Task WhenTheStoreFailsThePolledUpdateStaysUnconfirmedAndIsHandledWhenTheStoreIsBack()
    {
        FlakyConversationStore? store = null;
        await using var bot = await TelegramHarness.StartAsync(configure: FlakyConversationStore.Install(s => store = s));
        const long chat = 9105;
        await bot.SendAsync(chat, Updates.Text(chat, "hello"));
        long confirmedWhenStored = -1;
        store!.OnCommit = _ => confirmedWhenStored = bot.Api.ConfirmedOffset;
        store.FailingCommits = 1;

        var id = bot.Api.Enqueue(Updates.Text(chat, "my deposit has not arrived"));
        await bot.SettleAsync(id);

        // The first try failed and was not confirmed; the second one stored the turn, and only then did the offset move.
        Assert.Equal(1, store.FailedCommits);
        Assert.InRange(confirmedWhenStored, 0, id);
        Assert.Equal((id + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), await bot.StoredOffsetAsync());
        var transcript = await bot.Host.Get<IConversationStore>().GetTranscriptAsync(
            new("telegram", TelegramHarness.Id(chat)), 1, TestContext.Current.CancellationToken);
        Assert.Single(transcript, l => l.Direction == TranscriptDirection.User && l.Text == "my deposit has not arrived");
        var storageNotice = TestBot.Shipped.Text(SupportBot.Core.Catalog.TextKeys.StorageUnavailable).Get("en");
        Assert.DoesNotContain(bot.Api.Sent(chat), c => WebUtility.HtmlDecode(c.Text!) == storageNotice);
    }

    [Fact]
    public async Task AnUpdateInWorkWhenTheHostStopsIsHandledAfterTheRestart()
    {
        await using var api = await FakeBotApi.StartAsync();
        var data = Path.Combine(Path.GetTempPath(), "supportbot-telegram-" + Guid.NewGuid().ToString("N"));
        const long chat = 9106;
        var first = await TelegramHarness.StartAsync(api: api, dataFolder: data);
        long id;
        try
        {
            await first.SendAsync(chat, Updates.Text(chat, "hello"));

            // The host is stopped in the middle of the update (its typing call never answers).
            api.Inject(Fault.Timeout("sendChatAction") with { ChatId = chat });
            id = api.Enqueue(Updates.Text(chat, "my deposit has not arrived"));
            await api.WaitForCallAsync(c => c.Method == "sendChatAction" && c.Status == 0);
        }
        finally
        {
            await first.DisposeAsync();
        }

        Assert.NotEqual((id + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), await StoredOffsetAsync(data));
        await using var second = await TelegramHarness.StartAsync(api: api, dataFolder: data);
        await second.SettleAsync(id);
        var transcript = await second.Host.Get<IConversationStore>().GetTranscriptAsync(
            new("telegram", TelegramHarness.Id(chat)), 1, TestContext.Current.CancellationToken);
        Assert.Single(transcript, l => l.Direction == TranscriptDirection.User && l.Text == "my deposit has not arrived");
        Directory.Delete(data, recursive: true);
    }

    [Fact]
    public async Task AWebhookUpdateIsAnswered200OnlyOnceItsTurnIsStored()
    {
        FlakyConversationStore? store = null;
        await using var bot = await TelegramHarness.StartAsync(WebhookSettings, configure: FlakyConversationStore.Install(s => store = s));
        await bot.Api.WaitForCallAsync(c => c.Method == "setWebhook");
        using var http = bot.Host.CreateClient();
        const long chat = 9202;
        var conversation = new Core.Activities.ConversationKey("telegram", TelegramHarness.Id(chat));
        var storedBefore = bot.Host.Get<IConversationStore>();

        var update = Updates.Text(chat, "hello", messageId: 31).Also(u => u["update_id"] = 881);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(http, update.ToJsonString(), Secret)).StatusCode);
        Assert.True(await storedBefore.WasProcessedAsync(conversation, "u881:31", TestContext.Current.CancellationToken));

        // The store fails: no 200, so Telegram keeps the update and sends it again; the redelivery is handled once.
        store!.FailingCommits = 1;
        var next = Updates.Text(chat, "my deposit has not arrived", messageId: 32).Also(u => u["update_id"] = 882);
        Assert.Equal(HttpStatusCode.InternalServerError, (await PostAsync(http, next.ToJsonString(), Secret)).StatusCode);
        Assert.False(await storedBefore.WasProcessedAsync(conversation, "u882:32", TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(http, next.ToJsonString(), Secret)).StatusCode);
        Assert.True(await storedBefore.WasProcessedAsync(conversation, "u882:32", TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(http, next.ToJsonString(), Secret)).StatusCode);

        await bot.WaitForOutboxAsync();
        var transcript = await storedBefore.GetTranscriptAsync(conversation, 1, TestContext.Current.CancellationToken);
        Assert.Single(transcript, l => l.Direction == TranscriptDirection.User && l.Text == "my deposit has not arrived");
        var storageNotice = TestBot.Shipped.Text(SupportBot.Core.Catalog.TextKeys.StorageUnavailable).Get("en");
        Assert.DoesNotContain(bot.Api.Sent(chat), c => WebUtility.HtmlDecode(c.Text!) == storageNotice);
    }

    [Fact]
    public async Task AWebhookUpdateInWorkWhenTheHostStopsIsNotAcknowledgedAndIsHandledAfterTheRestart()
    {
        await using var api = await FakeBotApi.StartAsync();
        var data = Path.Combine(Path.GetTempPath(), "supportbot-telegram-" + Guid.NewGuid().ToString("N"));
        const long chat = 9203;
        var body = Updates.Text(chat, "my deposit has not arrived", messageId: 41).Also(u => u["update_id"] = 991).ToJsonString();
        var first = await TelegramHarness.StartAsync(WebhookSettings, api: api, dataFolder: data);
        Task<HttpResponseMessage> answer;
        using var http = first.Host.CreateClient();
        try
        {
            api.Inject(Fault.Timeout("sendChatAction") with { ChatId = chat });
            answer = PostAsync(http, body, Secret);
            await api.WaitForCallAsync(c => c.Method == "sendChatAction" && c.Status == 0);
        }
        finally
        {
            await first.DisposeAsync();
        }

        // Whatever the stopping host managed to say, it was not 200: Telegram still has the update.
        var status = await answer.ContinueWith(t => t.IsCompletedSuccessfully ? t.Result.StatusCode : (HttpStatusCode?)null, TaskScheduler.Default);
        Assert.NotEqual(HttpStatusCode.OK, status);

        await using var second = await TelegramHarness.StartAsync(WebhookSettings, api: api, dataFolder: data);
        using var again = second.Host.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(again, body, Secret)).StatusCode);
        var conversation = new Core.Activities.ConversationKey("telegram", TelegramHarness.Id(chat));
        Assert.True(await second.Host.Get<IConversationStore>().WasProcessedAsync(conversation, "u991:41", TestContext.Current.CancellationToken));
        await second.WaitForOutboxAsync();
        Assert.NotEmpty(api.Sent(chat));
        Directory.Delete(data, recursive: true);
    }

    private const string Secret = "s3cret_Token-1";

    private static readonly Dictionary<string, string?> WebhookSettings = new()
    {
        ["Telegram:Mode"] = "Webhook",
        ["Telegram:WebhookUrl"] = "https://bot.example.com/hooks/telegram",
        ["Telegram:WebhookSecret"] = Secret,
    };

    private static async Task<string?> StoredOffsetAsync(string dataFolder)
    {
        await using var host = await SupportBot.Testing.Web.RunningHost.StartAsync(
            new Dictionary<string, string?> { ["Storage:Sqlite:Path"] = Path.Combine(dataFolder, "supportbot.db") },
            cancellationToken: TestContext.Current.CancellationToken);
        return await host.Get<IChannelStateStore>().GetCursorAsync("telegram.offset", TestContext.Current.CancellationToken);
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient http, string body, string? secret)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "hooks/telegram")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (secret is not null)
        {
            request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", secret);
        }

        return http.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
