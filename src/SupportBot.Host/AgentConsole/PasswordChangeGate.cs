namespace SupportBot.Host.AgentConsole;

/// <summary>An agent signed in with a one-time password (from <c>agent add</c> or a reset) may do nothing but choose
/// a new one: every other console call answers 403 with <see cref="ConsoleError.PasswordChangeRequired"/>.</summary>
internal static class PasswordChangeGate
{
    public static async ValueTask<object?> FilterAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var agent = await AgentPrincipal.CurrentAsync(context.HttpContext);
        if (agent is { MustChangePassword: true })
        {
            return TypedResults.Json(
                ConsoleTexts.Error(context.HttpContext, ConsoleTexts.PasswordChangeRequired) with { PasswordChangeRequired = true },
                statusCode: StatusCodes.Status403Forbidden);
        }

        return await next(context);
    }
}
