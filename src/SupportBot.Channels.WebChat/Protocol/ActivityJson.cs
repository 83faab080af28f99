using System.Buffers;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SupportBot.Core.Activities;

namespace SupportBot.Channels.WebChat.Protocol;

/// <summary>Writes the Bot Framework activities we send: the bot's and agents' messages (choices as
/// <c>suggestedActions</c> of type <c>imBack</c>, whose value is the title, which is what Web Chat posts back),
/// typing, and the echo of the user's own activity (an allow-list of its fields, see <see cref="Echo"/>).</summary>
public static class ActivityJson
{
    /// <summary>The bot's <c>from.id</c>.</summary>
    public const string BotId = "supportbot";

    /// <summary>The Direct Line <c>channelId</c>.</summary>
    public const string ChannelId = "directline";

    /// <summary>ISO 8601 UTC with milliseconds, as Direct Line writes timestamps.</summary>
    public static string Timestamp(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>A bot (or agent) message.</summary>
    public static byte[] Reply(
        string conversationId, string activityId, string userId, string? replyToId, string? locale, BotReply reply,
        long? outboxId, string botName, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var buffer = new ArrayBufferWriter<byte>(256 + reply.Text.Length * 3);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("type", "message");
            w.WriteString("id", activityId);
            w.WriteString("timestamp", Timestamp(at));
            w.WriteString("channelId", ChannelId);
            WriteConversation(w, conversationId);
            w.WriteStartObject("from");
            if (reply.Agent is { } agent)
            {
                w.WriteString("id", "agent-" + agent.Code);
                w.WriteString("name", agent.Name);
            }
            else
            {
                w.WriteString("id", BotId);
                w.WriteString("name", botName);
            }

            w.WriteString("role", "bot");
            w.WriteEndObject();
            w.WriteStartObject("recipient");
            w.WriteString("id", userId);
            w.WriteString("role", "user");
            w.WriteEndObject();
            if (replyToId is not null)
            {
                w.WriteString("replyToId", replyToId);
            }

            if (locale is not null)
            {
                w.WriteString("locale", locale);
            }

            w.WriteString("textFormat", "plain");
            w.WriteString("text", reply.Text);
            if (reply.Choices.Count > 0)
            {
                w.WriteStartObject("suggestedActions");
                w.WriteStartArray("to");
                w.WriteStringValue(userId);
                w.WriteEndArray();
                w.WriteStartArray("actions");
                foreach (var choice in reply.Choices)
                {
                    w.WriteStartObject();
                    w.WriteString("type", "imBack");
                    w.WriteString("title", choice.Title);
                    w.WriteString("value", choice.Title);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteStartObject("channelData");
            if (outboxId is { } id)
            {
                w.WriteNumber("outboxId", id);
            }

            if (reply.StepId is not null)
            {
                w.WriteString("stepId", reply.StepId);
            }

            if (reply.TicketNumber is { } ticket)
            {
                w.WriteNumber("ticketNumber", ticket);
            }

            if (reply.Agent is { } signature)
            {
                w.WriteString("agentName", signature.Name);
                w.WriteString("agentCode", signature.Code);
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The bot's typing indicator (not kept in the log).</summary>
    public static byte[] Typing(string conversationId, string botName, DateTimeOffset at)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("type", "typing");
            w.WriteString("id", conversationId + "|typing-" + at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
            w.WriteString("timestamp", Timestamp(at));
            w.WriteString("channelId", ChannelId);
            WriteConversation(w, conversationId);
            w.WriteStartObject("from");
            w.WriteString("id", BotId);
            w.WriteString("name", botName);
            w.WriteString("role", "bot");
            w.WriteEndObject();
            w.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The echo of the user's activity, written only from the allow-listed fields of
    /// <paramref name="posted"/> with our id, timestamp, conversation and user: <paramref name="text"/> and
    /// <paramref name="displayText"/> as the safety guard left them, <paramref name="attachments"/> (our URLs) when
    /// given, and of <c>channelData</c> only what pages read back (the client activity id, postBack, messageBack's
    /// display text, attachment sizes). Nothing else the client posted is written.</summary>
    public static byte[] Echo(
        PostedActivity posted, string conversationId, string activityId, string userId, string? text,
        string? displayText, JsonArray? attachments, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(posted);
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("type", posted.Type);
            w.WriteString("id", activityId);
            w.WriteString("timestamp", Timestamp(at));
            w.WriteString("channelId", ChannelId);
            WriteConversation(w, conversationId);
            w.WriteStartObject("from");
            w.WriteString("id", userId);
            w.WriteString("role", "user");
            w.WriteEndObject();
            if (posted.Name is not null)
            {
                w.WriteString("name", posted.Name);
            }

            if (posted.Locale is not null)
            {
                w.WriteString("locale", posted.Locale);
            }

            if (posted.TextFormat is not null)
            {
                w.WriteString("textFormat", posted.TextFormat);
            }

            if (text is not null)
            {
                w.WriteString("text", text);
            }

            if (attachments is not null)
            {
                w.WritePropertyName("attachments");
                attachments.WriteTo(w);
            }

            w.WriteStartObject("channelData");
            if (posted.ClientActivityId is not null)
            {
                w.WriteString("clientActivityID", posted.ClientActivityId);
            }

            if (posted.PostBack)
            {
                w.WriteBoolean("postBack", true);
            }

            if (displayText is not null)
            {
                w.WriteStartObject("messageBack");
                w.WriteString("displayText", displayText);
                w.WriteEndObject();
            }

            if (posted.AttachmentSizes.Count > 0)
            {
                w.WriteStartArray("attachmentSizes");
                foreach (var size in posted.AttachmentSizes)
                {
                    w.WriteNumberValue(size);
                }

                w.WriteEndArray();
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteConversation(Utf8JsonWriter w, string conversationId)
    {
        w.WriteStartObject("conversation");
        w.WriteString("id", conversationId);
        w.WriteEndObject();
    }
}
