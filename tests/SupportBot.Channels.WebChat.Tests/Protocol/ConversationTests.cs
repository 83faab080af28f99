using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using SupportBot.Channels.WebChat.Tests.Browser;
using SupportBot.Core.Activities;
using SupportBot.Core.Catalog;
using SupportBot.Core.Recognizers;
using SupportBot.Core.Storage;
using SupportBot.Testing.Web;

namespace SupportBot.Channels.WebChat.Tests.Protocol;

public class ConversationTests
{
    [Fact]
    public async Task ADepositConversationReachesATicketOverDirectLine_WithTheScreenshotUploadedAsDirectLineJsDoes()
    {
        await using var host = await WebChatHost.StartAsync();
        using var client = await new DirectLineClient(host).StartAsync();
        await using var stream = await client.OpenStreamAsync();
        var catalog = host.Get<DialogCatalog>();
        var deposit = catalog.FindProblem("deposit")!;
        string Choice(string value) => catalog.Text(TextKeys.Choice(value)).Get("en");

        var id = await client.SayAsync("hello");
        long? ticket = null;
        var uploaded = false;
        for (var turn = 0; ticket is null; turn++)
        {
            Assert.True(turn < 30, "the conversation did not reach a ticket");
            var reply = await stream.WaitForAsync(
                a => WebChatHost.AnswersTo(a, id) && (a["channelData"]?["stepId"] is not null || a["channelData"]?["ticketNumber"] is not null),
                "the prompt answering " + id);
            if (reply["channelData"]!["ticketNumber"] is { } number)
            {
                ticket = (long)number;
                Assert.Contains(((long)number).ToString(CultureInfo.InvariantCulture), (string)reply["text"]!, StringComparison.Ordinal);
                break;
            }

            var step = (string)reply["channelData"]!["stepId"]!;
            var detail = deposit.Details.FirstOrDefault(d => d.Id == step);
            if (detail?.Kind == SlotKinds.Screenshots)
            {
                var (activityId, echo) = await UploadAsync(client, stream, TestPng.Square());
                id = activityId;
                uploaded = true;
                await CheckAttachmentAccessAsync(host, client, echo);
                continue;
            }

            id = await client.SayAsync(step switch
            {
                "menu" => deposit.Title.Get("en"),
                "selfHelp" => Choice("needHelp"),
                "confirm" => Choice("confirm"),
                _ => Answer(detail ?? throw new Xunit.Sdk.XunitException("unexpected step " + step)),
            });
        }

        Assert.True(uploaded, "the flow never asked for a screenshot");
        var stored = await host.Get<ITicketStore>().GetTicketAsync(ticket.Value, TestContext.Current.CancellationToken);
        Assert.NotNull(stored);
        Assert.Equal("deposit", stored!.Category);
        Assert.Equal(new ConversationKey("webchat", client.ConversationId), stored.Conversation);
        Assert.Contains(stored.Details, d => d.Kind == SlotKinds.Screenshots);
    }

    [Fact]
    public async Task TheLogSurvivesARestart_AndTheOldTokenStillReadsIt()
    {
        var folder = Directory.CreateTempSubdirectory("webchat-restart-");
        try
        {
            var settings = new Dictionary<string, string?> { ["Storage:Sqlite:Path"] = Path.Combine(folder.FullName, "supportbot.db") };
            string conversationId, token, said;
            int count;
            await using (var host = await WebChatHost.StartAsync(settings))
            {
                using var client = await new DirectLineClient(host).StartAsync();
                await using var stream = await client.OpenStreamAsync();
                said = await client.SayAsync("hello");
                await stream.WaitForAsync(a => WebChatHost.AnswersTo(a, said), "the reply");
                (conversationId, token) = (client.ConversationId, client.Token);
                count = (await client.GetActivitiesAsync(""))["activities"]!.AsArray().Count;
            }

            await using (var host = await WebChatHost.StartAsync(settings))
            {
                using var client = new DirectLineClient(host) { Token = token };
                var reconnect = await client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}?watermark=", null, token);
                Assert.Equal(HttpStatusCode.OK, reconnect.Status);
                var history = await client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}/activities?watermark=", null, token);
                var activities = history.Json!["activities"]!.AsArray();
                Assert.Equal(count, activities.Count);
                Assert.Equal(said, (string)activities[0]!["id"]!);

                // The replayed stream of the new process carries the same history, and the conversation goes on.
                await using var stream = await DirectLineClient.Stream.ConnectAsync((string)reconnect.Json!["streamUrl"]!);
                await stream.WaitForAsync(a => WebChatHost.AnswersTo(a, said), "the replayed reply");
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task WhenTheStoreIsDownTheReplyIsSentDirectly()
    {
        var store = new Mock<IConversationStore>();
        store.Setup(s => s.WasProcessedAsync(It.IsAny<ConversationKey>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new IOException("disk gone"));
        store.Setup(s => s.LoadAsync(It.IsAny<ConversationKey>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new IOException("disk gone"));
        await using var host = await RunningHost.StartAsync(
            new Dictionary<string, string?> { ["DirectLine:RatePerMinute"] = "1000" },
            b => b.Services.AddSingleton(store.Object),
            TestContext.Current.CancellationToken);
        using var client = await new DirectLineClient(host).StartAsync();
        await using var stream = await client.OpenStreamAsync();
        var id = await client.SayAsync("hello");
        var reply = await stream.WaitForAsync(a => WebChatHost.AnswersTo(a, id), "the direct reply");
        Assert.Equal(host.Get<DialogCatalog>().Text(TextKeys.StorageUnavailable).Get("en"), (string)reply["text"]!);
        Assert.Null(reply["channelData"]!["outboxId"]);
    }

    [Fact]
    public async Task ABadDirectLineSectionStopsStartUpNamingTheKey()
    {
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => WebChatHost.StartAsync(new() { ["DirectLine:TokenLifetime"] = "00:00:05" }));
        Assert.Contains("DirectLine:TokenLifetime", failure.ToString(), StringComparison.Ordinal);
        failure = await Assert.ThrowsAnyAsync<Exception>(() => WebChatHost.StartAsync(new() { ["DirectLine:AllowedOrigins:0"] = "https://shop.example/path" }));
        Assert.Contains("DirectLine:AllowedOrigins:0", failure.ToString(), StringComparison.Ordinal);
    }

    private static async Task<(string Id, JsonObject Echo)> UploadAsync(
        DirectLineClient client, DirectLineClient.Stream stream, byte[] png)
    {
        // What DirectLineJS sends: an "activity" part (a Blob, so it has a file name) and one "file" part per file.
        var activity = client.Message("", "upload-" + Guid.NewGuid().ToString("N"));
        activity["attachments"] = new JsonArray(new JsonObject { ["contentType"] = "image/png", ["name"] = "screenshot.png" });
        activity["channelData"]!["attachmentSizes"] = new JsonArray(png.Length);
        var activityPart = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(activity.ToJsonString()));
        activityPart.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.microsoft.activity");
        var filePart = new ByteArrayContent(png);
        filePart.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        using var form = new MultipartFormDataContent { { activityPart, "activity", "blob" }, { filePart, "file", "screenshot.png" } };
        using var request = new HttpRequestMessage(HttpMethod.Post,
            $"/v3/directline/conversations/{client.ConversationId}/upload?userId={client.UserId}") { Content = form };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", client.Token);
        using var response = await client.Http.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var id = (string)JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!["id"]!;
        var echo = await stream.WaitForAsync(a => (string?)a["id"] == id, "the upload's echo");
        Assert.Equal((string)activity["channelData"]!["clientActivityID"]!, (string)echo["channelData"]!["clientActivityID"]!);
        return (id, echo);
    }

    private static async Task CheckAttachmentAccessAsync(RunningHost host, DirectLineClient client, JsonObject echo)
    {
        var attachment = echo["attachments"]!.AsArray().Single()!;
        Assert.Equal("image/png", (string)attachment["contentType"]!);
        var url = new Uri((string)attachment["contentUrl"]!);
        Assert.Equal(host.Address.Authority, url.Authority);
        using var anonymous = new HttpClient();
        using (var served = await anonymous.GetAsync(url, TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, served.StatusCode);
            Assert.Equal(TestPng.Square(), await served.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        }

        var unsigned = url.GetLeftPart(UriPartial.Path);
        using (var refused = await anonymous.GetAsync(unsigned, TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        using var other = await new DirectLineClient(host).StartAsync();
        using (var forbidden = await anonymous.GetAsync(unsigned + "?t=" + Uri.EscapeDataString(other.Token), TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        }

        using var withToken = await anonymous.GetAsync(unsigned + "?t=" + Uri.EscapeDataString(client.Token), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, withToken.StatusCode);
    }

    private static string Answer(Core.Catalog.DetailDefinition detail) => detail.Kind switch
    {
        SlotKinds.Uid => "12345678",
        SlotKinds.Time => "yesterday 9pm",
        SlotKinds.TxId => "4a1f0c9e2b7d8e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f",
        SlotKinds.Address => "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t",
        SlotKinds.Coin => "USDT",
        SlotKinds.Network => "TRC20",
        SlotKinds.Amount => "100",
        SlotKinds.OrderId => "ORD20250303001",
        SlotKinds.Email or SlotKinds.Contact => "alice.wong@example.com",
        SlotKinds.Phone => "+86 138 0013 8000",
        _ => "The page keeps spinning after I tap submit",
    };
}
