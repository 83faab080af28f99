using System.Threading.Channels;

namespace SupportBot.Host.AgentConsole;

/// <summary>Live notices to one agent's open consoles (e.g. "your ticket was taken over"), sent on their event
/// stream. Carries only a kind and names, never ticket text; the page words it in its language.</summary>
internal sealed class ConsoleNotices
{
    private readonly Lock _gate = new();
    private readonly List<(long AgentId, Channel<ConsoleNotice> Channel)> _listeners = [];

    /// <summary>Listens for notices to <paramref name="agentId"/> until the returned handle is disposed.</summary>
    public Listener Listen(long agentId)
    {
        var channel = Channel.CreateBounded<ConsoleNotice>(new BoundedChannelOptions(64) { FullMode = BoundedChannelFullMode.DropOldest });
        lock (_gate)
        {
            _listeners.Add((agentId, channel));
        }

        return new Listener(this, agentId, channel);
    }

    /// <summary>Sends <paramref name="notice"/> to every open console of <paramref name="agentId"/>.</summary>
    public void Send(long agentId, ConsoleNotice notice)
    {
        lock (_gate)
        {
            foreach (var (id, channel) in _listeners)
            {
                if (id == agentId)
                {
                    channel.Writer.TryWrite(notice);
                }
            }
        }
    }

    private void Remove(long agentId, Channel<ConsoleNotice> channel)
    {
        lock (_gate)
        {
            _listeners.Remove((agentId, channel));
        }
    }

    /// <summary>One open console's notices.</summary>
    public sealed class Listener(ConsoleNotices owner, long agentId, Channel<ConsoleNotice> channel) : IDisposable
    {
        public ChannelReader<ConsoleNotice> Reader => channel.Reader;

        public void Dispose()
        {
            owner.Remove(agentId, channel);
            channel.Writer.TryComplete();
        }
    }
}

/// <summary>A notice: <c>taken</c> (an admin took the ticket over or gave it to someone else).</summary>
public sealed record ConsoleNotice(string Kind, long Number, string By, string? To);
