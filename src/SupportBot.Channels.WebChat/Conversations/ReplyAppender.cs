using System.Text.Json;
using Microsoft.Extensions.Options;
using SupportBot.Channels.WebChat.Protocol;
using SupportBot.Core.Activities;
using SupportBot.Core.Storage;

namespace SupportBot.Channels.WebChat.Conversations;

/// <summary>Writes a bot or agent reply into a conversation's log (durably, then to its socket). Callers hold the
/// log's <see cref="ConversationLog.Gate"/>.</summary>
public sealed class ReplyAppender
{
    private readonly WebChatDatabase _database;
    private readonly TimeProvider _time;
    private readonly string _botName;

    /// <summary>Creates the appender.</summary>
    public ReplyAppender(ConversationLogStore logs, IOptions<DirectLineOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(logs);
        ArgumentNullException.ThrowIfNull(options);
        _database = logs.Database;
        _time = time;
        _botName = options.Value.BotName;
    }

    /// <summary>Appends <paramref name="reply"/>; <paramref name="outboxId"/> is null for replies sent directly
    /// (the store was down).</summary>
    public async Task AppendAsync(ConversationLog log, BotReply reply, long? outboxId)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(reply);
        var activity = ReplyActivity(log, log.LastSeq + 1, log.LastUserActivityId, reply, outboxId);
        await _database.AppendAsync(log.Id, activity);
        log.Add(activity);
    }

    /// <summary>Appends the user's activity (the echo, <paramref name="json"/> given its id and whether it is the
    /// form for the database) and after it the outbox messages <paramref name="replies"/> (in id order; those already
    /// in the log are skipped) in one write, pushed as one set; returns the echo's id. <paramref name="clientKey"/>
    /// is the hash of the client's activity id that recognises a retry.</summary>
    public async Task<string> AppendTurnAsync(
        ConversationLog log, Func<string, bool, byte[]> json, string? clientKey, IReadOnlyList<OutboxMessage> replies)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(replies);
        var seq = log.LastSeq + 1;
        var id = ConversationLog.ActivityId(log.Id, seq);
        var batch = new List<LoggedActivity>(1 + replies.Count)
        {
            new(seq, json(id, false), true, null, clientKey, null) { StoredJson = json(id, true) },
        };
        foreach (var message in replies)
        {
            if (!log.HasOutboxMessage(message.Id))
            {
                batch.Add(ReplyActivity(log, ++seq, id, message.Reply, message.Id));
            }
        }

        await _database.AppendAsync(log.Id, batch);
        log.AddRange(batch);
        return id;
    }

    private LoggedActivity ReplyActivity(ConversationLog log, long seq, string? replyToId, BotReply reply, long? outboxId)
    {
        var json = ActivityJson.Reply(
            log.Id, ConversationLog.ActivityId(log.Id, seq), log.UserId, replyToId, log.Locale, reply,
            outboxId, _botName, _time.GetUtcNow());
        var choices = reply.Choices.Count == 0
            ? null
            : JsonSerializer.Serialize([.. reply.Choices], WebChatJsonContext.Default.ChoiceOptionArray);
        return new LoggedActivity(seq, json, false, outboxId, null, choices) { ParsedChoices = reply.Choices };
    }

    /// <summary>Appends the user's activity (the echo) as <paramref name="json"/>.</summary>
    public Task<string> AppendEchoAsync(ConversationLog log, Func<string, bool, byte[]> json, string? clientKey) =>
        AppendTurnAsync(log, json, clientKey, []);

    /// <summary>Pushes a typing indicator to the conversation's socket.</summary>
    public void Typing(ConversationLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        log.PushEphemeral(ActivityJson.Typing(log.Id, _botName, _time.GetUtcNow()));
    }
}
