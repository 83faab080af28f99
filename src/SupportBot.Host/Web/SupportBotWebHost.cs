using SupportBot.Channels.WebChat;
using SupportBot.Core.Catalog;
using SupportBot.Host.AgentConsole;
using SupportBot.Host.Api;
using SupportBot.Host.Composition;

namespace SupportBot.Host.Web;

/// <summary>The service host: ASP.NET Core with the health endpoint; the web chat and the agent console map their
/// endpoints here as they arrive.</summary>
public static class SupportBotWebHost
{
    /// <summary>Builds the application (tests call this with their own arguments).</summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        ProgramFolderSettings.Add(builder.Configuration);
        builder.AddSupportBot();
        SupportBot.Channels.Telegram.TelegramChannelExtensions.AddTelegramChannel(builder);
        SupportBot.Channels.Discord.DiscordChannelExtensions.AddDiscordChannel(builder);
        builder.AddAgentConsole();
        builder.AddSupportBotApi();
        builder.AddWebChat();
        configure?.Invoke(builder);
        var app = builder.Build();
        app.Services.ValidateSupportBot();
        SupportBot.Channels.Telegram.TelegramChannelExtensions.MapTelegramWebhook(app);
        app.MapGet("/healthz", (DialogCatalog catalog) => TypedResults.Ok(new HealthReport("ok", catalog.Problems.Count)))
            .WithName("Health");
        app.MapAgentConsole();
        app.MapSupportBotApi();
        app.MapWebChat();
        return app;
    }

    /// <summary>Runs until stopped.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        await using var app = Build(args);
        await app.RunAsync();
        return 0;
    }
}
