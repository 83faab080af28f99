using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using SupportBot.Channels.WebChat.Tests.Browser;
using SupportBot.Channels.WebChat.Tests.Protocol;

namespace SupportBot.Channels.WebChat.Tests.Security;

/// <summary>Issue 11, findings 1 and 5, end to end: secrets sent through every field of an activity and as upload
/// content and file names, against the real host, are found nowhere afterwards: not in any file of the data folder
/// (databases with their -wal/-shm, attachments), not in the logs, not in the agent's REST view of the ticket, not
/// in what the page reads back.</summary>
public class SecretLeakTests
{
    private const string ApiKey = "leak-test-api-key-0123456789";

    /// <summary>Ways a client can carry text besides <c>text</c>; each gets a whole secret.</summary>
    private static readonly (string Field, Action<JsonObject, string> Put)[] Fields =
    [
        ("value (string)", (a, s) => a["value"] = s),
        ("value (object)", (a, s) => a["value"] = new JsonObject { ["note"] = s, ["choice"] = s }),
        ("channelData.*", (a, s) => a["channelData"]!["note"] = s),
        ("channelData.clientActivityID", (a, s) => a["channelData"]!["clientActivityID"] = s),
        ("clientActivityID without spaces", (a, s) => a["channelData"]!["clientActivityID"] = Compact(s)),
        ("from.name", (a, s) => a["from"]!["name"] = s),
        ("speak", (a, s) => a["speak"] = s),
        ("summary", (a, s) => a["summary"] = s),
        ("entities", (a, s) => a["entities"] = new JsonArray(new JsonObject { ["type"] = "mention", ["text"] = s })),
        ("locale", (a, s) => a["locale"] = "en-" + s.Replace(' ', '-')),
        ("recipient.name", (a, s) => a["recipient"] = new JsonObject { ["id"] = "bot", ["name"] = s }),
        ("textFormat", (a, s) => a["textFormat"] = s),
        ("replyToId", (a, s) => a["replyToId"] = s),
        ("messageBack.displayText", (a, s) => a["channelData"]!["messageBack"] = new JsonObject { ["displayText"] = s }),
        ("attachments", (a, s) => a["attachments"] = new JsonArray(new JsonObject { ["contentType"] = "text/plain", ["content"] = s, ["name"] = s })),
        ("event value and name", (a, s) =>
        {
            a["type"] = "event";
            a["name"] = Compact(s);
            a["value"] = s;
        }),
    ];

    [Fact]
    public async Task SecretsInEveryFieldAndUpload_AreNowhereInTheDataFolderTheLogsTheAgentsViewOrTheEchoes()
    {
        var logs = new LogCapture();
        await using var host = await WebChatHost.StartAsync(
            new()
            {
                ["Api:Keys:0:Name"] = "leaktest",
                ["Api:Keys:0:Key"] = ApiKey,
                ["Logging:LogLevel:Default"] = "Debug",
            },
            configure: builder => builder.Logging.AddProvider(logs));
        using var client = await new DirectLineClient(host).StartAsync();
        var path = $"/v3/directline/conversations/{client.ConversationId}/activities";
        await client.SayAsync("hello");

        foreach (var secret in SecretCorpus.Messages)
        {
            // The text itself (the router's guard), then each other field with harmless text beside it.
            await client.SayAsync(secret);
            foreach (var (field, put) in Fields)
            {
                var activity = client.Message("ok", "c" + Guid.NewGuid().ToString("N")[..12]);
                put(activity, secret);
                var posted = await client.SendAsync(HttpMethod.Post, path, activity, client.Token);
                Assert.True(posted.Status == HttpStatusCode.OK, $"{field}: {posted.Status}");
            }

            // Uploads: a screenshot named with the secret whose activity part carries it too, and a text file
            // holding it (refused: not an image).
            var part = client.Message("", "u" + Guid.NewGuid().ToString("N")[..12]);
            part["value"] = secret;
            part["channelData"]!["note"] = secret;
            var shot = await Uploads.SendAsync(client, part, (TestPng.Square(), "image/png", secret + ".png"));
            Assert.Equal(HttpStatusCode.OK, shot.Status);
            var text = await Uploads.SendAsync(client, null, (System.Text.Encoding.UTF8.GetBytes(secret), "text/plain", "notes.txt"));
            Assert.Equal(HttpStatusCode.OK, text.Status);
        }

        // Hand over to an agent: the ticket carries the transcript; one more round in the live chat.
        await client.SayAsync("human");
        foreach (var (field, put) in Fields.Take(6))
        {
            var activity = client.Message("still there?", "d" + Guid.NewGuid().ToString("N")[..12]);
            put(activity, SecretCorpus.Messages[0]);
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(HttpMethod.Post, path, activity, client.Token)).Status);
        }

        var found = new List<string>();

        // What the page reads back (the whole log).
        var all = await client.GetActivitiesAsync(null);
        found.AddRange(SecretCorpus.FoundIn(all.ToJsonString(), "the activities the page reads"));

        // The agent's view over the REST API.
        using var api = host.CreateClient();
        api.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        var tickets = JsonNode.Parse(await api.GetStringAsync("api/tickets?status=new,assigned,waiting_on_user,resolved,closed", TestContext.Current.CancellationToken))!;
        var numbers = tickets["items"]!.AsArray().Select(t => (long)t!["number"]!).ToList();
        Assert.NotEmpty(numbers);
        foreach (var number in numbers)
        {
            var view = await api.GetStringAsync($"api/tickets/{number}", TestContext.Current.CancellationToken);
            Assert.Contains("removed]", view, StringComparison.Ordinal); // the transcript is there, redacted
            found.AddRange(SecretCorpus.FoundIn(view, $"GET /api/tickets/{number}"));
        }

        // Every file of the data folder, and every log line.
        found.AddRange(SecretCorpus.FoundInFolder(host.DataFolder));
        found.AddRange(SecretCorpus.FoundIn(logs.All, "the logs"));
        Assert.True(found.Count == 0, "Secrets leaked:\n" + string.Join("\n", found.Distinct().Take(40)));

        // And the guard still did its job where it should: the user was warned about the text file's key.
        Assert.Contains(all["activities"]!.AsArray(), a => WebChatHost.IsBotMessage((JsonObject)a!)
            && ((string?)a!["text"])?.Contains("private key", StringComparison.OrdinalIgnoreCase) == true);
    }

    private static string Compact(string secret)
    {
        var compact = new string(secret.Where(char.IsAsciiLetterOrDigit).ToArray());
        return compact.Length > 48 ? compact[..48] : compact;
    }
}
