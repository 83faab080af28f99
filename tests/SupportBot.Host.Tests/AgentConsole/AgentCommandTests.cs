using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace SupportBot.Host.Tests.AgentConsole;

/// <summary><c>agent …</c> through the real program, on the real SQLite file in a temporary folder.</summary>
public sealed partial class AgentCommandTests : IDisposable
{
    private static readonly string[] Cheap = ["--", "--environment=Testing", "--AgentConsole:PasswordIterations=1000"];

    private readonly string _workDir = Directory.CreateTempSubdirectory("supportbot-agent-").FullName;

    public void Dispose() => Directory.Delete(_workDir, recursive: true);

    private Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] args) =>
        HostProcess.RunAsync(_workDir, [], [.. args, .. Cheap]);

    [Fact]
    public async Task AddPrintsCodeAndOneTimePasswordThatSignsIn()
    {
        var (code, stdout, stderr) = await RunAsync("agent", "add", "--name", "alice", "--role", "admin");

        Assert.True(code == 0, stderr);
        Assert.Contains("alice", stdout, StringComparison.Ordinal);
        Assert.Contains("admin", stdout, StringComparison.Ordinal);
        Assert.Matches(@"code:\s+SB-[2-9A-Z]{6}", stdout);
        var password = PasswordLine().Match(stdout).Groups[1].Value;
        Assert.Equal(20, password.Length);

        await using var host = await ConsoleHost.StartAsync(new Dictionary<string, string?>
        {
            ["Storage:Sqlite:Path"] = Path.Combine(_workDir, "data", "supportbot.db"),
        });
        using var client = host.NewClient();
        var good = await client.PostAsJsonAsync("/agent/api/signin", new { name = "alice", password }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        var page = await client.GetAsync("/agent/", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task DuplicateNameExitsWith2AndSaysSo()
    {
        Assert.Equal(0, (await RunAsync("agent", "add", "--name", "bob", "--role", "agent")).ExitCode);

        var (code, stdout, stderr) = await RunAsync("agent", "add", "--name", "BOB", "--role", "agent");

        Assert.Equal(2, code);
        Assert.Contains("exists already", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("password", stdout, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task UnknownRoleExitsWith2AndNamesTheRoles()
    {
        var (code, _, stderr) = await RunAsync("agent", "add", "--name", "carol", "--role", "boss");

        Assert.Equal(2, code);
        Assert.Contains("use agent or admin", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListLinkDeactivateAndResetPassword()
    {
        Assert.Equal(0, (await RunAsync("agent", "add", "--name", "root", "--role", "admin")).ExitCode);
        var added = await RunAsync("agent", "add", "--name", "dave", "--role", "agent");
        var oldPassword = PasswordLine().Match(added.Stdout).Groups[1].Value;

        Assert.Equal(0, (await RunAsync("agent", "link", "--name", "dave", "--telegram", "424242")).ExitCode);
        var reset = await RunAsync("agent", "reset-password", "--name", "dave");
        Assert.Equal(0, reset.ExitCode);
        var newPassword = NewPasswordLine().Match(reset.Stdout).Groups[1].Value;
        Assert.NotEqual(oldPassword, newPassword);

        var list = await RunAsync("agent", "list");
        Assert.Equal(0, list.ExitCode);
        Assert.Matches(@"dave\s+agent\s+SB-[2-9A-Z]{6}\s+yes\s+telegram:424242", list.Stdout);
        Assert.DoesNotContain(newPassword, list.Stdout, StringComparison.Ordinal);

        await using (var host = await ConsoleHost.StartAsync(new Dictionary<string, string?>
        {
            ["Storage:Sqlite:Path"] = Path.Combine(_workDir, "data", "supportbot.db"),
        }))
        {
            using var client = host.NewClient();
            var old = await client.PostAsJsonAsync("/agent/api/signin", new { name = "dave", password = oldPassword }, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode);
            var fresh = await client.PostAsJsonAsync("/agent/api/signin", new { name = "dave", password = newPassword }, TestContext.Current.CancellationToken);
            Assert.True(fresh.StatusCode == HttpStatusCode.OK, fresh.StatusCode + " " + await fresh.Content.ReadAsStringAsync(TestContext.Current.CancellationToken) + " " + reset.Stdout);
        }

        Assert.Equal(0, (await RunAsync("agent", "deactivate", "--name", "dave")).ExitCode);
        Assert.Matches(@"dave\s+agent\s+SB-[2-9A-Z]{6}\s+no", (await RunAsync("agent", "list")).Stdout);
        Assert.Equal(2, (await RunAsync("agent", "deactivate", "--name", "nobody")).ExitCode);
    }

    [GeneratedRegex(@"password:\s+(\S+)")]
    private static partial Regex PasswordLine();

    [GeneratedRegex(@"New password for \S+: (\S+)")]
    private static partial Regex NewPasswordLine();
}
