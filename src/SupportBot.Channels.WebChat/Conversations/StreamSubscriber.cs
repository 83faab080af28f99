using System.Threading.Channels;

namespace SupportBot.Channels.WebChat.Conversations;

/// <summary>The queue of frames for one WebSocket: activity sets and empty keep-alive messages, written by the log
/// and the keep-alive timer, read by the socket's send loop.</summary>
public sealed class StreamSubscriber
{
    /// <summary>The close reason when a newer socket of the same conversation replaced this one.</summary>
    public const string Collision = "collision";

    /// <summary>Frames queued beyond this mean the client does not read: the socket is closed (it can reconnect
    /// with its watermark and lose nothing).</summary>
    private const int MaxQueuedFrames = 1000;

    private readonly Channel<byte[]> _frames = Channel.CreateBounded<byte[]>(
        new BoundedChannelOptions(MaxQueuedFrames) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    /// <summary>The empty keep-alive message.</summary>
    public static byte[] KeepAlive { get; } = [];

    /// <summary>Why the queue was closed by the server side (<see cref="Collision"/>, "slow"), or null.</summary>
    public string? CloseReason { get; private set; }

    /// <summary>The frames to send.</summary>
    public ChannelReader<byte[]> Frames => _frames.Reader;

    /// <summary>Queues a frame; a full queue closes the stream.</summary>
    public void Push(byte[] frame)
    {
        if (!_frames.Writer.TryWrite(frame))
        {
            Complete("slow");
        }
    }

    /// <summary>Ends the stream with <paramref name="reason"/>.</summary>
    public void Complete(string reason)
    {
        CloseReason ??= reason;
        _frames.Writer.TryComplete();
    }
}
