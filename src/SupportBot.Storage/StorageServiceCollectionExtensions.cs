using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SupportBot.Core.Agents;
using SupportBot.Core.Safety;
using SupportBot.Core.Storage;
using SupportBot.Storage.Attachments;

namespace SupportBot.Storage;

/// <summary>Registers the configured store.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>Binds section <c>Storage</c> (<c>Provider</c>: <c>Sqlite</c> (default) or <c>Memory</c>;
    /// <c>Sqlite:Path</c>, default <c>data/supportbot.db</c>, relative to the current directory;
    /// <c>Attachments:Path</c>, default <c>data/attachments</c>, relative to the content root, and
    /// <c>Attachments:MaxBytes</c>, default 10 MiB) and registers one store instance as
    /// <see cref="IConversationStore"/>, <see cref="ITicketStore"/>, <see cref="IOutboxStore"/>,
    /// <see cref="IAgentStore"/>, <see cref="IAgentDirectory"/> and <see cref="IChannelStateStore"/>, plus the
    /// <see cref="FileAttachmentStore"/> as <see cref="IAttachmentStore"/>. An invalid section fails start-up (with <c>ValidateOnStart</c>) or the
    /// first resolution with an <see cref="OptionsValidationException"/> naming the key.</summary>
    public static IServiceCollection AddSupportBotStorage(
        this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<StorageRoot>();
        services.TryAddSingleton(sp => (IConversationStore)sp.GetRequiredService<StorageRoot>().Store);
        services.TryAddSingleton(sp => (ITicketStore)sp.GetRequiredService<StorageRoot>().Store);
        services.TryAddSingleton(sp => (IOutboxStore)sp.GetRequiredService<StorageRoot>().Store);
        services.TryAddSingleton(sp => (IAgentDirectory)sp.GetRequiredService<StorageRoot>().Store);
        services.TryAddSingleton(sp => (IChannelStateStore)sp.GetRequiredService<StorageRoot>().Store);
        services.TryAddSingleton(sp => (IAgentStore)sp.GetRequiredService<StorageRoot>().Store);
        services.TryAddSingleton(sp => (IAgentSessionStore)sp.GetRequiredService<StorageRoot>().Store);
        services.TryAddSingleton(sp => (ITicketSearchStore)sp.GetRequiredService<StorageRoot>().Store);
        services.TryAddSingleton(sp => (IReportStore)sp.GetRequiredService<StorageRoot>().Store);
        services.TryAddSingleton(sp => (ITicketSummaryStore)sp.GetRequiredService<StorageRoot>().Store);
        services.TryAddSingleton<IAttachmentStore>(sp =>
        {
            var attachments = sp.GetRequiredService<IOptions<StorageOptions>>().Value.Attachments;
            var root = sp.GetService<IHostEnvironment>()?.ContentRootPath ?? Directory.GetCurrentDirectory();
            return new FileAttachmentStore(Path.GetFullPath(attachments.Path, root), attachments.MaxBytes);
        });
        return services;
    }
}
