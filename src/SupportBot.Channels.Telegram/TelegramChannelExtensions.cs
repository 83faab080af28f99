using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SupportBot.Channels.Telegram.Agents;
using SupportBot.Channels.Telegram.Delivery;
using SupportBot.Channels.Telegram.Inbound;
using SupportBot.Core.Channels;

namespace SupportBot.Channels.Telegram;

/// <summary>Wires the Telegram channel into the host.</summary>
public static class TelegramChannelExtensions
{
    /// <summary>Binds and validates section <c>Telegram</c>. When <c>Telegram:BotToken</c> is set, registers the
    /// channel client (so the outbox delivers to Telegram), the receiver (polling or webhook worker) and, with
    /// <c>Telegram:AgentChatId</c>, the agent topics; without a token nothing else is registered.</summary>
    public static IHostApplicationBuilder AddTelegramChannel(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<TelegramOptions>().BindConfiguration(TelegramOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TelegramOptions>, TelegramOptionsValidator>());

        var options = new TelegramOptions();
        builder.Configuration.GetSection(TelegramOptions.SectionName).Bind(options);
        if (!options.Enabled)
        {
            return builder;
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<TelegramApiClient>();
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<TelegramOptions>>().Value;
            return new RateLimiter(sp.GetRequiredService<TimeProvider>(), o.PerChatMessagesPerSecond, o.GlobalMessagesPerSecond);
        });
        services.AddSingleton<CallbackData>();
        services.AddSingleton<ChatMigrations>();
        services.AddSingleton<TelegramMessenger>();
        services.AddSingleton<TelegramChannelClient>();
        services.AddSingleton<IChannelClient>(sp => sp.GetRequiredService<TelegramChannelClient>());
        services.AddSingleton<BotIdentity>();
        services.AddSingleton<WebhookQueue>();
        services.AddSingleton<AttachmentDownloader>();
        services.AddSingleton<AgentTopics>();
        services.AddSingleton<AgentTopicCommands>();
        services.AddSingleton<TelegramUpdateHandler>();
        services.AddHostedService<TelegramReceiverService>();
        if (options.AgentChatId is not null)
        {
            services.AddHostedService<AgentTopicService>();
        }

        return builder;
    }

    /// <summary>Maps the webhook endpoint (at the path of <c>Telegram:WebhookUrl</c>) when the channel runs in
    /// webhook mode; otherwise maps nothing.</summary>
    public static IEndpointRouteBuilder MapTelegramWebhook(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.ServiceProvider.GetRequiredService<IOptions<TelegramOptions>>().Value;
        if (options.Enabled && options.Mode == TelegramMode.Webhook)
        {
            app.MapPost(options.WebhookPath, TelegramWebhookEndpoint.HandleAsync)
                .WithName("TelegramWebhook")
                .ExcludeFromDescription();
        }

        return app;
    }
}
