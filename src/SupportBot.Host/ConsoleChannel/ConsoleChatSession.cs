using SupportBot.Core.Activities;
using SupportBot.Core.Routing;

namespace SupportBot.Host.ConsoleChannel;

/// <summary>A chat in the terminal: each input line is one user message; a number picks a shown choice;
/// <c>/attach PATH</c> sends a file. The conversation is keyed by the user id, so running again with the same
/// <c>--user</c> continues where it stopped. While it waits for the next line it looks at its outbox every
/// <see cref="PollInterval"/>, so what another process queued for it (an agent's reply from the console, the rating
/// question after a resolution) is printed as it arrives, not only after the user's next line.</summary>
public sealed partial class ConsoleChatSession : IDisposable
{
    /// <summary>How often the outbox is looked at between the user's lines.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    private const string AttachCommand = "/attach ";

    private readonly ConversationRouter _router;
    private readonly OutboxDispatcher _dispatcher;
    private readonly ConsoleChannelClient _channel;
    private readonly TimeProvider _time;
    private readonly ILogger<ConsoleChatSession> _log;

    // One delivery at a time: a line's turn and the poll would otherwise both fetch the same pending message and
    // print it twice, or print two messages out of order.
    private readonly SemaphoreSlim _delivering = new(1, 1);

    // 1 while a prompt is on screen with nothing typed after it: a message arriving then ends its line first, so it
    // starts on a line of its own instead of after the "> ".
    private int _promptWaiting;

    /// <summary>Creates a session.</summary>
    public ConsoleChatSession(
        ConversationRouter router,
        OutboxDispatcher dispatcher,
        ConsoleChannelClient channel,
        TimeProvider time,
        ILogger<ConsoleChatSession> log)
    {
        _router = router;
        _dispatcher = dispatcher;
        _channel = channel;
        _time = time;
        _log = log;
    }

    /// <summary>Raised after each look at the outbox between lines, with how many messages it printed (tests wait
    /// on it instead of on luck).</summary>
    public event Action<int>? Polled;

    /// <summary>Chats until the input ends. <paramref name="error"/> receives problems with a line (a missing file);
    /// <paramref name="prompt"/> is written before each line when a person is typing, and again after messages
    /// that arrived while they were.</summary>
    public async Task<int> RunAsync(
        TextReader input, TextWriter error, string userId, string? locale, string? prompt, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(error);
        var conversation = new ConversationKey(ConsoleChannelClient.Name, userId);

        // Replies a previous run stored but did not get to print (it was killed) come first.
        await DeliverAsync(conversation, ct);

        void EndPromptLine()
        {
            if (Interlocked.Exchange(ref _promptWaiting, 0) == 1)
            {
                error.WriteLine();
            }
        }

        _channel.Showing += EndPromptLine;
        using var stopPolling = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var polling = PollAsync(conversation, error, prompt, stopPolling.Token);
        try
        {
            while (true)
            {
                if (prompt is not null)
                {
                    await error.WriteAsync(prompt);
                    Volatile.Write(ref _promptWaiting, 1);
                }

                var line = await input.ReadLineAsync(ct);
                // The user pressed Enter: the terminal is at the start of a line again.
                Volatile.Write(ref _promptWaiting, 0);
                if (line is null)
                {
                    // End of input (Ctrl-D, or the end of a piped script): stop at once, as before the poll existed.
                    return 0;
                }

                await HandleLineAsync(line, conversation, userId, locale, error, ct);
            }
        }
        finally
        {
            _channel.Showing -= EndPromptLine;
            await stopPolling.CancelAsync();
            await polling.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task HandleLineAsync(
        string line, ConversationKey conversation, string userId, string? locale, TextWriter error, CancellationToken ct)
    {
        await _delivering.WaitAsync(ct);
        try
        {
            // Inside the gate: a number picks from the choices printed last, even if the poll just printed them.
            var activity = BuildActivity(line, conversation, userId, locale, error);
            if (activity is null)
            {
                return;
            }

            var result = await _router.HandleAsync(activity, ct);
            if (result.Status == RouteStatus.StoreUnavailable)
            {
                foreach (var reply in result.Replies)
                {
                    _channel.Show(reply);
                }

                return;
            }

            try
            {
                await _dispatcher.DrainAsync(ConsoleChannelClient.Name, m => m.Conversation == conversation, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The turn is stored and its replies wait in the outbox: the next poll prints them.
                LogDeliveryFailed(ex.GetType().Name);
            }
        }
        finally
        {
            _delivering.Release();
        }
    }

    private async Task PollAsync(ConversationKey conversation, TextWriter error, string? prompt, CancellationToken ct)
    {
        // Created before the first await, so it ticks from the moment the session starts waiting for input.
        using var timer = new PeriodicTimer(PollInterval, _time);
        while (await timer.WaitForNextTickAsync(ct))
        {
            int printed;
            try
            {
                printed = await DeliverAsync(conversation, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The other process may hold the database a moment too long; the next poll tries again.
                LogDeliveryFailed(ex.GetType().Name);
                printed = 0;
            }

            if (printed > 0 && prompt is not null)
            {
                await error.WriteAsync(prompt);
                Volatile.Write(ref _promptWaiting, 1);
            }

            Polled?.Invoke(printed);
        }
    }

    private async Task<int> DeliverAsync(ConversationKey conversation, CancellationToken ct)
    {
        await _delivering.WaitAsync(ct);
        try
        {
            return await _dispatcher.DrainAsync(ConsoleChannelClient.Name, m => m.Conversation == conversation, ct);
        }
        finally
        {
            _delivering.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _delivering.Dispose();

    private InboundActivity? BuildActivity(
        string line, ConversationKey conversation, string userId, string? locale, TextWriter error)
    {
        var activity = new InboundActivity
        {
            Conversation = conversation,
            UserId = userId,
            Text = line,
            Locale = locale,
            Timestamp = _time.GetUtcNow(),
        };

        if (line.StartsWith(AttachCommand, StringComparison.Ordinal))
        {
            var attachment = ConsoleAttachment.Read(line[AttachCommand.Length..].Trim(), error);
            return attachment is null ? null : activity with { Text = "", Attachments = [attachment] };
        }

        var choices = _channel.LastChoices;
        if (int.TryParse(line.Trim(), out var number) && number >= 1 && number <= choices.Count)
        {
            var choice = choices[number - 1];
            return activity with { Text = choice.Title, ChoiceValue = choice.Value };
        }

        return activity;
    }

    // The exception's type only: a store message may quote a row.
    [LoggerMessage(Level = LogLevel.Warning, Message = "Printing new messages failed ({Failure}); trying again in a moment.")]
    private partial void LogDeliveryFailed(string failure);
}
