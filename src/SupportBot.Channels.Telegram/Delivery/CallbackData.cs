using System.Security.Cryptography;
using System.Text;
using SupportBot.Core.Storage;

namespace SupportBot.Channels.Telegram.Delivery;

/// <summary>Turns a choice value into a button's <c>callback_data</c> (1–64 bytes of UTF-8) and back. Short values
/// travel as they are (<c>v:confirm</c>); a longer one travels as a hash and its value is kept in the channel state
/// store, so any value the dialogs define survives the limit.</summary>
internal sealed class CallbackData
{
    public const int MaxBytes = 64;
    private const string ValuePrefix = "v:";
    private const string HashPrefix = "h:";

    private readonly IChannelStateStore _state;

    public CallbackData(IChannelStateStore state) => _state = state;

    public async Task<string> EncodeAsync(string value, CancellationToken ct)
    {
        var plain = ValuePrefix + value;
        if (Encoding.UTF8.GetByteCount(plain) <= MaxBytes)
        {
            return plain;
        }

        var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..32]
            .Replace('+', '-').Replace('/', '_');
        await _state.SetCursorAsync(CursorName(hash), value, ct);
        return HashPrefix + hash;
    }

    /// <summary>The choice value, or null for data we did not make.</summary>
    public async Task<string?> DecodeAsync(string? data, CancellationToken ct)
    {
        if (data is null)
        {
            return null;
        }

        if (data.StartsWith(ValuePrefix, StringComparison.Ordinal))
        {
            return data[ValuePrefix.Length..];
        }

        return data.StartsWith(HashPrefix, StringComparison.Ordinal)
            ? await _state.GetCursorAsync(CursorName(data[HashPrefix.Length..]), ct)
            : null;
    }

    private static string CursorName(string hash) => "telegram.choice." + hash;
}
