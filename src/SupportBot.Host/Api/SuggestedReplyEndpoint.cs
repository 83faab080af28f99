using Microsoft.AspNetCore.Mvc;
using SupportBot.AI;
using SupportBot.Host.Api.Wire;

namespace SupportBot.Host.Api;

/// <summary><c>POST /api/tickets/{number}/suggested-reply</c>: the optional AI's draft reply, returned to the caller
/// and never sent to the user (the caller sends it, edited, through the replies route).</summary>
internal static class SuggestedReplyEndpoint
{
    public static async Task<IResult> SuggestAsync(
        long number, [FromServices] ReplySuggester suggester, CancellationToken cancellationToken)
    {
        var suggestion = await suggester.SuggestAsync(number, cancellationToken);
        return suggestion.Outcome switch
        {
            SuggestedReplyOutcome.Drafted => TypedResults.Json(
                new SuggestedReplyDto(suggestion.Draft!), ApiJsonContext.Default.SuggestedReplyDto),
            SuggestedReplyOutcome.NoTicket => ApiProblems.TicketNotFound(number),
            SuggestedReplyOutcome.AiOff => ApiProblems.Unavailable(
                "The AI is off (AI:Enabled is false), so no reply can be suggested."),
            _ => ApiProblems.Unavailable("The AI gave no usable draft (the model is unavailable or slow, or its text "
                + "failed the safety check); write the reply yourself or try again later."),
        };
    }
}
