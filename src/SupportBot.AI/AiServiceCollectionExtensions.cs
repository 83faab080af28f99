using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SupportBot.Core.Catalog;
using SupportBot.Core.Knowledge;
using SupportBot.Core.Safety;
using SupportBot.Core.Storage;
using SupportBot.Core.Understanding;

namespace SupportBot.AI;

/// <summary>Registers the optional AI (section <c>AI</c>): options validated at start-up when enabled, the chat client
/// with its timeout and breaker, the per-conversation budget, the background ticket summaries, the agents' draft
/// replies and the problem classifier the engine asks when its rules cannot tell (with AI off, the one that never has
/// an opinion).</summary>
public static class AiServiceCollectionExtensions
{
    /// <summary>Adds the AI services; they make no call unless <c>AI:Enabled</c> is true.</summary>
    public static IServiceCollection AddSupportBotAI(this IServiceCollection services)
    {
        services.AddOptions<AiOptions>().BindConfiguration(AiOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AiOptions>, AiOptionsValidator>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<AiOptions>>().Value);
        services.AddSingleton(sp => new AiChatClient(
            sp.GetRequiredService<AiOptions>(),
            new HttpClient { Timeout = Timeout.InfiniteTimeSpan },
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<AiChatClient>>()));
        services.AddSingleton(sp => new AiCallBudget(sp.GetRequiredService<AiOptions>().MaxCallsPerConversation));
        services.AddSingleton(sp => new TicketSummaryPrompt(sp.GetRequiredService<ISecretScanner>()));
        services.AddSingleton(sp => new ModelOutputCheck(
            sp.GetRequiredService<IOutboundGuard>(), sp.GetRequiredService<ISecretScanner>()));
        services.AddSingleton<TicketSummarizer>();
        services.AddSingleton(sp => new ProblemClassificationPrompt(sp.GetRequiredService<DialogCatalog>()));
        services.AddSingleton<IProblemClassifier>(sp => sp.GetRequiredService<AiOptions>().Enabled
            ? ActivatorUtilities.CreateInstance<ModelProblemClassifier>(sp)
            : NoProblemClassifier.Instance);
        services.AddHostedService<TicketSummaryService>();

        // The client is made on first use only: with AI off (and no endpoint) the suggester answers "off" without it.
        services.AddSingleton(sp => new ReplySuggester(
            sp.GetRequiredService<AiOptions>(),
            new Lazy<AiChatClient>(sp.GetRequiredService<AiChatClient>),
            sp.GetRequiredService<ITicketStore>(),
            sp.GetRequiredService<IConversationStore>(),
            sp.GetService<IKnowledgeBase>(),
            new SuggestedReplyPrompt(sp.GetRequiredService<ISecretScanner>()),
            sp.GetRequiredService<ModelOutputCheck>(),
            sp.GetRequiredService<ILogger<ReplySuggester>>()));
        return services;
    }
}
