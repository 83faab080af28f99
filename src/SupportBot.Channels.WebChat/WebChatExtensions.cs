using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SupportBot.Channels.WebChat.Conversations;
using SupportBot.Channels.WebChat.Tokens;
using SupportBot.Channels.WebChat.Web;
using SupportBot.Core.Channels;

namespace SupportBot.Channels.WebChat;

/// <summary>Adds the web chat to the host: <c>builder.AddWebChat()</c> registers it, <c>app.MapWebChat()</c> serves
/// the Direct Line endpoint, the stream, the token route and the widget pages.</summary>
public static class WebChatExtensions
{
    private const string SigningKeyName = "token-signing-key";

    /// <summary>Registers the options (validated at start-up), the database, tokens, logs and the
    /// <c>webchat</c> channel client.</summary>
    public static IHostApplicationBuilder AddWebChat(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.AddOptions<DirectLineOptions>().BindConfiguration(DirectLineOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DirectLineOptions>, DirectLineOptionsValidator>();
        services.AddSingleton(sp => WebChatDatabase.Open(DatabasePath(sp.GetRequiredService<IOptions<DirectLineOptions>>().Value, configuration)));
        services.AddSingleton(sp => new TokenService(
            SigningKey(sp.GetRequiredService<IOptions<DirectLineOptions>>().Value, sp.GetRequiredService<WebChatDatabase>()),
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ConversationLogStore>();
        services.AddSingleton<PendingRedactions>();
        services.AddSingleton<ReplyAppender>();
        services.AddSingleton<FieldGuard>();
        services.AddSingleton<UploadKeeper>();
        services.AddSingleton<ActivityIntake>();
        services.AddSingleton<RateLimiter>();
        services.AddSingleton<DirectLineAuth>();
        services.AddSingleton<OriginPolicy>();
        services.AddSingleton<WebChatChannelClient>();
        services.AddSingleton<IChannelClient>(sp => sp.GetRequiredService<WebChatChannelClient>());
        return builder;
    }

    /// <summary>Maps the web chat (nothing when <c>DirectLine:Enabled</c> is false).</summary>
    public static WebApplication MapWebChat(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.Services.GetRequiredService<IOptions<DirectLineOptions>>().Value.Enabled)
        {
            return app;
        }

        _ = app.Services.GetRequiredService<TokenService>(); // open the database and the key at start, not first use
        WebChatTexts.Check(app.Services.GetRequiredService<Core.Catalog.DialogCatalog>());

        // Uploads kept by versions that stored every file whatever its type are never served; drop their bytes.
        app.Services.GetRequiredService<WebChatDatabase>().DeleteRefusedUploadsAsync().GetAwaiter().GetResult();
        var origins = app.Services.GetRequiredService<OriginPolicy>();
        app.Use((context, next) => origins.InvokeAsync(context, () => next(context)));
        app.UseWebSockets();
        WebChatEndpoints.Map(app);
        app.MapWebChatPages(); // the widget and /webchat-ms (WidgetEndpoints.cs)
        return app;
    }

    private static string DatabasePath(DirectLineOptions options, IConfiguration configuration)
    {
        if (options.DatabasePath.Length > 0)
        {
            return options.DatabasePath;
        }

        if (string.Equals(configuration["Storage:Provider"], "Memory", StringComparison.OrdinalIgnoreCase))
        {
            return ":memory:";
        }

        var store = configuration["Storage:Sqlite:Path"] is { Length: > 0 } path ? path : "data/supportbot.db";
        return Path.Combine(Path.GetDirectoryName(Path.GetFullPath(store))!, "webchat.db");
    }

    private static byte[] SigningKey(DirectLineOptions options, WebChatDatabase database)
    {
        if (options.SigningKey.Length > 0)
        {
            return Convert.FromBase64String(options.SigningKey);
        }

        // Generated once and kept in the web chat database, so tokens survive a restart.
        var stored = database.GetOrAddMetaAsync(
            SigningKeyName, () => Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)))
            .GetAwaiter().GetResult();
        return Convert.FromBase64String(stored);
    }
}
