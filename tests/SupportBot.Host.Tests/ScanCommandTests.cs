using System.Text.Json;

namespace SupportBot.Host.Tests;

/// <summary><c>scan</c> through the real program: findings with positions, redacted text, never the secret.</summary>
public sealed class ScanCommandTests
{
    [Fact]
    public async Task ScanReportsSecretsWithoutPrintingThem()
    {
        const string seed = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";
        var root = SupportBot.Testing.RepoPaths.Root;
        var (code, stdout, stderr) = await HostProcess.RunAsync(root, ["hi, my seed is " + seed + " and UID 12345678"], "scan", "--json");

        Assert.True(code == 1, stderr);
        var report = JsonDocument.Parse(stdout).RootElement;
        var finding = Assert.Single(report.GetProperty("findings").EnumerateArray());
        Assert.Equal("seedPhrase", finding.GetProperty("kind").GetString());
        // The finding covers the whole phrase (it may start at the cue "seed is" before it).
        var start = finding.GetProperty("start").GetInt32();
        Assert.InRange(start, 0, 15);
        Assert.True(start + finding.GetProperty("length").GetInt32() >= 15 + seed.Length);
        Assert.DoesNotContain("abandon", stdout, StringComparison.Ordinal);
        Assert.Contains("UID 12345678", report.GetProperty("redacted").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CleanTextExitsZero()
    {
        var (code, stdout, _) = await HostProcess.RunAsync(SupportBot.Testing.RepoPaths.Root, ["my deposit of 100 USDT has not arrived"], "scan");

        Assert.Equal(0, code);
        Assert.Contains("No secrets found", stdout, StringComparison.Ordinal);
    }
}
