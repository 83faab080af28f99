using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SupportBot.Channels.Telegram.Tests.Fake;
using SupportBot.Core.Storage;
using SupportBot.Testing.Web;

namespace SupportBot.Channels.Telegram.Tests;

/// <summary>The real host (SQLite store, outbox delivery loop, Telegram channel) talking to the fake Bot API.</summary>
public sealed class TelegramHarness : IAsyncDisposable
{
    private readonly bool _ownsApi;
    private bool _ownsDataFolder;

    private TelegramHarness(FakeBotApi api, RunningHost host, CapturedLogs logs, string dataFolder, bool ownsApi)
    {
        Api = api;
        Host = host;
        Logs = logs;
        DataFolder = dataFolder;
        _ownsApi = ownsApi;
    }

    public FakeBotApi Api { get; }

    public RunningHost Host { get; }

    public CapturedLogs Logs { get; }

    public string DataFolder { get; }

    public static async Task<TelegramHarness> StartAsync(
        IReadOnlyDictionary<string, string?>? settings = null,
        FakeBotApi? api = null,
        string? dataFolder = null,
        Action<Microsoft.AspNetCore.Builder.WebApplicationBuilder>? configure = null)
    {
        var ownsApi = api is null;
        var ownsDataFolder = dataFolder is null;
        api ??= await FakeBotApi.StartAsync();
        dataFolder ??= Path.Combine(Path.GetTempPath(), "supportbot-telegram-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataFolder);
        var all = new Dictionary<string, string?>
        {
            ["Telegram:BotToken"] = FakeBotApi.Token,
            ["Telegram:ApiBaseUrl"] = api.Address.ToString(),
            ["Telegram:PollTimeoutSeconds"] = "1",
            ["Telegram:RequestTimeout"] = "00:00:05",
            ["Telegram:PerChatMessagesPerSecond"] = "1000",
            ["Telegram:GlobalMessagesPerSecond"] = "1000",
            ["Storage:Sqlite:Path"] = Path.Combine(dataFolder, "supportbot.db"),
            ["Storage:Attachments:Path"] = Path.Combine(dataFolder, "attachments"),
            ["Logging:LogLevel:SupportBot"] = "Debug",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var logs = new CapturedLogs();
        var host = await RunningHost.StartAsync(
            all,
            builder =>
            {
                builder.Logging.AddProvider(logs);
                configure?.Invoke(builder);
            },
            TestContext.Current.CancellationToken);
        return new TelegramHarness(api, host, logs, dataFolder, ownsApi) { _ownsDataFolder = ownsDataFolder };
    }

    /// <summary>Sends an update and waits until the bot handled it and delivered everything it queued; returns the
    /// messages sent to <paramref name="chatId"/> meanwhile.</summary>
    public async Task<IReadOnlyList<RecordedCall>> SendAsync(long chatId, System.Text.Json.Nodes.JsonObject update)
    {
        var before = Api.Calls.Count;
        var id = Api.Enqueue(update);
        await SettleAsync(id);
        return [.. Api.Calls.Skip(before).Where(c => c.Method == "sendMessage" && c.Accepted && c.ChatId == chatId)];
    }

    /// <summary>Waits until update <paramref name="updateId"/> is confirmed and the Telegram outbox is empty.</summary>
    public async Task SettleAsync(long updateId)
    {
        await Api.WaitUntilAsync(() => Api.ConfirmedOffset > updateId, what: "update " + updateId + " to be confirmed");
        await WaitForOutboxAsync();
    }

    public async Task WaitForOutboxAsync()
    {
        var outbox = Host.Get<IOutboxStore>();
        await Api.WaitUntilAsync(
            () => outbox.FetchPendingAsync("telegram", DateTimeOffset.UtcNow.AddYears(1), 10).GetAwaiter().GetResult().Count == 0,
            what: "the Telegram outbox to empty");
    }

    /// <summary>POSTs an update to the webhook and waits until its turn was stored and delivered.</summary>
    public async Task SendWebhookAsync(HttpClient http, System.Text.Json.Nodes.JsonObject update, string secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "hooks/telegram")
        {
            Content = new StringContent(update.ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", secret);
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        var conversation = new SupportBot.Core.Activities.ConversationKey(
            "telegram", update["message"]!["chat"]!["id"]!.ToString());
        var messageId = "u" + update["update_id"] + ":" + update["message"]!["message_id"];
        var store = Host.Get<IConversationStore>();
        await Api.WaitUntilAsync(
            () => store.WasProcessedAsync(conversation, messageId).GetAwaiter().GetResult(),
            what: "the webhook update to be stored");
        await WaitForOutboxAsync();
    }

    public async Task<string?> StoredOffsetAsync() =>
        await Host.Get<IChannelStateStore>().GetCursorAsync("telegram.offset", TestContext.Current.CancellationToken);

    public static string Id(long value) => value.ToString(CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        if (_ownsApi)
        {
            await Api.DisposeAsync();
        }

        if (_ownsDataFolder)
        {
            try
            {
                Directory.Delete(DataFolder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
