using SupportBot.Core.Catalog;
using SupportBot.Core.Channels;
using SupportBot.Core.Engine;
using SupportBot.Core.Recognizers;
using SupportBot.Core.Routing;
using SupportBot.Core.Safety;
using SupportBot.Dialogs;
using SupportBot.Storage.Memory;

namespace SupportBot.Testing;

/// <summary>The whole bot wired in memory over the real dialogs/ files: guard, engine, router, store. Tests talk to
/// it through <see cref="TestConversation"/>.</summary>
public sealed class TestBot
{
    private static readonly Lazy<DialogCatalog> ShippedCatalog = new(() => DialogCatalogLoader.Load(RepoPaths.Dialogs));

    /// <summary>Wires a bot; <paramref name="channels"/> are the channel clients (for delete requests).</summary>
    public TestBot(
        ManualTimeProvider? time = null,
        EngineOptions? options = null,
        IEnumerable<IChannelClient>? channels = null,
        DialogCatalog? catalog = null)
    {
        Time = time ?? new ManualTimeProvider();
        Options = options ?? new EngineOptions();
        Catalog = catalog ?? ShippedCatalog.Value;
        Store = new InMemoryBotStore();
        var registry = new RecognizerRegistry();
        Engine = new DialogEngine(
            Catalog, SlotKinds.All.Select(registry.Get), Store, Store, Options, Time);
        Router = new ConversationRouter(
            Engine, new SafetyGuard(new SecretScanner(), Catalog), Store, Catalog, channels ?? [], Time);
    }

    /// <summary>The real shipped catalog (loaded once per test run).</summary>
    public static DialogCatalog Shipped => ShippedCatalog.Value;

    /// <summary>The clock.</summary>
    public ManualTimeProvider Time { get; }

    /// <summary>The engine options.</summary>
    public EngineOptions Options { get; }

    /// <summary>The catalog.</summary>
    public DialogCatalog Catalog { get; }

    /// <summary>The store.</summary>
    public InMemoryBotStore Store { get; }

    /// <summary>The engine.</summary>
    public DialogEngine Engine { get; }

    /// <summary>The router.</summary>
    public ConversationRouter Router { get; }

    /// <summary>A conversation of one user on one channel.</summary>
    public TestConversation Conversation(string user = "user-1", string channel = "test", string? locale = null) =>
        new(this, channel, user, locale);
}
