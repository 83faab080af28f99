using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace SupportBot.Channels.WebChat.Tokens;

/// <summary>Issues and checks per-conversation tokens: compact JWTs signed with HMAC-SHA256 carrying <c>conv</c>,
/// <c>user</c>, <c>iat</c> and <c>exp</c>. A JWT because Web Chat decodes the token (unverified) and takes its
/// <c>user</c> claim as the user id; the signature is ours alone, so only this host's key can mint one.</summary>
public sealed class TokenService
{
    private static readonly byte[] Header = Encoding.UTF8.GetBytes(
        Base64Url.EncodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}"u8) + ".");

    /// <summary>Verified tokens kept before the cache is emptied and refilled (a page sends the same token with
    /// every request for up to its lifetime; a few thousand live conversations fit).</summary>
    private const int MaxVerified = 10_000;

    private static readonly string HeaderText = Encoding.ASCII.GetString(Header);

    private readonly byte[] _key;
    private readonly TimeProvider _time;

    // Tokens whose signature and shape already checked out, with their claims: the HMAC (a fresh OpenSSL MAC context
    // per call) was the per-request cost of every Direct Line call. Only a token this key signed gets in, the key never
    // changes while the host runs, and expiry is still checked on every request (IsExpired), so a hit answers exactly
    // what verifying again would. Memory only; never written anywhere.
    private readonly ConcurrentDictionary<string, TokenClaims> _verified = new(StringComparer.Ordinal);

    /// <summary>Creates the service signing with <paramref name="key"/>.</summary>
    public TokenService(byte[] key, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(key);
        _key = key;
        _time = time;
    }

    /// <summary>A signature of <paramref name="value"/> safe for a URL (attachment links).</summary>
    public string Sign(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes("url:" + value), mac);
        return Base64Url.EncodeToString(mac[..18]);
    }

    /// <summary>Whether <paramref name="signature"/> is <see cref="Sign"/> of <paramref name="value"/>.</summary>
    public bool Verify(string value, string? signature) =>
        signature is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(value)), Encoding.ASCII.GetBytes(signature));

    /// <summary>A token for <paramref name="conversationId"/> and <paramref name="userId"/> valid for
    /// <paramref name="lifetime"/> from now.</summary>
    public string Issue(string conversationId, string userId, TimeSpan lifetime)
    {
        var now = _time.GetUtcNow();
        var payload = JsonSerializer.SerializeToUtf8Bytes(new TokenPayload
        {
            Conv = conversationId,
            User = userId,
            Iat = now.ToUnixTimeSeconds(),
            Exp = (now + lifetime).ToUnixTimeSeconds(),
        }, TokenJsonContext.Default.TokenPayload);
        var signed = new List<byte>(Header.Length + payload.Length * 2);
        signed.AddRange(Header);
        signed.AddRange(Encoding.ASCII.GetBytes(Base64Url.EncodeToString(payload)));
        var body = signed.ToArray();
        var mac = HMACSHA256.HashData(_key, body);
        return Encoding.ASCII.GetString(body) + "." + Base64Url.EncodeToString(mac);
    }

    /// <summary>Checks the signature and shape of <paramref name="token"/>; null when it is not one of ours. The
    /// expiry is not checked here (see <see cref="IsExpired"/>).</summary>
    public TokenClaims? Read(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (_verified.TryGetValue(token, out var known))
        {
            return known;
        }

        var claims = Verify(token);
        if (claims is not null)
        {
            if (_verified.Count >= MaxVerified)
            {
                _verified.Clear();
            }

            _verified[token] = claims;
        }

        return claims;
    }

    /// <summary>Whether the token's time is up on the host's clock.</summary>
    public bool IsExpired(TokenClaims claims)
    {
        ArgumentNullException.ThrowIfNull(claims);
        return _time.GetUtcNow() >= claims.ExpiresAt;
    }

    private TokenClaims? Verify(string token)
    {
        var lastDot = token.LastIndexOf('.');
        if (token.Length > 2048 || lastDot <= 0 || !token.StartsWith(HeaderText, StringComparison.Ordinal))
        {
            return null;
        }

        Span<byte> expected = stackalloc byte[32];
        HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(token.AsSpan(0, lastDot).ToString()), expected);
        Span<byte> given = stackalloc byte[40];
        if (Base64Url.DecodeFromChars(token.AsSpan(lastDot + 1), given, out _, out var written) != System.Buffers.OperationStatus.Done
            || written != 32 || !CryptographicOperations.FixedTimeEquals(expected, given[..32]))
        {
            return null;
        }

        try
        {
            var payloadText = token.AsSpan(Header.Length, lastDot - Header.Length);
            var payload = JsonSerializer.Deserialize(Base64Url.DecodeFromChars(payloadText), TokenJsonContext.Default.TokenPayload);
            return payload is { Conv.Length: > 0, User.Length: > 0 }
                ? new TokenClaims(payload.Conv, payload.User, DateTimeOffset.FromUnixTimeSeconds(payload.Exp))
                : null;
        }
        catch (Exception ex) when (ex is JsonException or FormatException)
        {
            return null;
        }
    }
}
