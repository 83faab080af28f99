using System.Threading.Channels;
using Telegram.Bot.Types;

namespace SupportBot.Channels.Telegram.Inbound;

/// <summary>Updates the webhook accepted, waiting for the worker, and what became of each. The endpoint waits for
/// the outcome before it answers: Telegram keeps an update until it hears 200, so an update is answered 200 only once
/// its turn is stored (or it was skipped as unusable), and a failure, a slow turn or a stopping host leaves it with
/// Telegram, which sends it again. A redelivery of an update still in work waits for the same outcome; one handled
/// recently is answered at once (the router's message ids drop one that comes later).</summary>
internal sealed class WebhookQueue
{
    /// <summary>Failures of one update (not counting passing ones) before it is skipped as unusable.</summary>
    public const int AttemptsPerUpdate = 5;

    private const int Remembered = 4096;

    private readonly Channel<Pending> _updates = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _gate = new();
    private readonly Dictionary<long, Pending> _inWork = [];
    private readonly HashSet<long> _done = [];
    private readonly Queue<long> _doneOrder = new();
    private readonly Dictionary<long, int> _failures = [];

    public ChannelReader<Pending> Reader => _updates.Reader;

    /// <summary>Queues the update unless it is in work or handled already; the task says what became of it.</summary>
    public Task<WebhookOutcome> AcceptAsync(Update update)
    {
        ArgumentNullException.ThrowIfNull(update);
        Pending pending;
        lock (_gate)
        {
            if (_done.Contains(update.Id))
            {
                return Task.FromResult(WebhookOutcome.Handled);
            }

            if (_inWork.TryGetValue(update.Id, out var existing))
            {
                return existing.Outcome.Task;
            }

            pending = new Pending(update);
            _inWork[update.Id] = pending;
        }

        _updates.Writer.TryWrite(pending);
        return pending.Outcome.Task;
    }

    /// <summary>The update's turn is stored (or it was skipped on purpose): Telegram may forget it.</summary>
    public void Handled(Pending pending)
    {
        ArgumentNullException.ThrowIfNull(pending);
        lock (_gate)
        {
            _inWork.Remove(pending.Update.Id);
            _failures.Remove(pending.Update.Id);
            if (_done.Add(pending.Update.Id))
            {
                _doneOrder.Enqueue(pending.Update.Id);
                if (_doneOrder.Count > Remembered)
                {
                    _done.Remove(_doneOrder.Dequeue());
                }
            }
        }

        pending.Outcome.TrySetResult(WebhookOutcome.Handled);
    }

    /// <summary>Handling failed. A passing failure (the store, the network) leaves the update with Telegram, which
    /// sends it again; so does any other failure until the update failed <see cref="AttemptsPerUpdate"/> times, when
    /// it is given up as unusable (answered 200, so it does not come back forever). Returns true when given up.</summary>
    public bool Failed(Pending pending, bool passing)
    {
        ArgumentNullException.ThrowIfNull(pending);
        var id = pending.Update.Id;
        lock (_gate)
        {
            _inWork.Remove(id);
            if (!passing)
            {
                _failures[id] = _failures.GetValueOrDefault(id) + 1;
                if (_failures.Count > Remembered)
                {
                    _failures.Clear();
                }
            }

            if (_failures.GetValueOrDefault(id) < AttemptsPerUpdate)
            {
                pending.Outcome.TrySetResult(WebhookOutcome.Failed);
                return false;
            }
        }

        Handled(pending);
        return true;
    }

    /// <summary>An accepted update and the outcome its request waits for.</summary>
    internal sealed class Pending(Update update)
    {
        public Update Update { get; } = update;

        public TaskCompletionSource<WebhookOutcome> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

/// <summary>What became of a webhook update.</summary>
internal enum WebhookOutcome
{
    /// <summary>Stored (or skipped as unusable): answer 200.</summary>
    Handled,

    /// <summary>Not stored: answer an error so Telegram sends it again.</summary>
    Failed,
}
