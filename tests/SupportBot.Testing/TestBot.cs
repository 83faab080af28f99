using SupportBot.Core.Catalog;
using SupportBot.Core.Channels;
using SupportBot.Core.Engine;
using SupportBot.Core.Handoff;
using SupportBot.Core.Recognizers;
using SupportBot.Core.Routing;
using SupportBot.Core.Safety;
using SupportBot.Core.Understanding;
using SupportBot.Dialogs;
using SupportBot.Knowledge;
using SupportBot.Core.Knowledge;
using SupportBot.Storage.Memory;

namespace SupportBot.Testing;

/// <summary>The whole bot wired in memory over the real dialogs/ files: guard, engine, router, store. Tests talk to
/// it through <see cref="TestConversation"/>.</summary>
public sealed class TestBot
{
    private static readonly Lazy<DialogCatalog> ShippedCatalog = new(() => DialogCatalogLoader.Load(RepoPaths.Dialogs));

    // Built once per test run: indexing is cheap, but SmartCn's dictionaries take a moment to load.
    private static readonly Lazy<LuceneKnowledgeBase> ShippedKnowledge = new(() => new LuceneKnowledgeBase(ShippedCatalog.Value.Knowledge, ShippedCatalog.Value.Synonyms));

    /// <summary>The knowledge base over the shipped articles.</summary>
    public static IKnowledgeBase ShippedKnowledgeBase => ShippedKnowledge.Value;

    /// <summary>Wires a bot; <paramref name="channels"/> are the channel clients (for delete requests),
    /// <paramref name="classifier"/> the AI's problem classifier (none: AI off).</summary>
    public TestBot(
        ManualTimeProvider? time = null,
        EngineOptions? options = null,
        IEnumerable<IChannelClient>? channels = null,
        DialogCatalog? catalog = null,
        SupportOptions? support = null,
        IProblemClassifier? classifier = null)
    {
        Time = time ?? new ManualTimeProvider();
        Options = options ?? new EngineOptions();
        Catalog = catalog ?? ShippedCatalog.Value;
        Store = new InMemoryBotStore();
        var registry = new RecognizerRegistry();
        Engine = new DialogEngine(
            Catalog, SlotKinds.All.Select(registry.Get), Store, Store, Options, Time,
            catalog is null ? ShippedKnowledge.Value : new LuceneKnowledgeBase(catalog.Knowledge, catalog.Synonyms),
            classifier);
        Support = support ?? new SupportOptions();
        var hours = BusinessHours.Parse(Support.BusinessHours, Options.TimeZone);
        Queue = new QueueAdvisor(Store, Catalog, Support, hours);
        Events = new TicketEvents();
        var scanner = new SecretScanner();
        Desk = new TicketDesk(Store, Store, new OutboundGuard(scanner), scanner, Catalog, Events, Time);
        Router = new ConversationRouter(
            Engine,
            new SafetyGuard(scanner, Catalog),
            Store,
            Catalog,
            channels ?? [],
            Time,
            handoff: new RouterHandoff(new UserTickets(Store, Catalog, Support, Queue), Queue, Events, Attachments: null, OnCall: OnCall),
            options: Options);
    }

    /// <summary>The handoff settings (reopen window, business hours).</summary>
    public SupportOptions Support { get; }

    /// <summary>The queue advisor.</summary>
    public QueueAdvisor Queue { get; }

    /// <summary>Live ticket events.</summary>
    public TicketEvents Events { get; }

    /// <summary>The desk agents act through.</summary>
    public TicketDesk Desk { get; }

    /// <summary>Records on-call alerts.</summary>
    public RecordingOnCall OnCall { get; } = new();

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
