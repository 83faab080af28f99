using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.Host.Web;
using SupportBot.Testing;

namespace SupportBot.Host.Tests;

/// <summary>Start-up: the service answers on loopback, and broken dialogs or configuration stop it with a message
/// that names the file and line, or the key.</summary>
public sealed class StartupTests : IDisposable
{
    private readonly string _workDir = Directory.CreateTempSubdirectory("supportbot-startup-").FullName;

    public void Dispose() => Directory.Delete(_workDir, recursive: true);

    [Fact]
    public async Task ServiceAnswersHealthWithTheShippedDialogsLoaded()
    {
        await using var app = SupportBotWebHost.Build(
            ["--urls", "http://127.0.0.1:0", "--contentRoot", RepoPaths.Root, "--Storage:Sqlite:Path", Path.Combine(_workDir, "bot.db")]);
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var http = new HttpClient { BaseAddress = new Uri(address) };

        var health = await http.GetFromJsonAsync<HealthReport>("/healthz", TestContext.Current.CancellationToken);

        Assert.Equal("ok", health!.Status);
        Assert.Equal(12, health.Problems);
        await app.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task BrokenDialogFileStopsStartUpWithFileAndLine()
    {
        var dialogs = CopyDialogs();
        var deposit = Path.Combine(dialogs, "problems", "deposit.yaml");
        var lines = (await File.ReadAllLinesAsync(deposit, TestContext.Current.CancellationToken)).ToList();
        var titleLine = lines.FindIndex(l => l.StartsWith("title:", StringComparison.Ordinal));
        lines[titleLine] = "titel:";
        await File.WriteAllLinesAsync(deposit, lines, TestContext.Current.CancellationToken);

        foreach (var args in new[] { new[] { "chat", "--", "--Dialogs:Path=" + dialogs }, ["--Dialogs:Path=" + dialogs, "--urls", "http://127.0.0.1:0"] })
        {
            var (code, _, stderr) = await HostProcess.RunAsync(_workDir, ["hello"], args);

            Assert.Equal(2, code);
            Assert.Contains($"problems/deposit.yaml:{titleLine + 1}:", stderr, StringComparison.Ordinal);
            Assert.Contains("titel", stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("--Bot:TimeZone=Mars/Olympus_Mons", "Bot:TimeZone")]
    [InlineData("--Bot:MaxAttempts=0", "Bot:MaxAttempts")]
    [InlineData("--Storage:Provider=Mongo", "Storage:Provider")]
    [InlineData("--Dialogs:Path=/no/such/dialogs", "Dialogs:Path")]
    [InlineData("--Support:BusinessHours:Open=9am", "Support:BusinessHours:Open")]
    [InlineData("--Support:BusinessHours:Days=Weekdays", "Support:BusinessHours:Days")]
    [InlineData("--Support:ReopenWindow=00:00:01", "Support:ReopenWindow")]
    public async Task BadSettingStopsStartUpNamingTheKey(string setting, string key)
    {
        var (code, _, stderr) = await HostProcess.RunAsync(_workDir, ["hello"], "chat", "--", setting);

        Assert.Equal(2, code);
        Assert.Contains(key, stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    private string CopyDialogs()
    {
        var target = Path.Combine(_workDir, "dialogs");
        foreach (var file in Directory.GetFiles(RepoPaths.Dialogs, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(RepoPaths.Dialogs, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        return target;
    }
}
