using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace SupportBot.Channels.WebChat.Protocol;

/// <summary>Client-chosen activity ids (<c>channelData.clientActivityID</c>). Web Chat and DirectLineJS make them
/// random (a base-36 or hex string, a GUID); a custom client could put anything there, user input included. So an id
/// is kept (to echo it, which is how Web Chat sees a message as sent, and to recognise a retried post) only when it
/// has that machine-made shape: at most <see cref="MaxLength"/> letters, digits, <c>-</c> and <c>_</c>, whose
/// letter-only pieces are short and few, so no sentence, seed phrase or key (64 hex, WIF, xprv are all longer) fits.
/// The safety guard scans it as well. It never becomes a key in the bot's store: <see cref="MessageId"/> hashes it.</summary>
public static class ClientActivityIds
{
    /// <summary>The longest id kept (a GUID with dashes is 36).</summary>
    public const int MaxLength = 48;

    private const int MaxLetterRun = 12;
    private const int MaxWordLikePieces = 2;

    /// <summary>Whether <paramref name="id"/> has the shape of a client-made id.</summary>
    public static bool HasIdShape(string? id)
    {
        if (id is not { Length: > 0 and <= MaxLength })
        {
            return false;
        }

        var wordLike = 0;
        foreach (var piece in id.Split('-', '_'))
        {
            var lettersOnly = piece.Length > 0;
            foreach (var c in piece)
            {
                if (!char.IsAsciiLetterOrDigit(c))
                {
                    return false;
                }

                lettersOnly &= char.IsAsciiLetter(c);
            }

            if (lettersOnly && piece.Length > MaxLetterRun)
            {
                return false;
            }

            if (lettersOnly && piece.Length >= 3 && ++wordLike > MaxWordLikePieces)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The id the bot's store records for a message with this client id in this conversation: a hash, so
    /// a retried post is still recognised but nothing the client chose is stored there.</summary>
    public static string MessageId(string conversationId, string clientActivityId)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(conversationId + "\n" + clientActivityId), hash);
        return "wc_" + Base64Url.EncodeToString(hash[..18]);
    }
}
