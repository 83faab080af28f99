using SupportBot.Core.Agents;

namespace SupportBot.Host.AgentConsole;

/// <summary>The console opens only once an active admin exists. At start-up the host logs once how to make one; until
/// then every <c>/agent</c> page answers with those instructions while the rest of the bot keeps running (users can
/// still open tickets). An admin created while the host runs is picked up on the next request, no restart needed.</summary>
public sealed class AdminGate : IHostedService
{
    /// <summary>The command that creates the first admin.</summary>
    public const string CreateAdminCommand = "dotnet run --project src/SupportBot.Host -- agent add --name NAME --role admin";

    private readonly IServiceProvider _services;
    private readonly ILogger<AdminGate> _log;
    private volatile bool _open;

    /// <summary>Creates the gate.</summary>
    public AdminGate(IServiceProvider services, ILogger<AdminGate> log)
    {
        _services = services;
        _log = log;
    }

    /// <summary>Whether an active admin exists (checked again on each call until one does).</summary>
    public async Task<bool> IsOpenAsync(CancellationToken cancellationToken = default)
    {
        if (_open)
        {
            return true;
        }

        var agents = await _services.GetRequiredService<IAgentStore>().ListAgentsAsync(cancellationToken);
        _open = agents.Any(a => a.Active && a.Role == AgentRole.Admin);
        return _open;
    }

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (!await IsOpenAsync(cancellationToken))
            {
                _log.LogWarning(
                    "The agent console at /agent stays closed until an admin exists. Create one with: {Command}",
                    CreateAdminCommand);
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or NotImplementedException or IOException)
        {
            _log.LogWarning("The agent console could not read the agent accounts: {Reason}", ex.Message);
        }
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
