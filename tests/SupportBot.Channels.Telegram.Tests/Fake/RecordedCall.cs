using System.Text.Json.Nodes;

namespace SupportBot.Channels.Telegram.Tests.Fake;

/// <summary>One call the fake Bot API received, with what it answered.</summary>
public sealed record RecordedCall(long Sequence, string Method, JsonObject Parameters, int Status, string? Refusal)
{
    public long? ChatId => Parameters["chat_id"]?.GetValue<long>();

    public string? Text => (string?)Parameters["text"];

    public long? ThreadId => Parameters["message_thread_id"]?.GetValue<long>();

    public bool Accepted => Status == 200;
}
