namespace SupportBot.Bench.DirectLine;

/// <summary>What one measured run gave.</summary>
/// <param name="Name">What was measured.</param>
/// <param name="Connections">Concurrent clients.</param>
/// <param name="Messages">Round trips completed in the measured window.</param>
/// <param name="Failures">Round trips that failed or timed out.</param>
/// <param name="Seconds">The measured window.</param>
/// <param name="LatenciesMs">Each round trip's latency, sorted.</param>
internal sealed record LoadResult(string Name, int Connections, long Messages, long Failures, double Seconds, double[] LatenciesMs)
{
    public double PerSecond => Messages / Seconds;

    /// <summary>CPU time the whole process (driver and servers) used in the measured window.</summary>
    public double CpuSeconds { get; init; }

    /// <summary>Bytes allocated by the process in the measured window.</summary>
    public long AllocatedBytes { get; init; }

    /// <summary>Garbage collections (any generation) in the measured window.</summary>
    public int Collections { get; init; }

    /// <summary>Kilobytes allocated per completed round trip, driver included.</summary>
    public double KilobytesPerMessage => Messages == 0 ? double.NaN : AllocatedBytes / 1024.0 / Messages;

    /// <summary>CPU microseconds per completed round trip, driver included.</summary>
    public double CpuMicrosecondsPerMessage => Messages == 0 ? double.NaN : CpuSeconds * 1e6 / Messages;

    public double Percentile(double p) =>
        LatenciesMs.Length == 0 ? double.NaN : LatenciesMs[Math.Min(LatenciesMs.Length - 1, (int)Math.Ceiling(p * LatenciesMs.Length) - 1)];
}
