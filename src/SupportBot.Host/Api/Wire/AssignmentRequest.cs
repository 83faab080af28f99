using System.Text.Json.Serialization;

namespace SupportBot.Host.Api.Wire;

/// <summary>Body of <c>POST /api/tickets/{number}/assignment</c>: <c>{"agent":"NAME"}</c> assigns (taking it from
/// whoever has it), <c>{"agent":null}</c> unassigns. The property is required, so a typo cannot unassign.</summary>
public sealed class AssignmentRequest
{
    private string? _agent;

    /// <summary>The agent's name, or null to unassign.</summary>
    public string? Agent
    {
        get => _agent;
        set
        {
            _agent = value;
            AgentGiven = true;
        }
    }

    /// <summary>Whether the body named <c>agent</c> at all (null included).</summary>
    [JsonIgnore]
    public bool AgentGiven { get; private set; }
}
