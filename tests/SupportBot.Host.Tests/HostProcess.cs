using System.Diagnostics;
using System.Text;

namespace SupportBot.Host.Tests;

/// <summary>Runs the real host program (the built SupportBot.Host.dll) as a separate process, as a user would.</summary>
internal sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly List<string> _lines = [];
    private readonly SemaphoreSlim _lineArrived = new(0);

    private HostProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            lock (_lines)
            {
                _stdout.AppendLine(e.Data);
                _lines.Add(e.Data);
            }

            _lineArrived.Release();
        };
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (_stderr)
                {
                    _stderr.AppendLine(e.Data);
                }
            }
        };
    }

    public string Stdout
    {
        get
        {
            lock (_lines)
            {
                return _stdout.ToString();
            }
        }
    }

    public string Stderr
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    public static HostProcess Start(string workingDirectory, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "SupportBot.Host.dll"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (key, value) in Testing.Images.ScreenshotTestSettings.Relaxed)
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        var process = new Process { StartInfo = info };
        var host = new HostProcess(process);
        process.Start();
        process.StandardInput.AutoFlush = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return host;
    }

    /// <summary>Runs to completion with <paramref name="input"/> on stdin; returns the exit code.</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(
        string workingDirectory, IEnumerable<string> input, params string[] args)
    {
        await using var host = Start(workingDirectory, args);
        foreach (var line in input)
        {
            await host.WriteLineAsync(line);
        }

        host.CloseInput();
        var code = await host.WaitForExitAsync();
        return (code, host.Stdout, host.Stderr);
    }

    public async Task WriteLineAsync(string line) => await _process.StandardInput.WriteLineAsync(line);

    public void CloseInput() => _process.StandardInput.Close();

    /// <summary>Waits until stdout has at least <paramref name="count"/> lines.</summary>
    public async Task WaitForLinesAsync(int count, CancellationToken ct)
    {
        while (Lines.Count < count)
        {
            await _lineArrived.WaitAsync(ct);
        }
    }

    /// <summary>Waits for a stdout line (after the first <paramref name="skip"/>) that <paramref name="match"/>
    /// accepts, and returns it with its index.</summary>
    public async Task<(string Line, int Index)> WaitForLineAsync(Func<string, bool> match, CancellationToken ct, int skip = 0)
    {
        var next = skip;
        while (true)
        {
            var lines = Lines;
            for (; next < lines.Count; next++)
            {
                if (match(lines[next]))
                {
                    return (lines[next], next);
                }
            }

            // A permit may be left over from a line already looked at: the loop just looks again.
            await _lineArrived.WaitAsync(ct);
        }
    }

    public async Task<int> WaitForExitAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await _process.WaitForExitAsync(timeout.Token);
        _process.WaitForExit(); // drains the async output readers
        return _process.ExitCode;
    }

    /// <summary>Kills the process the hard way, as a crash would (no shutdown code runs).</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
        _lineArrived.Dispose();
    }
}
