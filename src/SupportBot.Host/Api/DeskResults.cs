using SupportBot.Core.Catalog;
using SupportBot.Core.Handoff;
using SupportBot.Core.Safety;

namespace SupportBot.Host.Api;

/// <summary>A desk outcome as an HTTP answer: done → 200 with the ticket, not found → 404, claimed by another agent
/// or not allowed from the ticket's current state → 409, stopped by the outbound guard → 422.</summary>
internal static class DeskResults
{
    private const string OutboundPrefix = "safety.outbound.";

    public static IResult From(DeskResult result, long number, DialogCatalog catalog, bool isNote = false)
    {
        ArgumentNullException.ThrowIfNull(result);
        switch (result.Outcome)
        {
            case DeskOutcome.Done when result.Ticket is { } ticket:
                return TypedResults.Json(ApiMapper.ToDto(ticket), ApiJsonContext.Default.TicketDto);
            case DeskOutcome.AlreadyClaimed:
                var claimedBy = result.ClaimedBy ?? "another agent";
                return ApiProblems.Conflict(
                    $"Ticket {number} is assigned to {claimedBy}; only {claimedBy} can reply to it. Reply as "
                    + $"{claimedBy}, or reassign it first with POST /api/tickets/{number}/assignment.",
                    claimedBy);
            case DeskOutcome.Blocked:
                var kind = result.BlockedSecret ?? SecretKind.Password;
                var key = TextKeys.OutboundBlocked(kind);
                var detail = isNote
                    ? $"Note not saved: it contains a {Describe(kind)}, and secrets must never be stored. Remove it "
                      + "and try again."
                    : catalog.Text(key).Get(Locales.Supported.English);
                return ApiProblems.Blocked(detail, key[OutboundPrefix.Length..]);
            case DeskOutcome.Invalid:
                return ApiProblems.Conflict(result.Problem ?? $"Ticket {number} cannot be changed that way now.");
            default:
                return ApiProblems.TicketNotFound(number);
        }
    }

    private static string Describe(SecretKind kind) => kind switch
    {
        SecretKind.SeedPhrase => "seed phrase",
        SecretKind.PrivateKey => "private key",
        SecretKind.VerificationCode => "verification code",
        _ => "password or API secret",
    };
}
