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

    public double Percentile(double p) =>
        LatenciesMs.Length == 0 ? double.NaN : LatenciesMs[Math.Min(LatenciesMs.Length - 1, (int)Math.Ceiling(p * LatenciesMs.Length) - 1)];
}
