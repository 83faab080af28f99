using Microsoft.Extensions.Logging;
using SupportBot.Core.Knowledge;
using SupportBot.Core.Storage;

namespace SupportBot.AI;

/// <summary>Drafts a reply for the agent on request ("Suggest reply" in the console, <c>POST
/// /api/tickets/{id}/suggested-reply</c>): the ticket's redacted transcript and the matching knowledge passages go to
/// the model, the answer goes through <see cref="ModelOutputCheck"/>, and the draft is returned to the agent, who
/// edits and sends it with the ordinary reply action. It never sends anything itself and stores nothing. Not taken
/// from the conversation's <see cref="AiCallBudget"/>: that budget caps the calls a user's chat can cause, and this
/// call is a signed-in agent's choice.</summary>
public sealed class ReplySuggester
{
    private const string Purpose = "reply";

    // The user's most recent lines are searched, newest first; at most this many distinct articles go to the model.
    private const int QuestionLines = 3;
    private const int MaxPassages = 2;

    private readonly AiOptions _options;
    private readonly Lazy<AiChatClient> _client;
    private readonly ITicketStore _tickets;
    private readonly IConversationStore _conversations;
    private readonly IKnowledgeBase? _knowledge;
    private readonly SuggestedReplyPrompt _prompt;
    private readonly ModelOutputCheck _check;
    private readonly ILogger _logger;

    internal ReplySuggester(
        AiOptions options,
        Lazy<AiChatClient> client,
        ITicketStore tickets,
        IConversationStore conversations,
        IKnowledgeBase? knowledge,
        SuggestedReplyPrompt prompt,
        ModelOutputCheck check,
        ILogger<ReplySuggester> logger)
    {
        _options = options;
        _client = client;
        _tickets = tickets;
        _conversations = conversations;
        _knowledge = knowledge;
        _prompt = prompt;
        _check = check;
        _logger = logger;
    }

    /// <summary>Whether drafts can be asked for at all (the console shows its button only then).</summary>
    public bool Enabled => _options.Enabled;

    /// <summary>A draft reply to ticket <paramref name="number"/>'s user, in the ticket's language.</summary>
    public async Task<SuggestedReply> SuggestAsync(long number, CancellationToken cancellationToken)
    {
        if (!_options.Enabled)
        {
            return new SuggestedReply(SuggestedReplyOutcome.AiOff);
        }

        var ticket = await _tickets.GetTicketAsync(number, cancellationToken);
        if (ticket is null)
        {
            return new SuggestedReply(SuggestedReplyOutcome.NoTicket);
        }

        var transcript = await _conversations.GetTranscriptAsync(ticket.Conversation, ticket.TranscriptFromSeq, cancellationToken);
        var passages = new List<KnowledgeAnswer>();
        if (_knowledge is not null)
        {
            var questions = transcript.Where(l => l.Direction == TranscriptDirection.User && l.Text.Length > 0)
                .Reverse().Take(QuestionLines);
            foreach (var question in questions)
            {
                // Searched with the prompt's own redacted text, so the search sees nothing the model may not.
                var found = _knowledge.Find(_prompt.Text.Clean(question.Text), ticket.Locale, ticket.Category);
                if (found is not null && passages.Count < MaxPassages && passages.All(p => p.ArticleId != found.ArticleId))
                {
                    passages.Add(found);
                }
            }
        }

        var (system, user) = _prompt.Build(ticket, transcript, passages, ticket.Locale);
        var reply = await _client.Value.CompleteAsync(Purpose, system, user, cancellationToken);
        if (reply is null)
        {
            return new SuggestedReply(SuggestedReplyOutcome.Unavailable);
        }

        var draft = _check.Check(reply.Text, out var reason);
        if (draft is null)
        {
            AiLog.Dropped(_logger, Purpose, number, reason);
            return new SuggestedReply(SuggestedReplyOutcome.Unavailable);
        }

        AiLog.ReplyDrafted(_logger, number, draft.Length, passages.Count);
        return new SuggestedReply(SuggestedReplyOutcome.Drafted, draft);
    }
}
