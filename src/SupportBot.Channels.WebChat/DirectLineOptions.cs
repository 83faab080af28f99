namespace SupportBot.Channels.WebChat;

/// <summary>The web chat's settings, configuration section <c>DirectLine</c>:
/// <code>
/// "DirectLine": {
///   "Enabled": true,
///   "Secret": "",                          // empty: POST /v3/directline/tokens/generate is off
///   "TokenLifetime": "00:30:00",
///   "ResumeWindow": "1.00:00:00",          // an expired token still buys a new one for its conversation this long
///   "AllowedOrigins": [ "http://localhost:5000" ],
///   "MaxActivityBytes": 65536,
///   "MaxUploadBytes": 10485760,
///   "MaxUploadBytesPerConversation": 52428800,   // files kept for one conversation
///   "MaxUploadStorageBytes": 1073741824,         // files kept for all conversations together
///   "RatePerMinute": 60,                   // POSTs per conversation
///   "IpRatePerMinute": 600,                // POSTs per client address (tokens, starts, activities, uploads)
///   "KeepAliveInterval": "00:00:15",
///   "BotName": "SupportBot",
///   "DatabasePath": "",                    // empty: webchat.db next to Storage:Sqlite:Path
///   "SigningKey": ""                       // empty: generated once and kept in the web chat database
/// }
/// </code></summary>
public sealed class DirectLineOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "DirectLine";

    /// <summary>Whether the Direct Line endpoint and the widget pages are served.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The site's secret for <c>tokens/generate</c> (and master key of every conversation); empty turns
    /// that route off. Never logged.</summary>
    public string Secret { get; set; } = "";

    /// <summary>How long a token is valid; refresh extends it by as much again.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How long after expiry a token may still be traded at <c>POST /webchat/token</c> for a fresh one of the
    /// same conversation (a page reloaded after a long pause).</summary>
    public TimeSpan ResumeWindow { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Origins (scheme://host[:port]) whose pages may call the endpoint from a browser.</summary>
    public IList<string> AllowedOrigins { get; } = [];

    /// <summary>Largest activity JSON accepted by <c>POST …/activities</c>.</summary>
    public int MaxActivityBytes { get; set; } = 64 * 1024;

    /// <summary>Largest upload request accepted by <c>POST …/upload</c>.</summary>
    public long MaxUploadBytes { get; set; } = 10L * 1024 * 1024;

    /// <summary>Bytes of uploaded files kept for one conversation; a file beyond it is not kept and the user is told.</summary>
    public long MaxUploadBytesPerConversation { get; set; } = 50L * 1024 * 1024;

    /// <summary>Bytes of uploaded files kept for all conversations together; a file beyond it is not kept and the
    /// user is told.</summary>
    public long MaxUploadStorageBytes { get; set; } = 1024L * 1024 * 1024;

    /// <summary>POSTs (activities and uploads) one conversation may make per minute.</summary>
    public int RatePerMinute { get; set; } = 60;

    /// <summary>POSTs one client address may make per minute (tokens, conversation starts, activities, uploads).</summary>
    public int IpRatePerMinute { get; set; } = 600;

    /// <summary>How often an idle WebSocket gets an empty keep-alive message.</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The bot's <c>from.name</c> on its activities.</summary>
    public string BotName { get; set; } = "SupportBot";

    /// <summary>The web chat database file; empty puts <c>webchat.db</c> beside the bot's SQLite store.</summary>
    public string DatabasePath { get; set; } = "";

    /// <summary>Base64 key (32 bytes or more) that signs tokens; empty generates one and keeps it in the database.</summary>
    public string SigningKey { get; set; } = "";
}
