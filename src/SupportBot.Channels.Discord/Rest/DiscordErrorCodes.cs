namespace SupportBot.Channels.Discord.Rest;

/// <summary>JSON error codes we act on (protocols.md B.1).</summary>
internal static class DiscordErrorCodes
{
    public const int UnknownChannel = 10003;
    public const int UnknownMessage = 10008;
    public const int MissingAccess = 50001;
    public const int CannotExecuteOnDm = 50003;
    public const int CannotMessageUser = 50007;
    public const int MissingPermissions = 50013;
}
