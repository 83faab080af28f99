using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SupportBot.Channels.Discord.Gateway;
using SupportBot.Channels.Discord.Rest;
using SupportBot.Channels.Discord.Staff;
using SupportBot.Channels.Discord.Wire;
using SupportBot.Core.Catalog;
using SupportBot.Core.Handoff;

namespace SupportBot.Channels.Discord;

/// <summary>Runs the channel: checks its texts at start-up, connects the gateway, registers the slash commands once
/// READY says who the bot is, and runs the inbound queues and the staff threads. A fatal close code stops the channel
/// (not the host) with a clear error in the log and in <see cref="Stopped"/>.</summary>
internal sealed class DiscordChannelService : BackgroundService
{
    private readonly DiscordOptions _options;
    private readonly DialogCatalog _catalog;
    private readonly DiscordGateway _gateway;
    private readonly DiscordInbound _inbound;
    private readonly DiscordRestClient _rest;
    private readonly StaffThreads? _staff;
    private readonly TicketEvents _events;
    private readonly ILogger _log;
    private readonly TaskCompletionSource<Exception?> _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public DiscordChannelService(
        DiscordOptions options,
        DialogCatalog catalog,
        DiscordGateway gateway,
        DiscordInbound inbound,
        DiscordRestClient rest,
        TicketEvents events,
        ILogger<DiscordChannelService> log,
        StaffThreads? staff = null)
    {
        _options = options;
        _catalog = catalog;
        _gateway = gateway;
        _inbound = inbound;
        _rest = rest;
        _staff = staff;
        _events = events;
        _log = log;
    }

    /// <summary>Completes when the channel stopped: with the fatal error, or null on shutdown.</summary>
    public Task<Exception?> Stopped => _stopped.Task;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        DiscordTexts.Check(_catalog);
        _log.LogInformation(
            "Discord: starting (staff threads {Staff}, intents {Intents}).", _options.StaffEnabled ? "on" : "off", (int)_gateway.Intents);
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var channel = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var ct = channel.Token;
        _gateway.OnDispatch = _inbound.Accept;
        var workers = new List<Task> { _inbound.RunAsync(ct), RegisterCommandsAsync(ct) };
        if (_staff is not null)
        {
            workers.Add(_staff.RunAsync(_events, ct));
        }

        Exception? fault = null;
        try
        {
            await _gateway.RunAsync(ct);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex) when (ex is DiscordGatewayException or DiscordApiException)
        {
            fault = ex;
            _log.LogCritical("{Error}", ex.Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            // A bug must not take the other channels down with it: stop this one, loudly. The type only: the message
            // of an unexpected exception may quote a payload.
            fault = ex;
            _log.LogCritical("The Discord channel stopped on an unexpected {Failure}; the other channels keep running.", ex.GetType().Name);
        }
        finally
        {
            await channel.CancelAsync();
            try
            {
                await Task.WhenAll(workers);
            }
            catch (OperationCanceledException)
            {
            }
            catch (Exception ex)
            {
                _log.LogError("Discord: a channel worker ended with {Failure}.", ex.GetType().Name);
            }

            _stopped.TrySetResult(fault);
        }
    }

    private async Task RegisterCommandsAsync(CancellationToken ct)
    {
        var ready = await _gateway.Ready.WaitAsync(ct);
        _inbound.BotUserId = ready.User.Id;
        var application = string.IsNullOrEmpty(_options.ApplicationId) ? ready.Application?.Id : _options.ApplicationId;
        _inbound.ApplicationId = application;
        if (string.IsNullOrEmpty(application))
        {
            _log.LogWarning("Discord: no application id (Discord:ApplicationId); /support is not registered.");
            return;
        }

        try
        {
            await _rest.SendAsync(
                DiscordRoute.PutCommands(application, _options.GuildId),
                DiscordCommands.Definitions(_catalog, _options.StaffEnabled),
                DiscordJsonContext.Default.ListCommandDefinition,
                ct);
            _log.LogInformation("Discord: slash commands registered ({Scope}).", string.IsNullOrEmpty(_options.GuildId) ? "global" : "guild");
        }
        catch (Exception ex) when (ex is DiscordApiException or DiscordRequestException)
        {
            _log.LogError("Discord: registering the slash commands failed: {Failure}", ex.Message);
        }
    }
}
