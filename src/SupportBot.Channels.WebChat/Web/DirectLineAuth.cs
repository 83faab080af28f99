using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using SupportBot.Channels.WebChat.Protocol;
using SupportBot.Channels.WebChat.Tokens;

namespace SupportBot.Channels.WebChat.Web;

/// <summary>Checks the <c>Authorization: Bearer …</c> of a request (or the stream URL's <c>t</c>): the site's secret
/// reaches every conversation; a token only its own, and only until it expires.</summary>
public sealed class DirectLineAuth
{
    private readonly TokenService _tokens;
    private readonly byte[] _secret;

    /// <summary>Creates the checker.</summary>
    public DirectLineAuth(TokenService tokens, IOptions<DirectLineOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _tokens = tokens;
        _secret = Encoding.UTF8.GetBytes(options.Value.Secret);
    }

    /// <summary>The bearer value of <paramref name="request"/>, or the <c>t</c> query parameter when
    /// <paramref name="allowQuery"/> (WebSocket upgrades and attachment links carry no header).</summary>
    public static string? Bearer(HttpRequest request, bool allowQuery = false)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers.Authorization.ToString();
        if (header.Length > 7 && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return header[7..].Trim();
        }

        return allowQuery && request.Query["t"].ToString() is { Length: > 0 } t ? t : null;
    }

    /// <summary>Whether <paramref name="value"/> is the configured secret (never true when none is set).</summary>
    public bool IsSecret(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return _secret.Length > 0 && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(value), _secret);
    }

    /// <summary>Authorizes a request for <paramref name="conversationId"/> (null: any). Returns the error to send, or
    /// the token's claims (null claims with no error: the secret).</summary>
    public (IResult? Error, TokenClaims? Claims) Check(HttpRequest request, string? conversationId, bool allowQuery = false)
    {
        var bearer = Bearer(request, allowQuery);
        if (bearer is null)
        {
            return (DirectLineError.MissingAuthorization(), null);
        }

        if (IsSecret(bearer))
        {
            return (null, null);
        }

        var claims = _tokens.Read(bearer);
        if (claims is null)
        {
            return (DirectLineError.InvalidToken(), null);
        }

        if (_tokens.IsExpired(claims))
        {
            return (DirectLineError.Expired(), null);
        }

        if (conversationId is not null && !string.Equals(claims.ConversationId, conversationId, StringComparison.Ordinal))
        {
            return (DirectLineError.OtherConversation(), null);
        }

        return (null, claims);
    }
}
