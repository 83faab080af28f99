using System.Globalization;
using System.Text.Json;
using SupportBot.Core.Activities;

namespace SupportBot.Channels.WebChat.Conversations;

/// <summary>A conversation's activities in memory (the durable copy is in <see cref="WebChatDatabase"/>), the one
/// WebSocket listening to it, and what a new activity needs to know (the last user activity, the offered choices).
/// Appends are made under <see cref="Gate"/>, so seqs are published in order.</summary>
public sealed class ConversationLog
{
    private readonly List<LoggedActivity> _activities;
    private readonly Dictionary<string, string> _idByClientActivity = new(StringComparer.Ordinal);
    private readonly HashSet<long> _outboxIds = [];
    private readonly Lock _lock = new();
    private StreamSubscriber? _subscriber;

    /// <summary>Creates the log from stored activities (in seq order).</summary>
    public ConversationLog(string id, string userId, List<LoggedActivity> activities)
    {
        ArgumentNullException.ThrowIfNull(activities);
        Id = id;
        UserId = userId;
        _activities = activities;
        foreach (var activity in activities)
        {
            Remember(activity);
        }
    }

    /// <summary>The conversation id.</summary>
    public string Id { get; }

    /// <summary>The user the conversation's tokens carry.</summary>
    public string UserId { get; }

    /// <summary>Held while a user activity is routed and echoed and while a reply is appended: one writer at a time,
    /// and a reply never lands before the echo of the message it answers.</summary>
    public SemaphoreSlim Gate { get; } = new(1, 1);

    /// <summary>The seq of the last activity.</summary>
    public long LastSeq
    {
        get
        {
            lock (_lock)
            {
                return _activities.Count == 0 ? 0 : _activities[^1].Seq;
            }
        }
    }

    /// <summary>The id of the user's latest activity (what replies answer), or null.</summary>
    public string? LastUserActivityId { get; private set; }

    /// <summary>The locale of the user's latest activity, or null.</summary>
    public string? Locale { get; set; }

    /// <summary>The choices of the latest reply (empty when it offered none).</summary>
    public IReadOnlyList<ChoiceOption> OfferedChoices { get; private set; } = [];

    /// <summary>The Direct Line id of activity <paramref name="seq"/> of conversation <paramref name="conversationId"/>.</summary>
    public static string ActivityId(string conversationId, long seq) =>
        conversationId + "|" + seq.ToString("D7", CultureInfo.InvariantCulture);

    /// <summary>The id of the echo of the activity with this client id, if it was already logged.</summary>
    public string? FindByClientActivityId(string clientActivityId)
    {
        lock (_lock)
        {
            return _idByClientActivity.GetValueOrDefault(clientActivityId);
        }
    }

    /// <summary>Whether the reply of outbox message <paramref name="outboxId"/> is already in the log.</summary>
    public bool HasOutboxMessage(long outboxId)
    {
        lock (_lock)
        {
            return _outboxIds.Contains(outboxId);
        }
    }

    /// <summary>Adds an activity already stored durably and pushes it to the listening socket.</summary>
    public void Add(LoggedActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        AddRange([activity]);
    }

    /// <summary>Adds activities already stored durably (in seq order) and pushes them to the listening socket as one
    /// set.</summary>
    public void AddRange(IReadOnlyList<LoggedActivity> activities)
    {
        ArgumentNullException.ThrowIfNull(activities);
        if (activities.Count == 0)
        {
            return;
        }

        lock (_lock)
        {
            foreach (var activity in activities)
            {
                _activities.Add(activity);
                Remember(activity);
            }

            _subscriber?.Push(ActivitySet.Frame(activities));
        }
    }

    /// <summary>Pushes an activity that is not kept (typing) to the listening socket.</summary>
    public void PushEphemeral(byte[] json)
    {
        lock (_lock)
        {
            _subscriber?.Push(ActivitySet.Frame(json));
        }
    }

    /// <summary>Up to <paramref name="max"/> activities after <paramref name="watermark"/>.</summary>
    public List<LoggedActivity> After(long watermark, int max)
    {
        lock (_lock)
        {
            var start = FirstAfter(watermark);
            return _activities.GetRange(start, Math.Min(max, _activities.Count - start));
        }
    }

    /// <summary>Makes <paramref name="subscriber"/> the conversation's socket: it first gets every activity after
    /// <paramref name="watermark"/> (null: none), then each new one. An earlier socket is closed ("collision").</summary>
    public void Subscribe(StreamSubscriber subscriber, long? watermark)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        lock (_lock)
        {
            _subscriber?.Complete(StreamSubscriber.Collision);
            _subscriber = subscriber;
            if (watermark is { } after)
            {
                for (var start = FirstAfter(after); start < _activities.Count; start += ActivitySet.MaxPerFrame)
                {
                    subscriber.Push(ActivitySet.Frame(
                        _activities.GetRange(start, Math.Min(ActivitySet.MaxPerFrame, _activities.Count - start))));
                }
            }
        }
    }

    /// <summary>Forgets <paramref name="subscriber"/> if it is still the listening socket.</summary>
    public void Unsubscribe(StreamSubscriber subscriber)
    {
        lock (_lock)
        {
            if (ReferenceEquals(_subscriber, subscriber))
            {
                _subscriber = null;
            }
        }
    }

    private int FirstAfter(long watermark)
    {
        // Seqs are 1, 2, 3 … without gaps, so the position is arithmetic; clamp for watermarks from elsewhere.
        var index = (int)Math.Clamp(watermark, 0, _activities.Count);
        while (index > 0 && _activities[index - 1].Seq > watermark)
        {
            index--;
        }

        while (index < _activities.Count && _activities[index].Seq <= watermark)
        {
            index++;
        }

        return index;
    }

    private void Remember(LoggedActivity activity)
    {
        if (activity.FromUser)
        {
            LastUserActivityId = ActivityId(Id, activity.Seq);
            if (activity.ClientActivityId is { } clientId)
            {
                _idByClientActivity[clientId] = LastUserActivityId;
            }

            return;
        }

        if (activity.OutboxId is { } outboxId)
        {
            _outboxIds.Add(outboxId);
        }

        OfferedChoices = activity.ParsedChoices
            ?? (activity.Choices is null
                ? []
                : JsonSerializer.Deserialize(activity.Choices, WebChatJsonContext.Default.ChoiceOptionArray) ?? []);
    }
}
