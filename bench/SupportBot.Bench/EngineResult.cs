namespace SupportBot.Bench;

/// <summary>One engine measurement.</summary>
internal sealed record EngineResult(
    string Name, int Workers, int Turns, double TurnsPerSecond, double P50Microseconds, double P99Microseconds,
    int PausedStateBytes,
    double MeanMicroseconds);
