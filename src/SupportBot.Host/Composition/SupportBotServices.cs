using Microsoft.Extensions.Options;
using SupportBot.AI;
using SupportBot.Core.Catalog;
using SupportBot.Core.Engine;
using SupportBot.Core.Knowledge;
using SupportBot.Core.Recognizers;
using SupportBot.Core.Routing;
using SupportBot.Core.Safety;
using SupportBot.Dialogs;
using SupportBot.Host.Handoff;
using SupportBot.Knowledge;
using SupportBot.Screenshots;
using SupportBot.Storage;

namespace SupportBot.Host.Composition;

/// <summary>Registers the bot's parts: the validated options, the dialog catalog, the recognizers, the safety guard,
/// the store, the engine, the router and the outbox dispatcher. Channels register their own clients.</summary>
public static class SupportBotServices
{
    /// <summary>Adds everything but the channels to <paramref name="builder"/>.</summary>
    public static IHostApplicationBuilder AddSupportBot(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<EngineOptions>()
            .BindConfiguration(EngineOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => IsKnownTimeZone(o.TimeZone), "Bot:TimeZone is not a time zone this machine knows (use an IANA id such as Asia/Shanghai or UTC).")
            .ValidateOnStart();
        services.AddOptions<DialogsOptions>().BindConfiguration(DialogsOptions.SectionName);

        services.AddSingleton(sp => LoadCatalog(
            sp.GetRequiredService<IOptions<DialogsOptions>>().Value, builder.Environment.ContentRootPath));
        services.AddSingleton<IKnowledgeBase>(sp =>
        {
            var catalog = sp.GetRequiredService<DialogCatalog>();
            return new BackgroundKnowledgeBase(
                () => new LuceneKnowledgeBase(catalog.Knowledge, catalog.Synonyms),
                sp.GetRequiredService<ILogger<BackgroundKnowledgeBase>>());
        });
        services.AddSingleton<RecognizerRegistry>();
        services.AddSingleton<ISecretScanner, SecretScanner>();
        services.AddSingleton<IOutboundGuard, OutboundGuard>();
        services.AddSingleton<SafetyGuard>();
        services.AddSupportBotStorage(builder.Configuration);
        services.AddSingleton(sp =>
        {
            var registry = sp.GetRequiredService<RecognizerRegistry>();
            return new DialogEngine(
                sp.GetRequiredService<DialogCatalog>(),
                SlotKinds.All.Select(registry.Get),
                sp.GetRequiredService<Core.Storage.ITicketStore>(),
                sp.GetRequiredService<IAgentDirectory>(),
                sp.GetRequiredService<IOptions<EngineOptions>>().Value,
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<IKnowledgeBase>(),
                sp.GetService<Core.Understanding.IProblemClassifier>());
        });
        services.AddSupportBotScreenshots(builder.Configuration);

        // The router refuses to store a message over Bot:MaxMessageLength (it stores the refusal instead).
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<EngineOptions>>().Value);
        services.AddSingleton<ConversationRouter>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddSingleton<OutboxSignal>();
        services.AddSupportHandoff();
        services.AddSupportBotAI();
        services.AddHostedService<Delivery.OutboxDeliveryService>();
        return builder;
    }

    /// <summary>Resolves the parts that fail on bad configuration or dialogs, so that start-up stops with a clear
    /// message instead of the first user message failing.</summary>
    public static void ValidateSupportBot(this IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        try
        {
            _ = services.GetRequiredService<IOptions<EngineOptions>>().Value;
            _ = services.GetRequiredService<IOptions<AiOptions>>().Value;
            _ = services.GetRequiredService<ConversationRouter>();
        }
        catch (OptionsValidationException ex)
        {
            throw new StartupException("Configuration error: " + string.Join(" ", ex.Failures), ex);
        }
    }

    private static DialogCatalog LoadCatalog(DialogsOptions options, string contentRoot)
    {
        var directory = options.Resolve(contentRoot)
            ?? throw new StartupException(
                $"Configuration error: Dialogs:Path '{options.Path}' is not a folder (looked under '{contentRoot}' and '{AppContext.BaseDirectory}').");
        try
        {
            return DialogCatalogLoader.Load(directory);
        }
        catch (DialogLoadException ex)
        {
            throw new StartupException("The dialog files have errors; fix them and start again:\n" + ex.Message, ex);
        }
    }

    private static bool IsKnownTimeZone(string id)
    {
        try
        {
            _ = TimeZoneInfo.FindSystemTimeZoneById(id);
            return true;
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            return false;
        }
    }
}
