using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using SupportBot.Channels.WebChat.Conversations;
using SupportBot.Channels.WebChat.Tests.Browser;
using SupportBot.Channels.WebChat.Tests.Protocol;
using SupportBot.Channels.WebChat.Tokens;

namespace SupportBot.Channels.WebChat.Tests.Security;

/// <summary>Issue 11, findings 5 and 8: only accepted uploads are kept and served, within a byte budget per
/// conversation and overall, and the data folder and its files are the service user's alone.</summary>
public class UploadKeepingTests
{
    [Fact]
    public async Task ARefusedUploadIsNeitherKeptNorServed_AndItsTextIsScanned()
    {
        await using var host = await WebChatHost.StartAsync();
        using var client = await new DirectLineClient(host).StartAsync();
        var seed = System.Text.Encoding.UTF8.GetBytes("my seed is " + SecretCorpus.EnglishSeed);
        var text = await Uploads.SendAsync(client, client.Message("", "t1"), (seed, "image/png", "seed.png"));
        Assert.Equal(HttpStatusCode.OK, text.Status);
        Assert.Equal(0, UploadRows(host));

        var all = (await client.GetActivitiesAsync(null))["activities"]!.AsArray().Cast<JsonObject>().ToList();
        var echo = all.Single(a => (string?)a["from"]!["role"] == "user" && (string?)a["type"] == "message");
        Assert.Null(echo["attachments"]); // nothing linked
        var said = string.Join("\n", all.Where(WebChatHost.IsBotMessage).Select(a => (string?)a["text"]));
        Assert.Contains("seed", said, StringComparison.OrdinalIgnoreCase); // warned about the phrase in the file
        Assert.Contains("seed.png", said, StringComparison.Ordinal); // and told the file was not kept

        // A refused file an older version stored is never served, even with a valid signature.
        var database = host.Get<ConversationLogStore>().Database;
        await database.AddUploadAsync("oldrefusedfile", client.ConversationId, "notes.txt", "text/plain", seed, DateTimeOffset.UtcNow);
        var sig = host.Get<TokenService>().Sign(client.ConversationId + "/oldrefusedfile");
        using var get = await client.Http.GetAsync(
            $"/v3/directline/conversations/{client.ConversationId}/attachments/oldrefusedfile?sig={sig}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(1, await database.DeleteRefusedUploadsAsync());
        Assert.Equal(0, UploadRows(host));
    }

    [Fact]
    public async Task OverTheConversationsBudgetAFileIsNotKept_AndTheUserIsToldInTheirLanguage()
    {
        byte[] png = [.. TestPng.Square(), .. new byte[2000]]; // bytes after IEND are ignored by viewers
        await using var host = await WebChatHost.StartAsync(new()
        {
            ["DirectLine:MaxUploadBytesPerConversation"] = (png.Length * 2 + 10).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["DirectLine:MaxUploadStorageBytes"] = (png.Length * 3 + 10).ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        using var first = await new DirectLineClient(host).StartAsync("zh-CN");
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await Uploads.SendAsync(first, null, (png, "image/png", $"shot{i}.png"))).Status);
        }

        Assert.Equal(2, UploadRows(host));
        var said = Said(await first.GetActivitiesAsync(null));
        Assert.Contains("“shot2.png”", said, StringComparison.Ordinal);
        Assert.Contains("上限", said, StringComparison.Ordinal);

        // A second conversation fills the store: its second file is refused for the overall budget, in English.
        using var second = await new DirectLineClient(host).StartAsync("en-US");
        Assert.Equal(HttpStatusCode.OK, (await Uploads.SendAsync(second, null, (png, "image/png", "a.png"))).Status);
        Assert.Equal(HttpStatusCode.OK, (await Uploads.SendAsync(second, null, (png, "image/png", "b.png"))).Status);
        Assert.Equal(3, UploadRows(host));
        Assert.Contains("\"b.png\"", Said(await second.GetActivitiesAsync(null)), StringComparison.Ordinal);
        Assert.Contains("storage is full", Said(await second.GetActivitiesAsync(null)), StringComparison.Ordinal);

        // The budgets are checked at start-up, naming the key.
        var failure = await Assert.ThrowsAnyAsync<Exception>(() => WebChatHost.StartAsync(new()
        {
            ["DirectLine:MaxUploadBytesPerConversation"] = "5000",
            ["DirectLine:MaxUploadStorageBytes"] = "4000",
        }));
        Assert.Contains("DirectLine:MaxUploadStorageBytes", failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUploadsFileNameHoldingAKeyIsReplacedByANeutralName()
    {
        await using var host = await WebChatHost.StartAsync();
        using var client = await new DirectLineClient(host).StartAsync();
        var sent = await Uploads.SendAsync(client, null, (TestPng.Square(), "image/png", "wif " + SecretCorpus.Wif + ".png"));
        Assert.Equal(HttpStatusCode.OK, sent.Status);
        var echo = (await client.GetActivitiesAsync(null))["activities"]!.AsArray().Cast<JsonObject>()
            .Single(a => (string?)a["from"]!["role"] == "user");
        Assert.Equal("file-1.png", (string)echo["attachments"]![0]!["name"]!);
        Assert.Empty(SecretCorpus.FoundInFolder(host.DataFolder));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task TheDataFolderAndEveryFileInItAreOwnerOnly()
    {
        var root = Path.Combine(Path.GetTempPath(), "supportbot-modes-" + Guid.NewGuid().ToString("N"));
        var data = Path.Combine(root, "data");
        try
        {
            await using (var host = await WebChatHost.StartAsync(new()
            {
                ["Storage:Sqlite:Path"] = Path.Combine(data, "supportbot.db"),
                ["Storage:Attachments:Path"] = Path.Combine(data, "attachments"),
            }))
            {
                using var client = await new DirectLineClient(host).StartAsync();
                await client.SayAsync("hello");
                Assert.Equal(HttpStatusCode.OK, (await Uploads.SendAsync(client, null, (TestPng.Square(), "image/png", "s.png"))).Status);
                var files = Directory.GetFiles(data, "*", SearchOption.AllDirectories);
                Assert.Contains(files, f => f.EndsWith("webchat.db-wal", StringComparison.Ordinal));
                Assert.Contains(files, f => f.EndsWith("supportbot.db-wal", StringComparison.Ordinal));
                Assert.Contains(files, f => Path.GetDirectoryName(f)!.EndsWith("attachments", StringComparison.Ordinal));
                foreach (var folder in (string[])[data, Path.Combine(data, "attachments")])
                {
                    Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
                }

                foreach (var file in files)
                {
                    Assert.True(
                        (File.GetUnixFileMode(file) & ~(UnixFileMode.UserRead | UnixFileMode.UserWrite)) == 0,
                        $"{Path.GetFileName(file)} is {File.GetUnixFileMode(file)}");
                }
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static string Said(JsonObject activities) => string.Join("\n",
        activities["activities"]!.AsArray().Cast<JsonObject>().Where(WebChatHost.IsBotMessage).Select(a => (string?)a["text"]));

    private static long UploadRows(Testing.Web.RunningHost host)
    {
        using var web = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(host.DataFolder, "webchat.db"),
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        web.Open();
        using var count = web.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM uploads";
        return (long)count.ExecuteScalar()!;
    }
}
