using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using SupportBot.Channels.Telegram.Delivery;
using SupportBot.Channels.Telegram.Tests.Fake;
using SupportBot.Core.Activities;
using SupportBot.Core.Channels;
using SupportBot.Core.Storage;
using SupportBot.Storage.Memory;
using SupportBot.Testing;
using Telegram.Bot;
using Telegram.Bot.Exceptions;

namespace SupportBot.Channels.Telegram.Tests;

/// <summary>The channel client's delivery results and rendering, against the fake Bot API over HTTP.</summary>
public sealed class ChannelClientTests : IAsyncLifetime
{
    private FakeBotApi _api = null!;
    private TelegramChannelClient _client = null!;
    private TelegramApiClient _bot = null!;
    private long _nextId;

    // The client's request timeouts run on this clock: a hanging call times out when a test moves it, not when a
    // busy machine is slow.
    private readonly ManualTimeProvider _time = new();

    public async ValueTask InitializeAsync()
    {
        _api = await FakeBotApi.StartAsync();
        var options = new TelegramOptions
        {
            BotToken = FakeBotApi.Token,
            ApiBaseUrl = _api.Address,
            RequestTimeout = TimeSpan.FromSeconds(1),
        };
        var store = new InMemoryBotStore();
        _bot = new TelegramApiClient(options, _time, null);
        var messenger = new TelegramMessenger(
            _bot, new RateLimiter(TimeProvider.System, 1000, 1000), new CallbackData(store), new ChatMigrations(store));
        _client = new TelegramChannelClient(messenger, TestBot.Shipped, store, NullLogger<TelegramChannelClient>.Instance);
    }

    public async ValueTask DisposeAsync()
    {
        _bot.Dispose();
        await _api.DisposeAsync();
    }

    [Fact]
    public async Task TooManyRequestsIsRetriedAfterTelegramsRetryAfter()
    {
        _api.Inject(Fault.TooManyRequests("sendMessage", 35));
        var result = await _client.DeliverAsync(Outbox(42, "hello"), TestContext.Current.CancellationToken);
        Assert.Equal(DeliveryStatus.Retry, result.Status);
        Assert.Equal(TimeSpan.FromSeconds(35), result.RetryAfter);
    }

    [Fact]
    public async Task ServerErrorsAndTimeoutsBackOffExponentiallyWithJitter()
    {
        _api.Inject(Fault.ServerError("sendMessage") with { Times = 21 });
        var waits = new List<TimeSpan>();
        for (var i = 0; i < 20; i++)
        {
            var failed = await _client.DeliverAsync(Outbox(42, "hello") with { Attempts = 2 }, TestContext.Current.CancellationToken);
            Assert.Equal(DeliveryStatus.Retry, failed.Status);
            waits.Add(failed.RetryAfter!.Value);
        }

        // Third try: 4 s plus up to a quarter, and not all the same (chats that failed together spread out).
        Assert.All(waits, w => Assert.InRange(w, TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(5)));
        Assert.True(waits.Distinct().Count() > 1);
        var later = await _client.DeliverAsync(Outbox(42, "hello") with { Attempts = 20 }, TestContext.Current.CancellationToken);
        Assert.InRange(later.RetryAfter!.Value, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(6.25));

        _api.Inject(Fault.Timeout("sendMessage"));
        var pending = _client.DeliverAsync(Outbox(43, "hello"), TestContext.Current.CancellationToken);
        await _api.WaitForCallAsync(c => c.Method == "sendMessage" && c.Status == 0);
        _time.Advance(TimeSpan.FromSeconds(1));
        var timedOut = await pending;
        Assert.Equal(DeliveryStatus.Retry, timedOut.Status);
        Assert.InRange(timedOut.RetryAfter!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1.25));
        Assert.Equal("timeout", timedOut.Reason);
    }

    [Fact]
    public async Task AUserWhoBlockedTheBotIsUnreachable()
    {
        _api.Inject(Fault.Blocked());
        var result = await _client.DeliverAsync(Outbox(42, "hello"), TestContext.Current.CancellationToken);
        Assert.Equal(DeliveryStatus.Unreachable, result.Status);
        Assert.Contains("blocked", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LongTextIsSplitAt4096CharactersAndEveryPartIsEscaped()
    {
        var text = string.Concat(Enumerable.Repeat("<b>x</b> & ", 900)); // 9900 characters
        var result = await _client.DeliverAsync(Outbox(43, text), TestContext.Current.CancellationToken);

        Assert.Equal(DeliveryStatus.Delivered, result.Status);
        var parts = _api.Sent(43);
        Assert.Equal(3, parts.Count);
        Assert.All(parts, p => Assert.InRange(WebUtility.HtmlDecode(p.Text!).Length, 1, 4096));
        Assert.All(parts, p => Assert.DoesNotContain("<b>", p.Text!, StringComparison.Ordinal));
        Assert.Equal(text.Replace(" ", "", StringComparison.Ordinal),
            string.Concat(parts.Select(p => WebUtility.HtmlDecode(p.Text!))).Replace(" ", "", StringComparison.Ordinal));
        Assert.Empty(_api.Refused);
    }

    [Fact]
    public async Task AFailureInTheMiddleOfALongTextDoesNotRepeatTheSentParts()
    {
        var text = new string('a', 5000);
        var message = Outbox(44, text);
        _api.Inject(Fault.ServerError("sendMessage") with { ChatId = 44, Match = p => ((string)p["text"]!).Length < 4096 });

        // Part one goes out, part two fails; the retry sends part two only.
        Assert.Equal(DeliveryStatus.Retry, (await _client.DeliverAsync(message, TestContext.Current.CancellationToken)).Status);
        Assert.Equal(DeliveryStatus.Delivered, (await _client.DeliverAsync(message, TestContext.Current.CancellationToken)).Status);
        Assert.Equal([4096, 904], _api.Sent(44).Select(c => c.Text!.Length));
        Assert.Equal(2, _api.Sent(44).Count);
    }

    [Fact]
    public async Task UserTextAndAgentNamesAreEscapedAndTheAgentSignatureComesFirst()
    {
        var reply = new BotReply("Your order <ORD-1> & \"refund\"", []) { Agent = new AgentSignature("Bob <admin>", "SB-7K3M9Q") };
        var result = await _client.DeliverAsync(
            new OutboxMessage(++_nextId, new ConversationKey("telegram", "45"), reply, DateTimeOffset.UtcNow),
            TestContext.Current.CancellationToken);

        Assert.Equal(DeliveryStatus.Delivered, result.Status);
        var sent = Assert.Single(_api.Sent(45));
        Assert.StartsWith("Bob &lt;admin&gt; (agent code SB-7K3M9Q):\n", sent.Text, StringComparison.Ordinal);
        Assert.EndsWith("Your order &lt;ORD-1&gt; &amp; &quot;refund&quot;", sent.Text, StringComparison.Ordinal);
        // Telegram reads parse_mode without regard to case; the library sends "Html".
        Assert.Equal("HTML", (string?)sent.Parameters["parse_mode"], ignoreCase: true);
    }

    [Fact]
    public async Task ChoicesBecomeAnInlineKeyboardWithinTheCallbackDataLimit()
    {
        var longValue = "problem:" + new string('z', 100);
        var reply = new BotReply("Pick one", [new ChoiceOption("confirm", "Confirm"), new ChoiceOption(longValue, "Long one")]);
        await _client.DeliverAsync(
            new OutboxMessage(++_nextId, new ConversationKey("telegram", "46"), reply, DateTimeOffset.UtcNow),
            TestContext.Current.CancellationToken);

        var sent = Assert.Single(_api.Sent(46));
        Assert.True(DepositConversationTests.HasButton(sent, "v:confirm"));
        var buttons = sent.Parameters["reply_markup"]!["inline_keyboard"]!.AsArray().SelectMany(r => r!.AsArray()).ToList();
        Assert.All(buttons, b => Assert.InRange(System.Text.Encoding.UTF8.GetByteCount((string)b!["callback_data"]!), 1, 64));
        Assert.Empty(_api.Refused);
    }

    [Fact]
    public async Task AGroupThatBecameASupergroupIsFollowed()
    {
        _api.Inject(new Fault("sendMessage", 400, "Bad Request: group chat was upgraded to a supergroup chat")
        {
            ChatId = -47,
            MigrateToChatId = -1000000000047,
        });

        var first = await _client.DeliverAsync(Outbox(-47, "one"), TestContext.Current.CancellationToken);
        var second = await _client.DeliverAsync(Outbox(-47, "two"), TestContext.Current.CancellationToken);

        Assert.Equal(DeliveryStatus.Delivered, first.Status);
        Assert.Equal(DeliveryStatus.Delivered, second.Status);
        Assert.Equal(["one", "two"], _api.Sent(-1000000000047).Select(c => c.Text));
    }

    [Fact]
    public async Task DeletingMapsTelegramsAnswer()
    {
        var conversation = new ConversationKey("telegram", "48");
        Assert.Equal(DeleteOutcome.Deleted, await _client.DeleteMessageAsync(conversation, "u1:77", TestContext.Current.CancellationToken));
        _api.Inject(new Fault("deleteMessage", 400, "Bad Request: message can't be deleted"));
        Assert.Equal(DeleteOutcome.Failed, await _client.DeleteMessageAsync(conversation, "u2:78", TestContext.Current.CancellationToken));

        // Already gone (deleted by the user, or by an earlier try of the same update): that is what was wanted.
        _api.Inject(new Fault("deleteMessage", 400, "Bad Request: message to delete not found"));
        Assert.Equal(DeleteOutcome.Deleted, await _client.DeleteMessageAsync(conversation, "u3:79", TestContext.Current.CancellationToken));
        var call = _api.Calls.First(c => c.Method == "deleteMessage");
        Assert.Equal(77, call.Parameters["message_id"]!.GetValue<long>());
    }

    [Fact]
    public async Task NoExceptionOrResultCarriesTheToken()
    {
        _api.Inject(Fault.Timeout("getMe"));
        var hanging = _bot.GetMe(TestContext.Current.CancellationToken);
        await _api.WaitForCallAsync(c => c.Method == "getMe" && c.Status == 0);
        _time.Advance(TimeSpan.FromSeconds(1));
        var ex = await Assert.ThrowsAsync<RequestException>(() => hanging);
        Assert.True(TelegramApiClient.IsTimeout(ex));
        Assert.DoesNotContain(FakeBotApi.Token, ex.ToString(), StringComparison.Ordinal);

        var refused = await Assert.ThrowsAsync<ApiRequestException>(
            () => _bot.GetFile("missing", TestContext.Current.CancellationToken));
        Assert.DoesNotContain(FakeBotApi.Token, refused.ToString(), StringComparison.Ordinal);

        using var unreachable = new TelegramApiClient(
            new TelegramOptions { BotToken = FakeBotApi.Token, ApiBaseUrl = new Uri("http://127.0.0.1:1/") }, TimeProvider.System, null);
        var network = await Assert.ThrowsAsync<RequestException>(
            () => unreachable.GetMe(TestContext.Current.CancellationToken));
        Assert.False(TelegramApiClient.IsTimeout(network));
        Assert.DoesNotContain(FakeBotApi.Token, network.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFailureThatQuotesTheAddressReachesNoCallerWithTheToken()
    {
        // The library words a transport failure as "Bot API Service Failure: <type>: <its message>" and keeps it as the
        // inner exception; a handler (a proxy, a future runtime) that quotes the address would put the token there.
        var seen = new List<string>();
        using var quoting = new TelegramApiClient(
            new TelegramOptions { BotToken = FakeBotApi.Token, ApiBaseUrl = _api.Address },
            TimeProvider.System,
            new QuotingHandler(seen, answer: null));
        var network = await Assert.ThrowsAsync<RequestException>(() => quoting.GetMe(TestContext.Current.CancellationToken));
        Assert.Contains(seen, a => a.Contains(FakeBotApi.Token, StringComparison.Ordinal));
        Assert.DoesNotContain(FakeBotApi.Token, network.ToString(), StringComparison.Ordinal);
        Assert.Contains("getMe", network.Message, StringComparison.Ordinal);

        // An error answer whose description echoes the address (as a misconfigured proxy's may).
        using var echoing = new TelegramApiClient(
            new TelegramOptions { BotToken = FakeBotApi.Token, ApiBaseUrl = _api.Address },
            TimeProvider.System,
            new QuotingHandler(seen, answer: HttpStatusCode.NotFound));
        var api = await Assert.ThrowsAsync<ApiRequestException>(() => echoing.GetMe(TestContext.Current.CancellationToken));
        Assert.Equal(404, api.ErrorCode);
        Assert.DoesNotContain(FakeBotApi.Token, api.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADownloadStopsAtTheLimitWhateverTheFileSaid()
    {
        _api.AddFile("three", [1, 2, 3]);
        var file = await _bot.GetFile("three", TestContext.Current.CancellationToken);
        Assert.Equal([1, 2, 3], await _bot.DownloadFileAsync(file.FilePath!, 3, TestContext.Current.CancellationToken));
        Assert.Null(await _bot.DownloadFileAsync(file.FilePath!, 2, TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<RequestException>(
            () => _bot.DownloadFileAsync("../bot" + FakeBotApi.Token + "/getMe", 100, TestContext.Current.CancellationToken));
    }

    /// <summary>Fails every request in a way that quotes its address: by throwing, or by answering an error.</summary>
    private sealed class QuotingHandler(List<string> seen, HttpStatusCode? answer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var address = request.RequestUri!.ToString();
            seen.Add(address);
            if (answer is not { } status)
            {
                throw new HttpRequestException("Could not reach " + address);
            }

            var body = new System.Text.Json.Nodes.JsonObject
            {
                ["ok"] = false, ["error_code"] = (int)status, ["description"] = "Not Found: " + address,
            };
            return Task.FromResult(new HttpResponseMessage(status)
            {
                Content = new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
            });
        }
    }

    private OutboxMessage Outbox(long chat, string text) =>
        new(++_nextId, new ConversationKey("telegram", chat.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            BotReply.Plain(text), DateTimeOffset.UtcNow);
}
