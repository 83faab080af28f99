using SupportBot.Core.Activities;
using SupportBot.Core.Catalog;
using SupportBot.Core.Tickets;

namespace SupportBot.Storage.Memory;

/// <summary>The in-memory ticket table with notes and history, behind one lock: ticket writes are rare next to
/// turns, and one lock makes a multi-ticket change all-or-nothing without further care. Callers that also touch a
/// conversation take its lock first, then this one.</summary>
internal sealed class MemoryTickets
{
    private readonly Dictionary<long, MemoryTicketRow> _rows = [];
    private readonly MemoryTicketIndex _index;
    private readonly Lock _gate = new();
    private long _lastNoteId;

    public MemoryTickets() => _index = new MemoryTicketIndex(_rows);

    /// <summary>Tickets the reads have looked at so far (see <see cref="MemoryTicketIndex.RowsVisited"/>).</summary>
    public long RowsVisited
    {
        get
        {
            lock (_gate)
            {
                return _index.RowsVisited;
            }
        }
    }

    public Ticket? Get(long number)
    {
        lock (_gate)
        {
            return _rows.TryGetValue(number, out var row) ? row.Ticket : null;
        }
    }

    /// <summary>Every ticket, for the console's search and the bot report, which read the whole table by design (and
    /// say so); nothing on a turn's path may call this.</summary>
    public List<(Ticket Ticket, DateTimeOffset? RatedAt)> Snapshot()
    {
        lock (_gate)
        {
            return [.. _rows.Values.Select(r => (r.Ticket, r.RatedAt))];
        }
    }

    public List<Ticket> OfUser(string channel, string userId)
    {
        lock (_gate)
        {
            return _index.OfUser(channel, userId);
        }
    }

    public IReadOnlyList<Ticket> Query(TicketQuery query)
    {
        lock (_gate)
        {
            return _index.Query(query);
        }
    }

    public int Count(TicketQuery query)
    {
        lock (_gate)
        {
            return _index.Count(query);
        }
    }

    public int QueuePosition(long number)
    {
        lock (_gate)
        {
            return _rows.TryGetValue(number, out var row) ? _index.QueuePosition(row.Ticket) : 0;
        }
    }

    public TicketStats Stats(DateTimeOffset since)
    {
        lock (_gate)
        {
            return _index.Stats(since);
        }
    }

    public IReadOnlyList<Ticket> ResolvedBefore(DateTimeOffset before)
    {
        lock (_gate)
        {
            return _index.ResolvedBefore(before);
        }
    }

    public IReadOnlyList<TicketNote> Notes(long number)
    {
        lock (_gate)
        {
            return _rows.TryGetValue(number, out var row) ? [.. row.Notes] : [];
        }
    }

    public IReadOnlyList<TicketHistoryEntry> History(long number)
    {
        lock (_gate)
        {
            return _rows.TryGetValue(number, out var row) ? [.. row.History] : [];
        }
    }

    /// <summary>A turn's ticket writes, all or nothing: the new ticket (with its "created" line), the secret marks,
    /// then the changes in order. Throws before changing anything when the number is taken or a change's version is
    /// stale.</summary>
    public void CommitTurn(
        Ticket? created, IReadOnlyList<long> markSecretExposed, IReadOnlyList<TicketChange> changes, DateTimeOffset at)
    {
        lock (_gate)
        {
            if (created is not null && _rows.ContainsKey(created.Number))
            {
                throw new InvalidOperationException($"Ticket number {created.Number} is already used.");
            }

            // Stage on copies so a stale version in the last change leaves the first ones unapplied.
            var staged = new Dictionary<long, MemoryTicketRow>();
            MemoryTicketRow? Current(long number) =>
                staged.TryGetValue(number, out var row) ? row : _rows.GetValueOrDefault(number);

            if (created is not null)
            {
                var row = new MemoryTicketRow(created);
                row.History.Add(new TicketHistoryEntry(created.CreatedAt, "user", "created", null));
                staged[created.Number] = row;
            }

            foreach (var number in markSecretExposed)
            {
                if (Current(number) is { } row)
                {
                    staged[number] = Copy(row, row.Ticket with
                    {
                        Priority = TicketPriority.Urgent,
                        SecretExposed = true,
                        Version = row.Ticket.Version + 1,
                        UpdatedAt = at,
                    });
                }
            }

            foreach (var change in changes)
            {
                if (Current(change.Number) is { } row)
                {
                    var copy = Copy(row, row.Ticket);
                    Stage(copy, change);
                    staged[change.Number] = copy;
                }
            }

            foreach (var (number, row) in staged)
            {
                Put(number, row);
            }
        }
    }

    /// <summary>Applies one change; null when there is no such ticket. Throws <see cref="TicketConflictException"/>
    /// before changing anything when the change's version is stale.</summary>
    public Ticket? Apply(TicketChange change)
    {
        lock (_gate)
        {
            if (!_rows.TryGetValue(change.Number, out var row))
            {
                return null;
            }

            var copy = Copy(row, row.Ticket);
            Stage(copy, change);
            Put(change.Number, copy);
            return copy.Ticket;
        }
    }

    /// <summary>Marks the conversation's open tickets unreachable; already-marked ones are left alone.</summary>
    public void MarkUnreachable(ConversationKey conversation, string reason, DateTimeOffset at)
    {
        lock (_gate)
        {
            foreach (var number in _index.OfConversation(conversation))
            {
                var row = _rows[number];
                var ticket = row.Ticket;
                if (ticket.IsOpen && !ticket.Unreachable)
                {
                    _index.Remove(ticket, row.RatedAt);
                    row.Ticket = ticket with { Unreachable = true, Version = ticket.Version + 1, UpdatedAt = at };
                    _index.Add(row.Ticket, row.RatedAt);
                    row.History.Add(new TicketHistoryEntry(at, "system", "unreachable", reason));
                }
            }
        }
    }

    /// <summary>Sets the AI's summary without moving the version (see <see cref="Core.Storage.ITicketSummaryStore"/>);
    /// false when there is no such ticket.</summary>
    public bool SetSummary(long number, string summary)
    {
        lock (_gate)
        {
            if (!_rows.TryGetValue(number, out var row))
            {
                return false;
            }

            _index.Remove(row.Ticket, row.RatedAt);
            row.Ticket = row.Ticket with { Summary = summary };
            _index.Add(row.Ticket, row.RatedAt);
            return true;
        }
    }

    // Every write of a row goes through here, so the indexes never miss one.
    private void Put(long number, MemoryTicketRow row)
    {
        if (_rows.TryGetValue(number, out var old))
        {
            _index.Remove(old.Ticket, old.RatedAt);
            _rows[number] = row;
        }
        else
        {
            _rows[number] = row;
            _index.Created(row.Ticket);
        }

        _index.Add(row.Ticket, row.RatedAt);
    }

    private void Stage(MemoryTicketRow row, TicketChange change)
    {
        if (change.ExpectedVersion is { } expected && row.Ticket.Version != expected)
        {
            throw new TicketConflictException(change.Number);
        }

        var at = TicketChangeApplier.Truncate(change.At);
        row.Ticket = TicketChangeApplier.Apply(row.Ticket, change);
        if (change.Rating is not null)
        {
            row.RatedAt = at;
        }

        if (change.Note is { } note)
        {
            var id = Interlocked.Increment(ref _lastNoteId);
            row.Notes.Add(note with { Id = id, At = TicketChangeApplier.Truncate(note.At) });
        }

        foreach (var line in change.History)
        {
            row.History.Add(line with { At = TicketChangeApplier.Truncate(line.At) });
        }
    }

    private static MemoryTicketRow Copy(MemoryTicketRow row, Ticket ticket)
    {
        var copy = new MemoryTicketRow(ticket) { RatedAt = row.RatedAt };
        copy.Notes.AddRange(row.Notes);
        copy.History.AddRange(row.History);
        return copy;
    }
}
