using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using SupportBot.Channels.WebChat.Tests.Protocol;

namespace SupportBot.Channels.WebChat.Tests.Security;

/// <summary>Issue 11, finding 6: every malformed body (a lone surrogate, invalid UTF-8 inside a string, a repeated
/// property name, bad JSON to tokens/generate or a conversation start) is a 400 with a clear message, nothing half
/// done, nothing of the body in the log; and a fuzz run of generated bodies against the real host sees no 5xx.</summary>
public class MalformedBodyTests
{
    private const string Marker = "zqxjkMarker";

    [Fact]
    public async Task MalformedBodies_AreA400SayingWhatIsWrong_CommitNothing_AndLogNothingOfTheBody()
    {
        var logs = new LogCapture();
        await using var host = await WebChatHost.StartAsync(
            new() { ["Logging:LogLevel:Default"] = "Debug" }, configure: b => b.Logging.AddProvider(logs));
        using var client = await new DirectLineClient(host).StartAsync();
        var path = $"/v3/directline/conversations/{client.ConversationId}/activities";
        (byte[] Body, string Says)[] cases =
        [
            (Encoding.UTF8.GetBytes("{\"type\":\"message\",\"text\":\"a\\ud800 " + Marker + "\"}"), "not valid Unicode"),
            (Encoding.UTF8.GetBytes("{\"type\":\"message\",\"text\":\"ok\",\"channelData\":{\"x\":\"\\udc00" + Marker + "\"}}"), "not valid Unicode"),
            ([.. Encoding.UTF8.GetBytes("{\"type\":\"message\",\"text\":\"a"), 0xC3, 0x28, .. Encoding.UTF8.GetBytes(Marker + "\"}")], "not valid Unicode"),
            (Encoding.UTF8.GetBytes("{\"type\":\"message\",\"text\":\"hello\",\"text\":\"" + Marker + "\"}"), "repeats a property"),
            (Encoding.UTF8.GetBytes("{\"type\":\"message\",\"channelData\":{\"clientActivityID\":\"a\",\"clientActivityID\":\"b\"}}"), "repeats a property"),
            (Encoding.UTF8.GetBytes("{\"type\":\"message\",\"text\":" + Marker + "}"), "not valid JSON"),
            (Encoding.UTF8.GetBytes("{\"type\":\"message\",\"text\":[\"" + Marker + "\"]}"), "text must be a string"),
            (Encoding.UTF8.GetBytes("{\"type\":\"" + Marker + "\"}"), "type must be"),
        ];
        foreach (var (body, says) in cases)
        {
            var (status, text) = await PostRawAsync(client, path, body, client.Token);
            Assert.True(status == HttpStatusCode.BadRequest, $"{says}: {status} {text}");
            Assert.Contains(says, text, StringComparison.Ordinal);
            Assert.DoesNotContain(Marker, text, StringComparison.Ordinal);
        }

        // tokens/generate and a conversation start with a bad body: 400, not 500.
        foreach (var route in (string[])["/v3/directline/tokens/generate", "/v3/directline/conversations"])
        {
            foreach (var body in (string[])["{\"user\":" + Marker + "}", "{\"user\":{\"id\":\"\\ud800" + Marker + "\"}}", "{\"locale\":\"en\",\"locale\":\"" + Marker + "\"}"])
            {
                var (status, text) = await PostRawAsync(client, route, Encoding.UTF8.GetBytes(body), WebChatHost.Secret);
                Assert.True(status == HttpStatusCode.BadRequest, $"{route}: {status} {text}");
            }
        }

        // The multipart upload's activity part is read as strictly.
        var (upStatus, upText) = await PostUploadPartAsync(client, Encoding.UTF8.GetBytes("{\"type\":\"message\",\"text\":\"\\ud800\"}"));
        Assert.True(upStatus == HttpStatusCode.BadRequest, upText);
        Assert.Contains("activity part", upText, StringComparison.Ordinal);

        // Nothing was committed: no turn in the bot's store, no echo in the web chat log; the conversation goes on.
        Assert.Equal((0, 0), Counts(host, client.ConversationId));
        await client.SayAsync("hello");
        Assert.Equal((1, 1), Counts(host, client.ConversationId));
        Assert.DoesNotContain(Marker, logs.All, StringComparison.Ordinal);
        Assert.DoesNotContain(logs.Lines, l => l.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task FuzzedBodies_NeverGetA5xx_AndEveryAcceptedMessageHasBothItsTurnAndItsEcho()
    {
        var logs = new LogCapture();
        await using var host = await WebChatHost.StartAsync(configure: b => b.Logging.AddProvider(logs));
        using var client = await new DirectLineClient(host).StartAsync();
        var path = $"/v3/directline/conversations/{client.ConversationId}/activities";
        var random = new Random(20261204);
        var budget = Stopwatch.StartNew();
        var statuses = new Dictionary<HttpStatusCode, int>();
        var sent = 0;
        const int Bodies = 3000;
        for (; sent < Bodies && budget.Elapsed < TimeSpan.FromSeconds(120); sent++)
        {
            var body = FuzzBody(random, sent);
            var (status, text) = sent % 10 == 9
                ? await PostUploadPartAsync(client, body)
                : await PostRawAsync(client, path, body, client.Token);
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            Assert.True((int)status < 500, $"body #{sent} got {(int)status}: {text}");
        }

        Assert.True(sent >= 1000, $"only {sent} bodies in the time budget");
        Assert.True(statuses.GetValueOrDefault(HttpStatusCode.OK) > 100, "too few valid bodies: " + string.Join(", ", statuses));
        Assert.True(statuses.GetValueOrDefault(HttpStatusCode.BadRequest) > 100, "too few malformed bodies: " + string.Join(", ", statuses));
        var (turns, echoes) = Counts(host, client.ConversationId);
        Assert.Equal(turns, echoes);
        Assert.DoesNotContain(logs.Lines, l => l.Level >= LogLevel.Error);
    }

    /// <summary>A valid activity, then (mostly) one or two of the mutations the attack used.</summary>
    private static byte[] FuzzBody(Random random, int n)
    {
        var activity = new JsonObject
        {
            ["type"] = random.Next(10) == 0 ? "event" : "message",
            ["text"] = Words(random),
            ["locale"] = random.Next(2) == 0 ? "en-US" : "zh-CN",
            ["channelData"] = new JsonObject { ["clientActivityID"] = "f" + n.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        };
        if (random.Next(4) == 0)
        {
            activity["value"] = random.Next(2) == 0 ? JsonValue.Create(Words(random)) : new JsonObject { ["choice"] = Words(random) };
        }

        var bytes = new List<byte>(Encoding.UTF8.GetBytes(activity.ToJsonString()));
        var mutations = random.Next(5) == 0 ? 0 : 1 + random.Next(2);
        for (var m = 0; m < mutations; m++)
        {
            var quote = bytes.IndexOf((byte)'"', random.Next(bytes.Count));
            var inString = quote > 0 ? quote : bytes.Count / 2;
            switch (random.Next(12))
            {
                case 0: bytes.InsertRange(inString, "\\ud800"u8.ToArray()); break;
                case 1: bytes.InsertRange(inString, "\\udfff\\u0041"u8.ToArray()); break;
                case 2: bytes.InsertRange(inString, (byte[])[0xC3, 0x28]); break;
                case 3: bytes.InsertRange(inString, (byte[])[0xED, 0xA0, 0x80]); break;
                case 4: bytes.InsertRange(1, "\"text\":\"dup\","u8.ToArray()); break;
                case 5: bytes.RemoveRange(random.Next(bytes.Count), bytes.Count - random.Next(bytes.Count) > 0 ? 1 : 0); break;
                case 6: bytes[random.Next(bytes.Count)] = (byte)random.Next(256); break;
                case 7: bytes = bytes.Take(random.Next(bytes.Count)).ToList(); break;
                case 8: bytes.InsertRange(1, Encoding.UTF8.GetBytes("\"value\":" + new string('[', 40) + new string(']', 40) + ",")); break;
                case 9: bytes.InsertRange(1, Encoding.UTF8.GetBytes(random.Next(3) switch
                {
                    0 => "\"text\":5,", 1 => "\"type\":[],", _ => "\"channelData\":\"x\",\"from\":1,",
                })); break;
                case 10: bytes = Encoding.UTF8.GetBytes(random.Next(5) switch
                {
                    0 => "[]", 1 => "null", 2 => "\"s\"", 3 => "", _ => "1e999",
                }).ToList(); break;
                default: bytes.InsertRange(0, (byte[])[0xEF, 0xBB, 0xBF]); break;
            }

            if (bytes.Count == 0)
            {
                break;
            }
        }

        return [.. bytes];
    }

    private static string Words(Random random)
    {
        string[] words = ["hello", "deposit", "存款", "没到账", "USDT", "TRC20", "2 hours ago", "help", "😀", "\\n", "\\\"", "é"];
        return string.Join(' ', Enumerable.Range(0, 1 + random.Next(5)).Select(_ => words[random.Next(words.Length)]));
    }

    /// <summary>Turns in the bot's store (inbound messages taken) and user message echoes in the web chat log.</summary>
    private static (long Turns, long Echoes) Counts(Testing.Web.RunningHost host, string conversationId)
    {
        var builder = new SqliteConnectionStringBuilder { Mode = SqliteOpenMode.ReadOnly, Pooling = false };
        builder.DataSource = Path.Combine(host.DataFolder, "supportbot.db");
        using var bot = new SqliteConnection(builder.ToString());
        bot.Open();
        using var turns = bot.CreateCommand();
        turns.CommandText = "SELECT COUNT(*) FROM inbound_messages WHERE channel = 'webchat' AND conversation_id = $c";
        turns.Parameters.AddWithValue("$c", conversationId);
        builder.DataSource = Path.Combine(host.DataFolder, "webchat.db");
        using var web = new SqliteConnection(builder.ToString());
        web.Open();
        using var echoes = web.CreateCommand();
        echoes.CommandText = @"SELECT COUNT(*) FROM activities WHERE conversation = $c AND from_user = 1 AND instr(CAST(json AS TEXT), '""type"":""message""') = 2";
        echoes.Parameters.AddWithValue("$c", conversationId);
        return ((long)turns.ExecuteScalar()!, (long)echoes.ExecuteScalar()!);
    }

    private static async Task<(HttpStatusCode Status, string Text)> PostRawAsync(
        DirectLineClient client, string path, byte[] body, string bearer)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        using var response = await client.Http.SendAsync(request, TestContext.Current.CancellationToken);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    private static async Task<(HttpStatusCode Status, string Text)> PostUploadPartAsync(DirectLineClient client, byte[] activityPart)
    {
        using var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(activityPart);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.microsoft.activity");
        form.Add(part, "activity", "blob");
        var file = new ByteArrayContent(Browser.TestPng.Square());
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(file, "file", "shot.png");
        using var request = new HttpRequestMessage(HttpMethod.Post,
            $"/v3/directline/conversations/{client.ConversationId}/upload?userId={client.UserId}") { Content = form };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", client.Token);
        using var response = await client.Http.SendAsync(request, TestContext.Current.CancellationToken);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
