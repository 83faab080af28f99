using System.Text.Json;
using Microsoft.Extensions.Options;
using SupportBot.Channels.WebChat.Protocol;
using SupportBot.Core.Activities;

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
        var seq = log.LastSeq + 1;
        var json = ActivityJson.Reply(
            log.Id, ConversationLog.ActivityId(log.Id, seq), log.UserId, log.LastUserActivityId, log.Locale, reply,
            outboxId, _botName, _time.GetUtcNow());
        var choices = reply.Choices.Count == 0
            ? null
            : JsonSerializer.Serialize([.. reply.Choices], WebChatJsonContext.Default.ChoiceOptionArray);
        var activity = new LoggedActivity(seq, json, false, outboxId, null, choices);
        await _database.AppendAsync(log.Id, activity);
        log.Add(activity);
    }

    /// <summary>Appends the user's activity (the echo) as <paramref name="json"/>.</summary>
    public async Task<string> AppendEchoAsync(ConversationLog log, Func<string, byte[]> json, string? clientActivityId)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(json);
        var seq = log.LastSeq + 1;
        var id = ConversationLog.ActivityId(log.Id, seq);
        var activity = new LoggedActivity(seq, json(id), true, null, clientActivityId, null);
        await _database.AppendAsync(log.Id, activity);
        log.Add(activity);
        return id;
    }

    /// <summary>Pushes a typing indicator to the conversation's socket.</summary>
    public void Typing(ConversationLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        log.PushEphemeral(ActivityJson.Typing(log.Id, _botName, _time.GetUtcNow()));
    }
}
