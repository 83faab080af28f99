using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace SupportBot.Channels.WebChat.Protocol;

/// <summary>Direct Line's error shape, <c>{"error":{"code":"…","message":"…"}}</c>, with the status codes
/// DirectLineJS reacts to (403 → ExpiredToken, 404 → Ended). Messages never quote a token or user text.</summary>
public static class DirectLineError
{
    /// <summary>The response for <paramref name="status"/> with <paramref name="code"/>.</summary>
    public static IResult Of(int status, string code, string message, TimeSpan? retryAfter = null) =>
        new ErrorResult(status, code, message, retryAfter);

    /// <summary>401: no or malformed Authorization.</summary>
    public static IResult MissingAuthorization() =>
        Of(StatusCodes.Status401Unauthorized, "BadArgument", "Missing or malformed Authorization header (Bearer <token or secret>).");

    /// <summary>403: a token or secret that is not ours.</summary>
    public static IResult InvalidToken() =>
        Of(StatusCodes.Status403Forbidden, "BadArgument", "The token or secret is not valid.");

    /// <summary>403 TokenExpired.</summary>
    public static IResult Expired() =>
        Of(StatusCodes.Status403Forbidden, "TokenExpired", "The token has expired.");

    /// <summary>403: the token belongs to another conversation.</summary>
    public static IResult OtherConversation() =>
        Of(StatusCodes.Status403Forbidden, "BadArgument", "The token is not valid for this conversation.");

    /// <summary>404: no such conversation.</summary>
    public static IResult NotFound() =>
        Of(StatusCodes.Status404NotFound, "BadArgument", "Conversation not found.");

    /// <summary>400 with <paramref name="message"/>.</summary>
    public static IResult BadArgument(string message) =>
        Of(StatusCodes.Status400BadRequest, "BadArgument", message);

    /// <summary>413.</summary>
    public static IResult TooBig(long limit) =>
        Of(StatusCodes.Status413PayloadTooLarge, "MessageSizeTooBig",
            "The request is larger than " + limit.ToString(CultureInfo.InvariantCulture) + " bytes.");

    /// <summary>429 with Retry-After.</summary>
    public static IResult TooManyRequests(TimeSpan retryAfter) =>
        Of(StatusCodes.Status429TooManyRequests, "TooManyRequests", "Too many requests; retry later.", retryAfter);

    private sealed class ErrorResult(int status, string code, string message, TimeSpan? retryAfter) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            ArgumentNullException.ThrowIfNull(httpContext);
            httpContext.Response.StatusCode = status;
            if (retryAfter is { } wait)
            {
                httpContext.Response.Headers.RetryAfter =
                    Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            }

            return httpContext.Response.WriteAsJsonAsync(new ErrorBody(new ErrorDetail(code, message)));
        }
    }

    /// <summary>The body.</summary>
    public sealed record ErrorBody(ErrorDetail Error);

    /// <summary>The error.</summary>
    public sealed record ErrorDetail(string Code, string Message);
}
