using System.Net;
using System.Net.Http.Json;
using System.Text;
using SupportBot.Channels.Telegram.Tests.Fake;
using SupportBot.Core.Storage;

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
