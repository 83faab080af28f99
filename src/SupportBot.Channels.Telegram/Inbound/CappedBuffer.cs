namespace SupportBot.Channels.Telegram.Inbound;

/// <summary>A memory stream that refuses to grow past a limit: the library copies a download into it, and a file
/// larger than Telegram said (or than it did not say) stops at the limit instead of filling the memory.</summary>
internal sealed class CappedBuffer(long maxBytes) : MemoryStream
{
    public override void Write(byte[] buffer, int offset, int count)
    {
        Check(count);
        base.Write(buffer, offset, count);
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        Check(buffer.Length);
        base.Write(buffer);
    }

    public override void WriteByte(byte value)
    {
        Check(1);
        base.WriteByte(value);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Check(count);
        return base.WriteAsync(buffer, offset, count, cancellationToken);
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Check(buffer.Length);
        return base.WriteAsync(buffer, cancellationToken);
    }

    private void Check(int adding)
    {
        if (Length + adding > maxBytes)
        {
            throw new FullException();
        }
    }

    /// <summary>The file is larger than the limit.</summary>
    internal sealed class FullException : IOException
    {
        public FullException()
            : base("The file is larger than the limit.")
        {
        }
    }
}
