using System.Text.Json;
using System.Text.RegularExpressions;
using SupportBot.Testing;

namespace SupportBot.Host.Tests;

/// <summary>The examples README.md gives a newcomer, taken from README itself and run through the real program, so
/// that an example that demonstrates nothing (or no longer works) fails here rather than in front of a newcomer.</summary>
public sealed partial class ReadmeExamplesTests : IDisposable
{
    private readonly string _workDir = Directory.CreateTempSubdirectory("supportbot-readme-").FullName;

    private static string Readme => File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));

    [Fact]
    public async Task TheScanExampleFindsTheSeedPhraseItShowsAndNeverPrintsIt()
    {
        var match = ScanExample().Match(Readme);
        Assert.True(match.Success, "README has no `echo \"…\" | dotnet run … -- scan --json` example");
        var input = match.Groups["text"].Value;

        var (code, stdout, stderr) = await HostProcess.RunAsync(RepoPaths.Root, [input], "scan", "--json");

        Assert.True(code == 1, "the example should find a secret; stderr: " + stderr);
        var finding = Assert.Single(JsonDocument.Parse(stdout).RootElement.GetProperty("findings").EnumerateArray());
        Assert.Equal("seedPhrase", finding.GetProperty("kind").GetString());
        foreach (var word in input.Split(' ').Skip(3))
        {
            Assert.DoesNotContain(" " + word + " ", stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task TheScriptedChatExampleReachesTheDepositProblem()
    {
        var match = ChatExample().Match(Readme);
        Assert.True(match.Success, "README has no `printf '…' | dotnet run … -- chat --json` example");
        var lines = match.Groups["lines"].Value.Split("\\n", StringSplitOptions.RemoveEmptyEntries);

        var (code, stdout, stderr) = await HostProcess.RunAsync(_workDir, lines, "chat", "--json", "--user", "readme");

        Assert.True(code == 0, stderr);
        var replies = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Contains(replies, r => r.GetProperty("problem").GetString() == "deposit");
    }

    public void Dispose() => Directory.Delete(_workDir, recursive: true);

    [GeneratedRegex("""echo "(?<text>[^"]+)" \| dotnet run --project src/SupportBot\.Host -- scan --json""")]
    private static partial Regex ScanExample();

    [GeneratedRegex("""printf '(?<lines>[^']+)' \| dotnet run --project src/SupportBot\.Host -- chat --json""")]
    private static partial Regex ChatExample();
}
