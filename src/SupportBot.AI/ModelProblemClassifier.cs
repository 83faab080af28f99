using Microsoft.Extensions.Logging;
using SupportBot.Core.Activities;
using SupportBot.Core.Safety;
using SupportBot.Core.Understanding;

namespace SupportBot.AI;

/// <summary>Asks the model which problem a message is about when the rules cannot tell. A message in which the secret
/// scanner finds anything is never sent (the safety guard has already dealt with it), each call takes one from the
/// conversation's budget, and every failure (down, slow, breaker open, not the asked JSON) is "no opinion", so the
/// turn goes on exactly as with AI off.</summary>
internal sealed class ModelProblemClassifier(
    AiChatClient client,
    AiCallBudget budget,
    ProblemClassificationPrompt prompt,
    ISecretScanner secretScanner,
    ILogger<ModelProblemClassifier> logger) : IProblemClassifier
{
    private const string Purpose = "classification";

    public async ValueTask<ProblemClassification?> ClassifyAsync(
        ConversationKey conversation, string text, string locale, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(text) || secretScanner.Scan(text, ScanContext.None).HasSecrets)
        {
            return null;
        }

        if (!budget.TryTake(conversation))
        {
            AiLog.TurnOverBudget(logger, Purpose);
            return null;
        }

        var (system, user) = prompt.Build(text, locale);
        var reply = await client.CompleteAsync(Purpose, system, user, cancellationToken, prompt.ResponseFormat);
        if (reply is null)
        {
            return null;
        }

        var classification = ProblemClassificationReader.Read(reply.Text, out var reason);
        if (classification is null)
        {
            AiLog.TurnDropped(logger, Purpose, reason);
        }

        return classification;
    }
}
