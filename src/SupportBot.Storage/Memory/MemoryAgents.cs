using SupportBot.Core.Agents;
using SupportBot.Core.Safety;

namespace SupportBot.Storage.Memory;

/// <summary>The in-memory agent accounts and their channel links, behind one lock (agents change rarely).</summary>
internal sealed class MemoryAgents
{
    private readonly Dictionary<long, (Agent Agent, string PasswordHash)> _agents = [];
    private readonly Dictionary<(string Channel, string ExternalUserId), long> _links = [];
    private readonly Dictionary<string, long> _sessions = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private long _lastId;

    public Agent Create(NewAgent agent)
    {
        lock (_gate)
        {
            foreach (var (existing, _) in _agents.Values)
            {
                if (string.Equals(existing.Name, agent.Name, StringComparison.OrdinalIgnoreCase)
                    || string.Equals(existing.Code, agent.Code, StringComparison.OrdinalIgnoreCase))
                {
                    throw new DuplicateAgentException(agent.Name);
                }
            }

            var created = new Agent
            {
                Id = ++_lastId,
                Name = agent.Name,
                Role = agent.Role,
                Code = agent.Code,
                Active = true,
                CreatedAt = agent.CreatedAt,
                MustChangePassword = agent.MustChangePassword,
            };
            _agents[created.Id] = (created, agent.PasswordHash);
            return created;
        }
    }

    /// <summary>The test helper behind <see cref="InMemoryBotStore.AddAgent"/>: adds or updates by code.</summary>
    public void Put(AgentIdentity identity)
    {
        lock (_gate)
        {
            foreach (var (agent, hash) in _agents.Values)
            {
                if (string.Equals(agent.Code, identity.Code, StringComparison.OrdinalIgnoreCase))
                {
                    _agents[agent.Id] = (agent with { Name = identity.DisplayName, Active = identity.Active }, hash);
                    return;
                }
            }

            var id = ++_lastId;
            _agents[id] = (new Agent
            {
                Id = id,
                Name = identity.DisplayName,
                Role = AgentRole.Agent,
                Code = identity.Code,
                Active = identity.Active,
                CreatedAt = DateTimeOffset.UnixEpoch,
            }, "");
        }
    }

    public Agent? Get(long id)
    {
        lock (_gate)
        {
            return _agents.TryGetValue(id, out var row) ? WithLinks(row.Agent) : null;
        }
    }

    public Agent? FindByName(string name) => Find(a => string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase));

    public AgentIdentity? FindByCode(string code) =>
        Find(a => string.Equals(a.Code, code, StringComparison.OrdinalIgnoreCase)) is { } agent
            ? new AgentIdentity(agent.Code, agent.Name, agent.Active)
            : null;

    public Agent? FindByLink(string channel, string externalUserId)
    {
        lock (_gate)
        {
            return _links.TryGetValue((channel, externalUserId), out var id) && _agents.TryGetValue(id, out var row)
                ? WithLinks(row.Agent)
                : null;
        }
    }

    public IReadOnlyList<Agent> List()
    {
        lock (_gate)
        {
            return
            [
                .. _agents.Values
                    .Select(r => WithLinks(r.Agent))
                    .OrderBy(a => a.Name, StringComparer.OrdinalIgnoreCase)
                    .ThenBy(a => a.Id),
            ];
        }
    }

    public string? GetPasswordHash(long id)
    {
        lock (_gate)
        {
            return _agents.TryGetValue(id, out var row) ? row.PasswordHash : null;
        }
    }

    public void SetPasswordHash(long id, string passwordHash)
    {
        lock (_gate)
        {
            if (_agents.TryGetValue(id, out var row))
            {
                _agents[id] = (row.Agent, passwordHash);
                EndSessions(id);
            }
        }
    }

    public void SetPassword(long id, string passwordHash, bool mustChange)
    {
        lock (_gate)
        {
            if (_agents.TryGetValue(id, out var row))
            {
                _agents[id] = (row.Agent with { MustChangePassword = mustChange }, passwordHash);
                EndSessions(id);
            }
        }
    }

    public void CreateSession(long id, string tokenHash)
    {
        lock (_gate)
        {
            _sessions[tokenHash] = id;
        }
    }

    public Agent? FindBySession(string tokenHash)
    {
        lock (_gate)
        {
            return _sessions.TryGetValue(tokenHash, out var id) && _agents.TryGetValue(id, out var row) && row.Agent.Active
                ? WithLinks(row.Agent)
                : null;
        }
    }

    public void EndSession(string tokenHash)
    {
        lock (_gate)
        {
            _sessions.Remove(tokenHash);
        }
    }

    public void SetActive(long id, bool active)
    {
        lock (_gate)
        {
            if (_agents.TryGetValue(id, out var row))
            {
                _agents[id] = (row.Agent with { Active = active }, row.PasswordHash);
                if (!active)
                {
                    EndSessions(id);
                }
            }
        }
    }

    /// <summary>Links the agent; throws <see cref="InvalidOperationException"/> for an unknown agent.</summary>
    public void Link(long id, AgentLink link)
    {
        lock (_gate)
        {
            if (!_agents.ContainsKey(id))
            {
                throw new InvalidOperationException($"There is no agent with id {id}.");
            }

            _links[(link.Channel, link.ExternalUserId)] = id;
        }
    }

    private Agent? Find(Func<Agent, bool> predicate)
    {
        lock (_gate)
        {
            foreach (var (agent, _) in _agents.Values)
            {
                if (predicate(agent))
                {
                    return WithLinks(agent);
                }
            }

            return null;
        }
    }

    // Called under the lock.
    private void EndSessions(long id)
    {
        foreach (var (hash, owner) in _sessions.ToList())
        {
            if (owner == id)
            {
                _sessions.Remove(hash);
            }
        }
    }

    // Called under the lock.
    private Agent WithLinks(Agent agent) => agent with
    {
        Links =
        [
            .. _links
                .Where(l => l.Value == agent.Id)
                .Select(l => new AgentLink(l.Key.Channel, l.Key.ExternalUserId))
                .OrderBy(l => l.Channel, StringComparer.Ordinal)
                .ThenBy(l => l.ExternalUserId, StringComparer.Ordinal),
        ],
    };
}
