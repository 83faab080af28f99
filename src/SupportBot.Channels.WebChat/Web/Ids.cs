using System.Buffers.Text;
using System.Security.Cryptography;

namespace SupportBot.Channels.WebChat.Web;

/// <summary>Random ids: conversations, users (<c>dl_…</c>, the prefix Direct Line gives ids it vouches for) and
/// uploaded files.</summary>
public static class Ids
{
    /// <summary>A new random id (22 URL-safe characters).</summary>
    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));

    /// <summary>A new user id.</summary>
    public static string NewUser() => "dl_" + New();

    /// <summary>Whether <paramref name="id"/> looks like one of our ids (guards routes and user-given user ids).</summary>
    public static bool IsValid(string? id) =>
        id is { Length: > 0 and <= 64 } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
