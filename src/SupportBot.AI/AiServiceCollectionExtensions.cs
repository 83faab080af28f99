using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SupportBot.Core.Knowledge;
using SupportBot.Core.Safety;
using SupportBot.Core.Storage;

namespace SupportBot.AI;

/// <summary>Registers the optional AI (section <c>AI</c>): options validated at start-up when enabled, the chat client
/// with its timeout and breaker, the per-conversation budget, the background ticket summaries and the agents' draft
/// replies.</summary>
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
