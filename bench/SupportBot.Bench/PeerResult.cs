using System.Text.Json;

namespace SupportBot.Bench;

/// <summary>The peer's figures, from the JSON line <c>node run-all.js</c> prints (its medians).</summary>
internal sealed record PeerResult(double TurnsPerSecond, double P50Microseconds, double P99Microseconds, double StateChars)
{
    public static PeerResult Read(string path)
    {
        var line = File.ReadAllLines(path).Last(l => l.TrimStart().StartsWith('{'));
        var median = JsonDocument.Parse(line).RootElement.GetProperty("median");
        return new PeerResult(
            median.GetProperty("turns_per_sec").GetDouble(),
            median.GetProperty("latency_p50_us").GetDouble(),
            median.GetProperty("latency_p99_us").GetDouble(),
            median.GetProperty("idle_serialized_state_chars_per_conversation").GetDouble());
    }
}
