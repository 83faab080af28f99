using SupportBot.Core.Activities;
using SupportBot.Core.Catalog;
using SupportBot.Core.Tickets;

namespace SupportBot.Storage.Memory;

/// <summary>The in-memory ticket table's indexes and the reads that use them, so no read walks every ticket: one
/// ordered set per (status, priority) in queue order (its size is that pair's counter, and it gives a queue place in
/// O(log n)), ordered sets by update time, first response, rating and resolution, and lists per user and per
/// conversation. <see cref="MemoryTickets"/> keeps it in step under its lock, on every write.</summary>
internal sealed class MemoryTicketIndex
{
    private static readonly int StatusCount = Enum.GetValues<TicketStatus>().Length;
    private static readonly int PriorityCount = Enum.GetValues<TicketPriority>().Length;
    private static readonly TicketStatus[] OpenStatuses = [TicketStatus.New, TicketStatus.Assigned, TicketStatus.WaitingOnUser];

    private readonly Dictionary<long, MemoryTicketRow> _rows;
    private readonly OrderStatisticSet<TicketKey>[] _queue; // [status * PriorityCount + priority], by (created, number)
    private readonly OrderStatisticSet<TicketKey> _updated = new();
    private readonly OrderStatisticSet<TicketKey> _responded = new(); // by (created, number), tickets with a first response
    private readonly OrderStatisticSet<TicketKey> _rated = new(); // by (rated at, number)
    private readonly OrderStatisticSet<TicketKey> _resolved = new(); // by (resolved at, number), status resolved only
    private readonly Dictionary<(string Channel, string UserId), List<long>> _byUser = [];
    private readonly Dictionary<ConversationKey, List<long>> _byConversation = [];

    public MemoryTicketIndex(Dictionary<long, MemoryTicketRow> rows)
    {
        _rows = rows;
        _queue = new OrderStatisticSet<TicketKey>[StatusCount * PriorityCount];
        for (var i = 0; i < _queue.Length; i++)
        {
            _queue[i] = new OrderStatisticSet<TicketKey>();
        }
    }

    /// <summary>Tickets the reads looked at since the store was made: a test checks that a turn's reads look at
    /// the same number of tickets whatever the table's size.</summary>
    public long RowsVisited { get; private set; }

    /// <summary>A ticket that was not there before: also listed under its user and conversation (which never
    /// change).</summary>
    public void Created(Ticket ticket)
    {
        Listed(_byUser, (ticket.Conversation.Channel, ticket.UserId), ticket.Number);
        Listed(_byConversation, ticket.Conversation, ticket.Number);
    }

    public void Add(Ticket ticket, DateTimeOffset? ratedAt) => Index(ticket, ratedAt, add: true);

    public void Remove(Ticket ticket, DateTimeOffset? ratedAt) => Index(ticket, ratedAt, add: false);

    /// <summary>The numbers of the conversation's tickets.</summary>
    public IReadOnlyList<long> OfConversation(ConversationKey conversation) =>
        _byConversation.TryGetValue(conversation, out var numbers) ? numbers : [];

    /// <summary>The user's tickets in a channel, newest first.</summary>
    public List<Ticket> OfUser(string channel, string userId)
    {
        var tickets = new List<Ticket>();
        if (_byUser.TryGetValue((channel, userId), out var numbers))
        {
            foreach (var number in numbers)
            {
                tickets.Add(Visit(number).Ticket);
            }
        }

        tickets.Sort(static (a, b) =>
        {
            var byTime = b.CreatedAt.CompareTo(a.CreatedAt);
            return byTime != 0 ? byTime : b.Number.CompareTo(a.Number);
        });
        return tickets;
    }

    /// <summary>A page of the tickets matching the query, in queue order. Walks the matching (status, priority)
    /// sets in order and stops at the page's end, so the cost is the page (plus what other filters skip), not the
    /// table; with <see cref="TicketQuery.UpdatedSince"/> it reads only the tickets changed since then.</summary>
    public IReadOnlyList<Ticket> Query(TicketQuery query)
    {
        var page = new List<Ticket>(Math.Min(query.Limit, 64));
        var skip = query.Offset;
        foreach (var ticket in Ordered(query))
        {
            if (!Matches(ticket, query))
            {
                continue;
            }

            if (skip > 0)
            {
                skip--;
                continue;
            }

            page.Add(ticket);
            if (page.Count == query.Limit)
            {
                break;
            }
        }

        return page;
    }

    /// <summary>How many tickets match, ignoring limit and offset: from the counters when only statuses and a
    /// priority filter, else by walking the matching sets.</summary>
    public int Count(TicketQuery query)
    {
        if (query.Channel is null && query.Category is null && query.AssigneeId is null && !query.UnassignedOnly
            && query.UpdatedSince is null)
        {
            var total = 0;
            foreach (var status in StatusesOf(query))
            {
                foreach (var priority in PrioritiesOf(query))
                {
                    total += Bucket(status, priority).Count;
                }
            }

            return total;
        }

        var count = 0;
        foreach (var ticket in Ordered(query))
        {
            count += Matches(ticket, query) ? 1 : 0;
        }

        return count;
    }

    /// <summary>1 + the new tickets ahead of this one (more urgent, or as urgent and older); 0 when not new.</summary>
    public int QueuePosition(Ticket ticket)
    {
        if (ticket.Status != TicketStatus.New)
        {
            return 0;
        }

        var ahead = 0;
        for (var priority = 0; priority < (int)ticket.Priority; priority++)
        {
            ahead += Bucket(TicketStatus.New, (TicketPriority)priority).Count;
        }

        return 1 + ahead + Bucket(TicketStatus.New, ticket.Priority).CountLess(TicketKey.At(ticket.CreatedAt, ticket.Number));
    }

    /// <summary>Open tickets by priority from the counters; first responses and ratings since the cut-off from their
    /// ordered sets (the cost is the window, not the table).</summary>
    public TicketStats Stats(DateTimeOffset since)
    {
        var open = new Dictionary<TicketPriority, int>(PriorityCount);
        foreach (var priority in Enum.GetValues<TicketPriority>())
        {
            var count = 0;
            foreach (var status in OpenStatuses)
            {
                count += Bucket(status, priority).Count;
            }

            open[priority] = count;
        }

        var responses = new List<(DateTimeOffset CreatedAt, DateTimeOffset FirstResponseAt)>();
        foreach (var key in _responded.From(TicketKey.From(since)))
        {
            var ticket = Visit(key.Number).Ticket;
            responses.Add((ticket.CreatedAt, ticket.FirstResponseAt!.Value));
        }

        var ratings = new List<(DateTimeOffset At, int Rating)>();
        foreach (var key in _rated.From(TicketKey.From(since)))
        {
            var row = Visit(key.Number);
            ratings.Add((row.RatedAt!.Value, row.Ticket.Rating!.Value));
        }

        return new TicketStats { OpenByPriority = open, FirstResponses = responses, Ratings = ratings };
    }

    /// <summary>Resolved tickets resolved before the cut-off, oldest resolution first.</summary>
    public IReadOnlyList<Ticket> ResolvedBefore(DateTimeOffset before)
    {
        var due = new List<Ticket>();
        var end = TicketKey.From(before);
        foreach (var key in _resolved.All())
        {
            if (key.CompareTo(end) >= 0)
            {
                break;
            }

            due.Add(Visit(key.Number).Ticket);
        }

        return due;
    }

    private IEnumerable<Ticket> Ordered(TicketQuery query)
    {
        if (query.UpdatedSince is { } since)
        {
            // The console's watch for changes: few tickets changed since its last look, so read those and sort them.
            var changed = new List<Ticket>();
            foreach (var key in _updated.From(TicketKey.From(since)))
            {
                changed.Add(Visit(key.Number).Ticket);
            }

            changed.Sort(MemoryTicketQueries.QueueOrder);
            return changed;
        }

        return Merged(query);
    }

    // Priority by priority (urgent first); within one, the chosen statuses' sets merged by (created, number).
    private IEnumerable<Ticket> Merged(TicketQuery query)
    {
        var statuses = StatusesOf(query);
        foreach (var priority in PrioritiesOf(query))
        {
            var heads = new List<IEnumerator<TicketKey>>(statuses.Length);
            foreach (var status in statuses)
            {
                var keys = Bucket(status, priority).All().GetEnumerator();
                if (keys.MoveNext())
                {
                    heads.Add(keys);
                }
            }

            while (heads.Count > 0)
            {
                var first = 0;
                for (var i = 1; i < heads.Count; i++)
                {
                    if (heads[i].Current.CompareTo(heads[first].Current) < 0)
                    {
                        first = i;
                    }
                }

                var number = heads[first].Current.Number;
                if (!heads[first].MoveNext())
                {
                    heads[first].Dispose();
                    heads.RemoveAt(first);
                }

                yield return Visit(number).Ticket;
            }
        }
    }

    private static TicketStatus[] StatusesOf(TicketQuery query) =>
        query.Statuses.Count > 0 ? [.. query.Statuses.Distinct()] : Enum.GetValues<TicketStatus>();

    private static TicketPriority[] PrioritiesOf(TicketQuery query) =>
        query.Priority is { } priority ? [priority] : Enum.GetValues<TicketPriority>();

    private static bool Matches(Ticket ticket, TicketQuery query) =>
        (query.Statuses.Count == 0 || query.Statuses.Contains(ticket.Status))
        && (query.Priority is not { } priority || ticket.Priority == priority)
        && (query.Channel is not { } channel || ticket.Conversation.Channel == channel)
        && (query.Category is not { } category || ticket.Category == category)
        && (query.AssigneeId is not { } assignee || ticket.AssigneeId == assignee)
        && (!query.UnassignedOnly || ticket.AssigneeId is null)
        && (query.UpdatedSince is not { } since || ticket.UpdatedAt >= since);

    private OrderStatisticSet<TicketKey> Bucket(TicketStatus status, TicketPriority priority) =>
        _queue[((int)status * PriorityCount) + (int)priority];

    private MemoryTicketRow Visit(long number)
    {
        RowsVisited++;
        return _rows[number];
    }

    private void Index(Ticket ticket, DateTimeOffset? ratedAt, bool add)
    {
        Change(Bucket(ticket.Status, ticket.Priority), TicketKey.At(ticket.CreatedAt, ticket.Number), add);
        Change(_updated, TicketKey.At(ticket.UpdatedAt, ticket.Number), add);
        if (ticket.FirstResponseAt is not null)
        {
            Change(_responded, TicketKey.At(ticket.CreatedAt, ticket.Number), add);
        }

        if (ticket.Rating is not null && ratedAt is { } rated)
        {
            Change(_rated, TicketKey.At(rated, ticket.Number), add);
        }

        if (ticket.Status == TicketStatus.Resolved && ticket.ResolvedAt is { } resolved)
        {
            Change(_resolved, TicketKey.At(resolved, ticket.Number), add);
        }
    }

    private static void Change(OrderStatisticSet<TicketKey> set, TicketKey key, bool add)
    {
        if (add)
        {
            set.Add(key);
        }
        else
        {
            set.Remove(key);
        }
    }

    private static void Listed<TKey>(Dictionary<TKey, List<long>> lists, TKey key, long number)
        where TKey : notnull
    {
        if (!lists.TryGetValue(key, out var numbers))
        {
            lists[key] = numbers = new List<long>(1);
        }

        numbers.Add(number);
    }
}
