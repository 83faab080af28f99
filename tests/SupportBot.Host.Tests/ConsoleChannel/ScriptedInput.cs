using System.Threading.Channels;

namespace SupportBot.Host.Tests.ConsoleChannel;

/// <summary>A stdin the test types into: each line is handed out when the session asks for one, and every request
/// for a line is announced, so the test knows the previous line was fully handled.</summary>
internal sealed class ScriptedInput : TextReader
{
    private readonly Channel<string?> _lines = Channel.CreateUnbounded<string?>();
    private readonly Channel<bool> _asked = Channel.CreateUnbounded<bool>();

    public override async ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        _asked.Writer.TryWrite(true);
        return await _lines.Reader.ReadAsync(cancellationToken);
    }

    /// <summary>Waits until the session asks for its next line.</summary>
    public async Task WaitForReadAsync(CancellationToken ct) => await _asked.Reader.ReadAsync(ct);

    /// <summary>Types <paramref name="line"/> and waits until the session has handled it and asks again.</summary>
    public async Task TypeAsync(string line, CancellationToken ct)
    {
        _lines.Writer.TryWrite(line);
        await WaitForReadAsync(ct);
    }

    /// <summary>Ends the input (Ctrl-D, or the end of a piped script).</summary>
    public void End() => _lines.Writer.TryWrite(null);
}
