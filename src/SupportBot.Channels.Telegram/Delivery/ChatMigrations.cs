using System.Collections.Concurrent;
using System.Globalization;
using SupportBot.Core.Storage;

namespace SupportBot.Channels.Telegram.Delivery;

/// <summary>Groups that became supergroups: Telegram answers with <c>migrate_to_chat_id</c> (or sends it in a
/// message) and the old id stops working. The mapping is kept in the channel state store.</summary>
internal sealed class ChatMigrations
{
    private readonly IChannelStateStore _state;
    private readonly ConcurrentDictionary<long, long> _known = new();

    public ChatMigrations(IChannelStateStore state) => _state = state;

    public async Task<long> ResolveAsync(long chatId, CancellationToken ct)
    {
        if (_known.TryGetValue(chatId, out var to))
        {
            return to;
        }

        var stored = await _state.GetCursorAsync(Name(chatId), ct);
        if (stored is not null && long.TryParse(stored, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out to))
        {
            _known[chatId] = to;
            return to;
        }

        return chatId;
    }

    public async Task RecordAsync(long from, long to, CancellationToken ct)
    {
        _known[from] = to;
        await _state.SetCursorAsync(Name(from), to.ToString(CultureInfo.InvariantCulture), ct);
    }

    private static string Name(long chatId) => "telegram.migrated." + chatId.ToString(CultureInfo.InvariantCulture);
}
