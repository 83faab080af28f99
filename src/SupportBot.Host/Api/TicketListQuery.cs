using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using SupportBot.Core.Agents;
using SupportBot.Core.Tickets;

namespace SupportBot.Host.Api;

/// <summary>Turns the query string of <c>GET /api/tickets</c> into a <see cref="TicketQuery"/>, or into a 400 that
/// names the parameter and the value that is wrong.</summary>
internal static class TicketListQuery
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 500;

    public static async Task<(TicketQuery? Query, ProblemHttpResult? Problem)> ParseAsync(
        string[]? status,
        string? priority,
        string? channel,
        string? category,
        string? assignee,
        string? unassigned,
        string? limit,
        string? offset,
        IAgentStore agents,
        CancellationToken cancellationToken)
    {
        var statuses = new List<TicketStatus>();
        foreach (var name in (status ?? []).SelectMany(s => s.Split(',', StringSplitOptions.TrimEntries))
                     .Where(s => s.Length > 0))
        {
            if (TicketLifecycle.Parse(name) is not { } parsed)
            {
                return Bad($"Unknown status {Quote(name)}; use new, assigned, waiting_on_user, resolved or closed "
                    + "(several separated by commas).");
            }

            if (!statuses.Contains(parsed))
            {
                statuses.Add(parsed);
            }
        }

        var query = new TicketQuery { Statuses = statuses, Channel = Blank(channel), Category = Blank(category) };
        if (Blank(priority) is { } priorityName)
        {
            if (ApiMapper.ParsePriority(priorityName) is not { } parsed)
            {
                return Bad($"Unknown priority {Quote(priorityName)}; use urgent, high, normal or low.");
            }

            query = query with { Priority = parsed };
        }

        if (!TryParseInt(limit, DefaultLimit, out var pageSize) || pageSize is < 1 or > MaxLimit)
        {
            return Bad($"limit must be a whole number from 1 to {MaxLimit} (got {Quote(limit)}).");
        }

        if (!TryParseInt(offset, 0, out var skip) || skip < 0)
        {
            return Bad($"offset must be a whole number, 0 or more (got {Quote(offset)}).");
        }

        query = query with { Limit = pageSize, Offset = skip };
        bool unassignedOnly;
        if (Blank(unassigned) is not { } flag)
        {
            unassignedOnly = false;
        }
        else if (!bool.TryParse(flag, out unassignedOnly))
        {
            return Bad($"unassigned must be true or false (got {Quote(flag)}).");
        }

        if (Blank(assignee) is { } agentName)
        {
            if (unassignedOnly)
            {
                return Bad("Use either assignee or unassigned=true, not both.");
            }

            var agent = await agents.FindAgentByNameAsync(agentName, cancellationToken);
            if (agent is null)
            {
                return Bad($"No agent named {Quote(agentName)} (assignee takes an agent's sign-in name).");
            }

            query = query with { AssigneeId = agent.Id };
        }

        return (query with { UnassignedOnly = unassignedOnly }, null);
    }

    /// <summary>A value quoted for an error message, cut short so a long parameter cannot bloat the answer.</summary>
    public static string Quote(string? value) =>
        value is null ? "nothing" : "'" + (value.Length > 64 ? value[..64] + "…" : value) + "'";

    private static bool TryParseInt(string? text, int fallback, out int value)
    {
        if (Blank(text) is not { } given)
        {
            value = fallback;
            return true;
        }

        return int.TryParse(given, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static (TicketQuery?, ProblemHttpResult?) Bad(string detail) => (null, ApiProblems.BadRequest(detail));
}
