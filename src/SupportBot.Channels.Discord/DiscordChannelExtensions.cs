using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SupportBot.Channels.Discord.Gateway;
using SupportBot.Channels.Discord.Rest;
using SupportBot.Channels.Discord.Staff;
using SupportBot.Core.Agents;
using SupportBot.Core.Catalog;
using SupportBot.Core.Channels;
using SupportBot.Core.Engine;
using SupportBot.Core.Handoff;
using SupportBot.Core.Routing;
using SupportBot.Core.Safety;
using SupportBot.Core.Storage;

namespace SupportBot.Channels.Discord;

/// <summary>Registers the Discord channel.</summary>
public static class DiscordChannelExtensions
{
    /// <summary>Binds and validates section <c>Discord</c> (see <see cref="DiscordOptions"/>); when a bot token is set,
    /// registers the channel client (as <see cref="IChannelClient"/>) and the hosted service that runs the gateway.
    /// Call after the bot's own services.</summary>
    public static IHostApplicationBuilder AddDiscordChannel(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<DiscordOptions>().BindConfiguration(DiscordOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DiscordOptions>, DiscordOptionsValidator>());
        var configured = builder.Configuration.GetSection(DiscordOptions.SectionName).Get<DiscordOptions>() ?? new DiscordOptions();
        if (!configured.Enabled)
        {
            return builder;
        }

        services.AddSingleton(sp => sp.GetRequiredService<IOptions<DiscordOptions>>().Value);
        services.AddSingleton(sp => new DiscordRestClient(
            new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            {
                Timeout = TimeSpan.FromSeconds(30),
            },
            sp.GetRequiredService<DiscordOptions>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<DiscordRestClient>>()));
        services.AddSingleton<DiscordChannelClient>();
        services.AddSingleton<IChannelClient>(sp => sp.GetRequiredService<DiscordChannelClient>());
        services.AddSingleton<DiscordGateway>();
        if (configured.StaffEnabled)
        {
            services.AddSingleton(Staff);
        }

        services.AddSingleton(sp => new DiscordInbound(
            sp.GetRequiredService<DiscordOptions>(),
            sp.GetRequiredService<DiscordRestClient>(),
            sp.GetRequiredService<DiscordChannelClient>(),
            sp.GetRequiredService<ConversationRouter>(),
            sp.GetRequiredService<DialogEngine>(),
            sp.GetRequiredService<IConversationStore>(),
            sp.GetRequiredService<ISecretScanner>(),
            sp.GetRequiredService<DialogCatalog>(),
            sp.GetService<StaffThreads>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<DiscordInbound>>()));
        services.AddSingleton(sp => new DiscordChannelService(
            sp.GetRequiredService<DiscordOptions>(),
            sp.GetRequiredService<DialogCatalog>(),
            sp.GetRequiredService<DiscordGateway>(),
            sp.GetRequiredService<DiscordInbound>(),
            sp.GetRequiredService<DiscordRestClient>(),
            sp.GetRequiredService<TicketEvents>(),
            sp.GetRequiredService<ILogger<DiscordChannelService>>(),
            sp.GetService<StaffThreads>()));
        services.AddHostedService(sp => sp.GetRequiredService<DiscordChannelService>());
        return builder;
    }

    private static StaffThreads Staff(IServiceProvider sp)
    {
        var options = sp.GetRequiredService<DiscordOptions>();
        var state = sp.GetService<IChannelStateStore>()
            ?? throw new InvalidOperationException(
                "Discord:StaffChannelId is set, but the configured store keeps no channel state (IChannelStateStore).");
        return new StaffThreads(
            options,
            sp.GetRequiredService<DiscordRestClient>(),
            sp.GetRequiredService<DialogCatalog>(),
            sp.GetRequiredService<TicketDesk>(),
            sp.GetRequiredService<ITicketStore>(),
            sp.GetRequiredService<IConversationStore>(),
            state,
            sp.GetService<IAgentStore>(),
            sp.GetRequiredService<ILogger<StaffThreads>>());
    }
}
