namespace SupportBot.Storage.Memory;

/// <summary>A ticket's place in one of the in-memory indexes: a time (UTC ticks), then the number to break ties, as
/// the SQLite indexes order them.</summary>
internal readonly record struct TicketKey(long Ticks, long Number) : IComparable<TicketKey>
{
    public static TicketKey At(DateTimeOffset time, long number) => new(time.UtcTicks, number);

    /// <summary>The first key at or after <paramref name="time"/>.</summary>
    public static TicketKey From(DateTimeOffset time) => new(time.UtcTicks, long.MinValue);

    public int CompareTo(TicketKey other)
    {
        var byTime = Ticks.CompareTo(other.Ticks);
        return byTime != 0 ? byTime : Number.CompareTo(other.Number);
    }
}
