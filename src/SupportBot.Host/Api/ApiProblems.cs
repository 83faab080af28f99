using Microsoft.AspNetCore.Http.HttpResults;

namespace SupportBot.Host.Api;

/// <summary>The API's errors: RFC 9457 problem details (<c>application/problem+json</c>) whose <c>detail</c> says
/// in plain English what is wrong and, where it helps, what to do.</summary>
internal static class ApiProblems
{
    public static ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "Bad request");

    public static ProblemHttpResult Unauthorized(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized");

    public static ProblemHttpResult TooManyRequests(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests");

    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    public static ProblemHttpResult Unavailable(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Service unavailable");

    public static ProblemHttpResult TicketNotFound(long number) =>
        NotFound($"Ticket {number} does not exist.");

    public static ProblemHttpResult Conflict(string detail, string? assignee = null) =>
        TypedResults.Problem(
            detail,
            statusCode: StatusCodes.Status409Conflict,
            title: "Conflict",
            extensions: assignee is null ? null : new Dictionary<string, object?> { ["assignee"] = assignee });

    public static ProblemHttpResult Blocked(string detail, string secret) =>
        TypedResults.Problem(
            detail,
            statusCode: StatusCodes.Status422UnprocessableEntity,
            title: "Blocked by the outbound guard",
            extensions: new Dictionary<string, object?> { ["secret"] = secret });
}
