using System.Net;
using System.Net.WebSockets;
using System.Text.Json.Nodes;
using SupportBot.Channels.WebChat.Conversations;
using SupportBot.Channels.WebChat.Protocol;
using SupportBot.Core.Activities;
using SupportBot.Core.Catalog;
using SupportBot.Core.Storage;
using SupportBot.Testing;

namespace SupportBot.Channels.WebChat.Tests.Protocol;

public class ActivityTests
{
    [Fact]
    public async Task TheUsersActivityIsEchoedWithItsClientActivityId_ThenTheBotAnswersIt_AndARetryIsNotTakenTwice()
    {
        await using var host = await WebChatHost.StartAsync();
        using var client = await new DirectLineClient(host).StartAsync();
        await using var stream = await client.OpenStreamAsync();

        var id = await client.SayAsync("hello", "client-1");
        var echo = await stream.WaitForAsync(a => (string?)a["id"] == id, "the echo");
        Assert.Equal("client-1", (string)echo["channelData"]!["clientActivityID"]!);
        Assert.Equal("user", (string)echo["from"]!["role"]!);
        Assert.Equal(client.UserId, (string)echo["from"]!["id"]!);
        Assert.Equal(client.ConversationId, (string)echo["conversation"]!["id"]!);
        Assert.Equal("hello", (string)echo["text"]!);
        Assert.EndsWith("Z", (string)echo["timestamp"]!, StringComparison.Ordinal);

        var reply = await stream.WaitForAsync(a => WebChatHost.AnswersTo(a, id), "the bot's reply");
        Assert.Equal("SupportBot", (string)reply["from"]!["name"]!);
        Assert.Equal("plain", (string)reply["textFormat"]!);
        Assert.Equal("en-US", (string)reply["locale"]!);
        Assert.False(string.IsNullOrEmpty((string?)reply["text"]));
        Assert.NotNull(stream.Watermark);

        // Web Chat re-posts the same activity when a POST failed: it gets the same id and no second turn.
        Assert.Equal(id, await client.SayAsync("hello", "client-1"));
        var all = await client.GetActivitiesAsync("");
        Assert.Single(all["activities"]!.AsArray(), a => (string?)a!["channelData"]?["clientActivityID"] == "client-1");
    }

    [Fact]
    public async Task TheJoinEventGreetsANewConversationInThePagesLanguage_AndNeverAgain()
    {
        await using var host = await WebChatHost.StartAsync();
        using var client = await new DirectLineClient(host).StartAsync();
        await using var stream = await client.OpenStreamAsync();
        var catalog = host.Get<DialogCatalog>();
        JsonObject Join() => new()
        {
            ["type"] = "event",
            ["name"] = ActivityIntake.JoinEventName,
            ["from"] = new JsonObject { ["id"] = client.UserId },
            ["value"] = new JsonObject { ["language"] = "zh-CN" },
        };
        var path = $"/v3/directline/conversations/{client.ConversationId}/activities";

        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(HttpMethod.Post, path, Join(), client.Token)).Status);

        var greeting = catalog.Text(TextKeys.Greeting).Get("zh-CN");
        await stream.WaitForAsync(a => WebChatHost.IsBotMessage(a) && (string?)a["text"] == greeting, "the greeting");
        var notice = catalog.Text(TextKeys.SafetyNotice).Get("zh-CN");
        await stream.WaitForAsync(a => WebChatHost.IsBotMessage(a) && (string?)a["text"] == notice, "the warning");
        var menu = await stream.WaitForAsync(
            a => WebChatHost.IsBotMessage(a) && a["suggestedActions"] is not null, "the menu");
        Assert.Contains(menu["suggestedActions"]!["actions"]!.AsArray(),
            a => (string?)a!["title"] == catalog.FindProblem("deposit")!.Title.Get("zh-CN"));

        // A reloaded page joins again, also after the user spoke: nothing more from the bot.
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(HttpMethod.Post, path, Join(), client.Token)).Status);
        var id = await client.SayAsync("充值没到账");
        await stream.WaitForAsync(a => WebChatHost.AnswersTo(a, id), "the answer to the first message");
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(HttpMethod.Post, path, Join(), client.Token)).Status);
        var all = (await client.GetActivitiesAsync(""))["activities"]!.AsArray();
        Assert.Single(all, a => (string?)a!["text"] == greeting);
        var transcript = await host.Get<IConversationStore>().GetTranscriptAsync(
            new ConversationKey("webchat", client.ConversationId), 1, TestContext.Current.CancellationToken);
        Assert.Single(transcript, line => line.Direction == TranscriptDirection.User);
    }

    [Fact]
    public async Task WhileTheBotWorksTheSocketGetsATypingIndicator_ThenTheEchoAndTheReplyInOneSet()
    {
        await using var host = await WebChatHost.StartAsync();
        using var client = await new DirectLineClient(host).StartAsync();
        await using var stream = await client.OpenStreamAsync();

        var id = await client.SayAsync("hello");
        var reply = await stream.WaitForAsync(a => WebChatHost.AnswersTo(a, id), "the reply");

        var typing = Assert.Single(stream.Activities, a => (string?)a["type"] == "typing");
        Assert.Equal("bot", (string)typing["from"]!["role"]!);
        Assert.Equal(client.ConversationId, (string)typing["conversation"]!["id"]!);
        var echo = stream.Activities.Single(a => (string?)a["id"] == id);
        Assert.True(stream.Activities.IndexOf(typing) < stream.Activities.IndexOf(echo));
        Assert.Equal(stream.Activities.IndexOf(echo) + 1, stream.Activities.IndexOf(reply));
        // The typing indicator is not kept: polling never returns it.
        var all = await client.GetActivitiesAsync("");
        Assert.DoesNotContain(all["activities"]!.AsArray(), a => (string?)a!["type"] == "typing");
        // The reply was sent with the echo; the delivery loop marks it delivered and does not send it again.
        var outbox = host.Get<IOutboxStore>();
        var conversation = new ConversationKey("webchat", client.ConversationId);
        for (var i = 0; i < 100 && (await outbox.UndeliveredIdsAsync(conversation, TestContext.Current.CancellationToken)).Count > 0; i++)
        {
            await host.Get<Core.Routing.OutboxDispatcher>().DrainAsync("webchat", cancellationToken: TestContext.Current.CancellationToken);
        }

        Assert.Empty(await outbox.UndeliveredIdsAsync(conversation, TestContext.Current.CancellationToken));
        var sent = (await client.GetActivitiesAsync(""))["activities"]!.AsArray()
            .Where(a => (string?)a!["replyToId"] == id).Select(a => (long)a!["channelData"]!["outboxId"]!).ToList();
        Assert.Contains((long)reply["channelData"]!["outboxId"]!, sent);
        Assert.Equal(sent.Count, sent.Distinct().Count());
    }

    [Fact]
    public async Task AnOlderReplyStillWaitingInTheOutboxGoesOutBeforeTheTurnsReplies()
    {
        var time = new ManualTimeProvider();
        await using var host = await WebChatHost.StartAsync(time: time);
        using var client = await new DirectLineClient(host).StartAsync();
        var conversation = new ConversationKey("webchat", client.ConversationId);
        var ct = TestContext.Current.CancellationToken;

        // An agent's message committed earlier whose delivery failed and waits a minute for its retry.
        await host.Get<IConversationStore>().CommitTurnAsync(new TurnCommit
        {
            Conversation = conversation,
            UserId = client.UserId,
            ExpectedVersion = 0,
            State = Core.Engine.ConversationStateSerializer.Serialize(new Core.Engine.ConversationState()),
            Outbox = [BotReply.Plain("An older message from the agent.")],
            At = time.GetUtcNow(),
        }, ct);
        var outbox = host.Get<IOutboxStore>();
        var older = Assert.Single(await outbox.UndeliveredIdsAsync(conversation, ct));
        await outbox.MarkFailedAsync(older, "test", time.GetUtcNow().AddMinutes(1), ct);

        var id = await client.SayAsync("hello");

        // The turn's replies wait behind it instead of overtaking it.
        var now = (await client.GetActivitiesAsync(""))["activities"]!.AsArray();
        Assert.Equal([id], now.Select(a => (string)a!["id"]!));
        time.Advance(TimeSpan.FromMinutes(1.5));
        // The delivery loop may have been between its drain and its poll timer when the clock moved; that timer then
        // counts from the new time and never fires on this clock. A wake-up is latched, so the loop drains once more.
        host.Get<Core.Routing.OutboxSignal>().Notify("webchat");
        await using var stream = await client.OpenStreamAsync(client.StreamUrl);
        await stream.WaitForAsync(a => WebChatHost.AnswersTo(a, id) && a["suggestedActions"] is not null, "the reply");
        var texts = stream.Activities.Where(WebChatHost.IsBotMessage).Select(a => (string)a["text"]!).ToList();
        Assert.Equal("An older message from the agent.", texts[0]);
        Assert.True(texts.Count > 1);
    }

    [Fact]
    public async Task GetPagesByWatermark_AnEmptyWatermarkMeansFromTheStart()
    {
        await using var host = await WebChatHost.StartAsync();
        using var client = await new DirectLineClient(host).StartAsync();
        await using var stream = await client.OpenStreamAsync();
        var first = await client.SayAsync("hello");
        await stream.WaitForAsync(a => WebChatHost.AnswersTo(a, first), "the first reply");

        var all = await client.GetActivitiesAsync("");
        var activities = all["activities"]!.AsArray();
        Assert.True(activities.Count >= 2);
        Assert.Equal(first, (string)activities[0]!["id"]!);
        var watermark = (string)all["watermark"]!;
        Assert.Equal(activities.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), watermark);

        var nothingNew = await client.GetActivitiesAsync(watermark);
        Assert.Empty(nothingNew["activities"]!.AsArray());
        Assert.Equal(watermark, (string)nothingNew["watermark"]!);

        var second = await client.SayAsync("hello again");
        await stream.WaitForAsync(a => WebChatHost.AnswersTo(a, second), "the second reply");
        var page = await client.GetActivitiesAsync(watermark);
        Assert.Equal(second, (string)page["activities"]!.AsArray()[0]!["id"]!);
        Assert.All(page["activities"]!.AsArray(), a => Assert.DoesNotContain(a!["id"]!.ToString(), activities.Select(x => x!["id"]!.ToString())));
    }

    [Fact]
    public async Task AReconnectedStreamReplaysEverythingAfterItsWatermark_AndNothingBefore()
    {
        await using var host = await WebChatHost.StartAsync();
        using var client = await new DirectLineClient(host).StartAsync();
        string watermark;
        await using (var stream = await client.OpenStreamAsync())
        {
            var first = await client.SayAsync("hello");
            await stream.WaitForAsync(a => WebChatHost.AnswersTo(a, first), "the first reply");
            watermark = stream.Watermark!;
        }

        // While no socket is open the user posts (another tab, a flaky network) and the bot answers.
        var missed = await client.SayAsync("hello again");
        var reconnect = await client.SendAsync(HttpMethod.Get,
            $"/v3/directline/conversations/{client.ConversationId}?watermark={watermark}", null, client.Token);
        Assert.Equal(HttpStatusCode.OK, reconnect.Status);
        var url = (string)reconnect.Json!["streamUrl"]!;
        Assert.Contains("watermark=" + watermark, url, StringComparison.Ordinal);

        await using var again = await client.OpenStreamAsync(url);
        await again.WaitForAsync(a => WebChatHost.AnswersTo(a, missed), "the reply sent while disconnected");
        var after = long.Parse(watermark, System.Globalization.CultureInfo.InvariantCulture);
        var replayed = again.Activities.Where(a => (string?)a["type"] != "typing")
            .Select(a => long.Parse(((string)a["id"]!).Split('|')[1], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(after + 1, replayed[0]);
        Assert.All(replayed, seq => Assert.True(seq > after));
        Assert.Contains(again.Activities, a => (string?)a["id"] == missed);
    }

    [Fact]
    public async Task AnIdleStreamGetsEmptyKeepAliveMessages_AndANewerSocketClosesTheOlder()
    {
        var time = new ManualTimeProvider();
        await using var host = await WebChatHost.StartAsync(time: time);
        using var client = await new DirectLineClient(host).StartAsync();
        await using var older = await client.OpenStreamAsync();
        var id = await client.SayAsync("hello");
        await older.WaitForAsync(a => WebChatHost.AnswersTo(a, id), "the reply");

        time.Advance(TimeSpan.FromSeconds(15));
        while (older.KeepAlives == 0)
        {
            Assert.NotNull(await older.ReadFrameAsync());
        }

        await using var newer = await client.OpenStreamAsync(client.StreamUrl);
        while (await older.ReadFrameAsync() is not null)
        {
        }

        Assert.Equal(WebSocketCloseStatus.PolicyViolation, older.CloseStatus);
        Assert.Equal("collision", older.CloseDescription);
        await newer.WaitForAsync(a => WebChatHost.AnswersTo(a, id), "the replay on the new socket");
    }

    [Fact]
    public async Task ChoicesBecomeImBackSuggestedActions_AndPostingATitleComesBackAsTheChoice()
    {
        await using var host = await WebChatHost.StartAsync();
        using var client = await new DirectLineClient(host).StartAsync();
        await using var stream = await client.OpenStreamAsync();
        var hello = await client.SayAsync("hello");
        var menu = await stream.WaitForAsync(a => WebChatHost.AnswersTo(a, hello) && a["suggestedActions"] is not null, "the menu");
        var actions = menu["suggestedActions"]!["actions"]!.AsArray();
        Assert.Contains(client.UserId, menu["suggestedActions"]!["to"]!.AsArray().Select(t => (string)t!));
        Assert.All(actions, a =>
        {
            Assert.Equal("imBack", (string)a!["type"]!);
            Assert.Equal((string)a["title"]!, (string)a["value"]!);
        });

        var catalog = host.Get<DialogCatalog>();
        var deposit = catalog.FindProblem("deposit")!;
        var title = deposit.Title.Get("en");
        Assert.Contains(actions, a => (string)a!["title"]! == title);

        // What Web Chat posts for an imBack: the title as plain text; the bot goes into the deposit problem.
        var picked = await client.SayAsync(title);
        var next = await stream.WaitForAsync(a => WebChatHost.AnswersTo(a, picked), "the reply to the choice");
        Assert.NotEqual("menu", (string?)next["channelData"]!["stepId"]);

        // Mapping, unit by unit: a title maps to the value; a posted value naming an offered choice too.
        ChoiceOption[] offered = [new("problem:deposit", title), new("human", "Talk to a human")];
        Assert.Equal("problem:deposit", ActivityIntake.ChoiceValue(offered, " " + title.ToUpperInvariant() + " ", null));
        Assert.Equal("human", ActivityIntake.ChoiceValue(offered, "", "human"));
        Assert.Null(ActivityIntake.ChoiceValue(offered, "something else", "not-offered"));

        // The posted value is read as a string or as {"choice": …} (a postback's or an Adaptive Card's value).
        Assert.Equal("human", PostedActivityReader.Parse("""{"type":"message","value":{"choice":"human"}}"""u8.ToArray(), out _)!.ChoiceValue);
        Assert.Equal("human", PostedActivityReader.Parse("""{"type":"message","value":"human"}"""u8.ToArray(), out _)!.ChoiceValue);
    }

    [Fact]
    public async Task BadInputIsRefusedWithTheRightStatus_AndTheConversationGoesOn()
    {
        await using var host = await WebChatHost.StartAsync(new() { ["DirectLine:MaxActivityBytes"] = "2048", ["DirectLine:MaxUploadBytes"] = "4096" });
        using var client = await new DirectLineClient(host).StartAsync();
        var path = $"/v3/directline/conversations/{client.ConversationId}/activities";
        var malformed = await client.SendAsync(HttpMethod.Post, path, null, client.Token, rawBody: "{\"type\":\"message\",");
        Assert.Equal(HttpStatusCode.BadRequest, malformed.Status);
        Assert.Equal("BadArgument", (string)malformed.Json!["error"]!["code"]!);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(HttpMethod.Post, path, null, client.Token, rawBody: "[1,2]")).Status);
        var big = await client.SendAsync(HttpMethod.Post, path, client.Message(new string('x', 4000), "big"), client.Token);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, big.Status);
        Assert.Equal("MessageSizeTooBig", (string)big.Json!["error"]!["code"]!);

        using var upload = new MultipartFormDataContent { { new ByteArrayContent(new byte[8192]), "file", "big.png" } };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{client.ConversationId}/upload?userId={client.UserId}") { Content = upload };
        request.Headers.Authorization = new("Bearer", client.Token);
        using var uploaded = await client.Http.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, uploaded.StatusCode);

        // None of that disturbed the conversation.
        await using var stream = await client.OpenStreamAsync();
        var id = await client.SayAsync("hello");
        await stream.WaitForAsync(a => WebChatHost.AnswersTo(a, id), "a reply after the bad requests");
    }

    [Fact]
    public async Task OverTheRatePerConversationOrAddressIsTooManyRequestsWithRetryAfter_UntilTheWindowPasses()
    {
        var time = new ManualTimeProvider();
        await using var host = await WebChatHost.StartAsync(new() { ["DirectLine:RatePerMinute"] = "2", ["DirectLine:IpRatePerMinute"] = "5" }, time);
        using var client = await new DirectLineClient(host).StartAsync(); // one address hit: the token route, one start
        await client.SayAsync("hello");
        await client.SayAsync("hello");
        var limited = await client.SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{client.ConversationId}/activities", client.Message("third", "c3"), client.Token);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.Status);
        Assert.Equal("TooManyRequests", (string)limited.Json!["error"]!["code"]!);
        Assert.True(limited.Response.Headers.RetryAfter?.Delta > TimeSpan.Zero);

        var addressLimited = await client.SendAsync(HttpMethod.Post, "/webchat/token", null, null);
        Assert.Equal(HttpStatusCode.TooManyRequests, addressLimited.Status);

        time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{client.ConversationId}/activities", client.Message("later", "c4"), client.Token)).Status);
    }

    [Fact]
    public async Task CorsAnswersPreflightsOfAllowedOriginsOnly()
    {
        await using var host = await WebChatHost.StartAsync(new() { ["DirectLine:AllowedOrigins:0"] = "https://shop.example" });
        using var client = new DirectLineClient(host);
        using var allowed = new HttpRequestMessage(HttpMethod.Options, "/v3/directline/conversations");
        allowed.Headers.Add("Origin", "https://shop.example");
        allowed.Headers.Add("Access-Control-Request-Method", "POST");
        allowed.Headers.Add("Access-Control-Request-Headers", "authorization,content-type,x-ms-bot-agent");
        using var ok = await client.Http.SendAsync(allowed, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NoContent, ok.StatusCode);
        Assert.Equal("https://shop.example", ok.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("Authorization", ok.Headers.GetValues("Access-Control-Allow-Headers").Single(), StringComparison.Ordinal);

        using var other = new HttpRequestMessage(HttpMethod.Post, "/webchat/token");
        other.Headers.Add("Origin", "https://evil.example");
        using var refused = await client.Http.SendAsync(other, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.False(refused.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task AnAgentsReplyCarriesTheirNameAndCode_AndARedeliveredOutboxMessageIsShownOnce()
    {
        await using var host = await WebChatHost.StartAsync();
        using var client = await new DirectLineClient(host).StartAsync();
        await using var stream = await client.OpenStreamAsync();
        var channel = host.Get<WebChatChannelClient>();
        var message = new OutboxMessage(
            987_654, new ConversationKey("webchat", client.ConversationId),
            new BotReply("Hello, I am looking at your deposit.", []) { Agent = new AgentSignature("Lily", "A-1024") },
            DateTimeOffset.UtcNow);
        Assert.Equal(Core.Channels.DeliveryStatus.Delivered, (await channel.DeliverAsync(message, TestContext.Current.CancellationToken)).Status);
        Assert.Equal(Core.Channels.DeliveryStatus.Delivered, (await channel.DeliverAsync(message, TestContext.Current.CancellationToken)).Status);

        var reply = await stream.WaitForAsync(a => (long?)a["channelData"]?["outboxId"] == 987_654, "the agent's reply");
        Assert.Equal("Lily", (string)reply["from"]!["name"]!);
        Assert.Equal("bot", (string)reply["from"]!["role"]!);
        Assert.Equal("Lily", (string)reply["channelData"]!["agentName"]!);
        Assert.Equal("A-1024", (string)reply["channelData"]!["agentCode"]!);
        var all = await client.GetActivitiesAsync("");
        Assert.Single(all["activities"]!.AsArray(), a => (long?)a!["channelData"]?["outboxId"] == 987_654);

        var unknown = message with { Conversation = new ConversationKey("webchat", "no-such-conversation") };
        Assert.Equal(Core.Channels.DeliveryStatus.Unreachable, (await channel.DeliverAsync(unknown, TestContext.Current.CancellationToken)).Status);
        Assert.Equal(Core.Channels.DeleteOutcome.NotSupported,
            await channel.DeleteMessageAsync(message.Conversation, "not-being-routed", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ASeedPhraseIsEchoedRedacted_AndTheUserIsWarned()
    {
        await using var host = await WebChatHost.StartAsync();
        using var client = await new DirectLineClient(host).StartAsync();
        await using var stream = await client.OpenStreamAsync();
        const string Phrase = "abandon ability able about above absent absorb abstract absurd abuse access accident";
        var id = await client.SayAsync("my words are " + Phrase);
        var echo = await stream.WaitForAsync(a => (string?)a["id"] == id, "the echo");
        Assert.DoesNotContain("absorb", (string)echo["text"]!, StringComparison.Ordinal);
        await stream.WaitForAsync(a => WebChatHost.AnswersTo(a, id), "the warning");

        foreach (var file in Directory.GetFiles(host.DataFolder, "webchat.db*"))
        {
            using var copy = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(copy);
            Assert.DoesNotContain("absorb abstract", await reader.ReadToEndAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        }
    }
}
