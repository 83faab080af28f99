using System.CommandLine;
using SupportBot.Core.Agents;
using SupportBot.Host.AgentConsole;

namespace SupportBot.Host.CommandLine;

/// <summary><c>agent add|list|link|deactivate|reset-password</c>: manages agent accounts. Exit code 0 on success,
/// 2 with one clear line on stderr for a duplicate or unknown name or a bad role.</summary>
internal static class AgentCliCommand
{
    private const int Refused = 2;

    public static Command Create(string[] hostArgs)
    {
        var command = new Command("agent", "Manage the agents who work the ticket queue in the console at /agent.")
        {
            Add(hostArgs), List(hostArgs), Link(hostArgs), Deactivate(hostArgs), ResetPassword(hostArgs),
        };
        return command;
    }

    private static Option<string> NameOption() => new("--name") { Description = "The agent's sign-in and display name.", Required = true };

    private static Command Add(string[] hostArgs)
    {
        var name = NameOption();
        var role = new Option<string>("--role")
        {
            Description = "agent (works the queue) or admin (also manages agents).",
            DefaultValueFactory = _ => "agent",
        };
        var command = new Command("add", "Create an agent; prints the agent code and a one-time password.") { name, role };
        command.SetAction((result, ct) => WithAgentsAsync(hostArgs, async (agents, services) =>
        {
            var agentName = result.GetValue(name)!.Trim();
            var roleName = result.GetValue(role)!;
            if (!TryParseRole(roleName, out var agentRole))
            {
                return await FailAsync($"Unknown role '{roleName}': use agent or admin.");
            }

            if (!AgentNames.IsValid(agentName))
            {
                return await FailAsync(AgentNames.Rule);
            }

            if (await agents.FindAgentByNameAsync(agentName, ct) is not null)
            {
                return await FailAsync($"An agent named '{agentName}' exists already; pick another name (see: agent list).");
            }

            var hasher = services.GetRequiredService<PasswordHasher>();
            var password = AgentSecrets.NewPassword();
            var created = await CreateWithFreshCodeAsync(
                agents, agentName, agentRole, hasher.Hash(password), services.GetRequiredService<TimeProvider>(), ct);
            if (created is null)
            {
                return await FailAsync($"An agent named '{agentName}' exists already; pick another name (see: agent list).");
            }

            Console.Out.WriteLine("Agent created.");
            Console.Out.WriteLine($"  name:     {created.Name}");
            Console.Out.WriteLine($"  role:     {RoleName(created.Role)}");
            Console.Out.WriteLine($"  code:     {created.Code}");
            Console.Out.WriteLine($"  password: {password}");
            Console.Out.WriteLine("The password is shown only this once (only a salted hash is kept). Sign in at /agent;");
            Console.Out.WriteLine("it works once: the console asks for a new password at the first sign-in.");
            return 0;
        }, ct));
        return command;
    }

    private static Command List(string[] hostArgs)
    {
        var command = new Command("list", "List the agents.");
        command.SetAction((_, ct) => WithAgentsAsync(hostArgs, async (agents, _) =>
        {
            var all = await agents.ListAgentsAsync(ct);
            if (all.Count == 0)
            {
                Console.Out.WriteLine("No agents yet. Create the first admin: agent add --name NAME --role admin");
                return 0;
            }

            Console.Out.WriteLine($"{"NAME",-20} {"ROLE",-6} {"CODE",-10} {"ACTIVE",-6} LINKS");
            foreach (var a in all)
            {
                var links = string.Join(", ", a.Links.Select(l => l.Channel + ":" + l.ExternalUserId));
                Console.Out.WriteLine($"{a.Name,-20} {RoleName(a.Role),-6} {a.Code,-10} {(a.Active ? "yes" : "no"),-6} {links}");
            }

            return 0;
        }, ct));
        return command;
    }

    private static Command Link(string[] hostArgs)
    {
        var name = NameOption();
        var telegram = new Option<string?>("--telegram") { Description = "The agent's Telegram user id." };
        var discord = new Option<string?>("--discord") { Description = "The agent's Discord user id." };
        var command = new Command("link", "Link an agent to their Telegram or Discord account.") { name, telegram, discord };
        command.SetAction((result, ct) => WithAgentsAsync(hostArgs, async (agents, _) =>
        {
            var (tg, dc) = (result.GetValue(telegram), result.GetValue(discord));
            if (string.IsNullOrWhiteSpace(tg) == string.IsNullOrWhiteSpace(dc))
            {
                return await FailAsync("Give exactly one of --telegram ID or --discord ID.");
            }

            var agent = await FindAsync(agents, result.GetValue(name)!, ct);
            if (agent is null)
            {
                return await FailAsync($"No agent named '{result.GetValue(name)}' (see: agent list).");
            }

            var link = string.IsNullOrWhiteSpace(tg) ? new AgentLink("discord", dc!.Trim()) : new AgentLink("telegram", tg.Trim());
            await agents.LinkAgentAsync(agent.Id, link, ct);
            Console.Out.WriteLine($"Linked {agent.Name} to {link.Channel} user {link.ExternalUserId}.");
            return 0;
        }, ct));
        return command;
    }

    private static Command Deactivate(string[] hostArgs)
    {
        var name = NameOption();
        var command = new Command("deactivate", "Deactivate an agent: no more sign-in, and the code no longer verifies.") { name };
        command.SetAction((result, ct) => WithAgentsAsync(hostArgs, async (agents, _) =>
        {
            var agent = await FindAsync(agents, result.GetValue(name)!, ct);
            if (agent is null)
            {
                return await FailAsync($"No agent named '{result.GetValue(name)}' (see: agent list).");
            }

            await agents.SetAgentActiveAsync(agent.Id, false, ct);
            Console.Out.WriteLine($"Deactivated {agent.Name} ({agent.Code}).");
            return 0;
        }, ct));
        return command;
    }

    private static Command ResetPassword(string[] hostArgs)
    {
        var name = NameOption();
        var command = new Command("reset-password", "Give an agent a new one-time password (printed once).") { name };
        command.SetAction((result, ct) => WithAgentsAsync(hostArgs, async (agents, services) =>
        {
            var agent = await FindAsync(agents, result.GetValue(name)!, ct);
            if (agent is null)
            {
                return await FailAsync($"No agent named '{result.GetValue(name)}' (see: agent list).");
            }

            var password = AgentSecrets.NewPassword();
            // One-time: the console makes the agent choose a new one at sign-in; the agent's sessions end here.
            await services.GetRequiredService<IAgentSessionStore>()
                .SetPasswordAsync(agent.Id, services.GetRequiredService<PasswordHasher>().Hash(password), mustChange: true, ct);
            Console.Out.WriteLine($"New password for {agent.Name}: {password}");
            Console.Out.WriteLine("It is shown only this once; the console asks for a new password at the next sign-in.");
            Console.Out.WriteLine($"Every console session of {agent.Name} has ended.");
            return 0;
        }, ct));
        return command;
    }

    private static async Task<int> WithAgentsAsync(
        string[] hostArgs, Func<IAgentStore, IServiceProvider, Task<int>> action, CancellationToken ct)
    {
        var builder = CommandHost.CreateBuilder(hostArgs);
        builder.AddAgentAccounts();
        using var host = builder.Build();
        _ = host.Services.GetRequiredService<PasswordHasher>(); // validates AgentConsole:PasswordIterations
        ct.ThrowIfCancellationRequested();
        return await action(host.Services.GetRequiredService<IAgentStore>(), host.Services);
    }

    private static async Task<Agent?> CreateWithFreshCodeAsync(
        IAgentStore agents, string name, AgentRole role, string hash, TimeProvider time, CancellationToken ct)
    {
        // A code clash is astronomically rare; a name clash (a second process in between) is reported.
        for (var attempt = 0; attempt < 5; attempt++)
        {
            try
            {
                return await agents.CreateAgentAsync(
                    new NewAgent(name, role, AgentSecrets.NewCode(), hash, time.GetUtcNow()) { MustChangePassword = true }, ct);
            }
            catch (DuplicateAgentException)
            {
                if (await agents.FindAgentByNameAsync(name, ct) is not null)
                {
                    return null;
                }
            }
        }

        return null;
    }

    private static Task<Agent?> FindAsync(IAgentStore agents, string name, CancellationToken ct) =>
        agents.FindAgentByNameAsync(name.Trim(), ct);

    private static bool TryParseRole(string name, out AgentRole role)
    {
        switch (name.Trim().ToUpperInvariant())
        {
            case "AGENT":
                role = AgentRole.Agent;
                return true;
            case "ADMIN":
                role = AgentRole.Admin;
                return true;
            default:
                role = default;
                return false;
        }
    }

    internal static string RoleName(AgentRole role) => role == AgentRole.Admin ? "admin" : "agent";

    private static async Task<int> FailAsync(string message)
    {
        await Console.Error.WriteLineAsync(message);
        return Refused;
    }
}
