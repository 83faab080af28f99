using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using SupportBot.Testing.Images;

namespace SupportBot.Channels.WebChat.Tests.Protocol;

/// <summary>A screenshot uploaded over Direct Line is read before anything keeps it: a seed-phrase grid never reaches
/// webchat.db or the screenshots folder (the echo comes back without it and the user is warned), while a deposit
/// record is kept and served.</summary>
public sealed class SecretScreenshotTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_uploaded_seed_phrase_screenshot_is_refused_and_leaves_no_trace_while_a_deposit_record_is_kept()
    {
        await using var host = await WebChatHost.StartAsync();
        using var client = await new DirectLineClient(host).StartAsync();
        await using var stream = await client.OpenStreamAsync();
        await client.SayAsync("hello");

        var seed = Screens.SeedGrid12();
        var (secretId, secretEcho) = await UploadAsync(client, stream, seed, "backup.png");
        Assert.Empty(secretEcho["attachments"]?.AsArray() ?? []);
        var warning = await stream.WaitForAsync(
            a => WebChatHost.AnswersTo(a, secretId) && ((string?)a["text"])?.Contains("The screenshot you sent showed a seed phrase", StringComparison.Ordinal) == true,
            "the warning about the screenshot");
        Assert.NotNull(warning);
        DataFolderSearch.AssertNoTrace(host.DataFolder, string.Join(' ', Screens.Seed12), seed);

        var deposit = Screens.DepositRecord();
        var (_, keptEcho) = await UploadAsync(client, stream, deposit, "deposit.png");
        var url = (string)keptEcho["attachments"]!.AsArray().Single()!["contentUrl"]!;
        using var anonymous = new HttpClient();
        Assert.Equal(deposit, await anonymous.GetByteArrayAsync(new Uri(url), Ct));
    }

    private static async Task<(string Id, JsonObject Echo)> UploadAsync(
        DirectLineClient client, DirectLineClient.Stream stream, byte[] png, string name)
    {
        var activity = client.Message("", "upload-" + Guid.NewGuid().ToString("N"));
        activity["attachments"] = new JsonArray(new JsonObject { ["contentType"] = "image/png", ["name"] = name });
        var activityPart = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(activity.ToJsonString()));
        activityPart.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.microsoft.activity");
        var filePart = new ByteArrayContent(png);
        filePart.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        using var form = new MultipartFormDataContent { { activityPart, "activity", "blob" }, { filePart, "file", name } };
        using var request = new HttpRequestMessage(HttpMethod.Post,
            $"/v3/directline/conversations/{client.ConversationId}/upload?userId={client.UserId}") { Content = form };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", client.Token);
        using var response = await client.Http.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var id = (string)JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!["id"]!;
        return (id, await stream.WaitForAsync(a => (string?)a["id"] == id, "the upload's echo"));
    }
}
