using System.Security.Cryptography;
using System.Text;

namespace SupportBot.Host.AgentConsole;

/// <summary>A console session's token: 256 random bits carried (data-protected) in the cookie; the store keeps only
/// its SHA-256, so the session can be ended server-side and a database reader cannot forge one.</summary>
internal static class AgentSessionToken
{
    /// <summary>The claim that carries the token in the cookie.</summary>
    public const string ClaimType = "sb:session";

    public static string New() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
