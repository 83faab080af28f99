using System.Diagnostics;
using System.Text;
using SupportBot.Channels.Discord.Tests.Fakes;
using SupportBot.Core.Catalog;
using SupportBot.Testing;

namespace SupportBot.Channels.Discord.Tests;

/// <summary>The real program, started as README says with the settings in environment variables, against the fake
/// Discord: what a support lead sees in the log, and a user's first DM answered.</summary>
public sealed class HostRunTests
{
    private const string User = "100000000000000005";

    [Fact]
    public async Task TheHostStartedWithABotTokenConnectsSaysWhoItIsAndAnswersADm()
    {
        await using var fake = await FakeDiscord.StartAsync();
        var data = Path.Combine(Path.GetTempPath(), "supportbot-discord-host-" + Guid.NewGuid().ToString("N"));
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepoPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "SupportBot.Host.dll"));
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["Urls"] = "http://127.0.0.1:0";
        info.Environment["Storage__Sqlite__Path"] = Path.Combine(data, "supportbot.db");
        info.Environment["Storage__Attachments__Path"] = Path.Combine(data, "attachments");
        info.Environment["Discord__BotToken"] = FakeDiscord.Token;
        info.Environment["Discord__ApiBaseUrl"] = fake.ApiBase.ToString();
        info.Environment["Discord__GatewayUrl"] = new Uri(fake.Address, "gateway").ToString().Replace("http://", "ws://", StringComparison.Ordinal);
        info.Environment["Discord__GuildId"] = FakeDiscord.GuildId;

        var output = new StringBuilder();
        var registered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await registered.Task.WaitAsync(TimeSpan.FromSeconds(90), TestContext.Current.CancellationToken);
            var log = Log();
            Assert.Contains("Discord: starting (staff threads off, intents 4609)", log, StringComparison.Ordinal);
            Assert.Contains("Discord: connected as SupportBot (" + FakeDiscord.BotUserId + ")", log, StringComparison.Ordinal);

            var dm = FakeDiscord.DmChannelOf(User);
            await fake.DispatchAsync("MESSAGE_CREATE", FakeDiscord.DmMessage(fake.NextId(), dm, User, "hello"));
            var greeting = Catalog().Text(TextKeys.Greeting).Get("en");
            await fake.WaitForAsync(
                f => f.MessagesTo(dm).Any(m => DiscordHarness.Unescape(m.Content!).Contains(greeting, StringComparison.Ordinal)),
                TestContext.Current.CancellationToken);
            Assert.Empty(fake.Violations);
            Assert.DoesNotContain(FakeDiscord.Token, Log(), StringComparison.Ordinal);
        }
        finally
        {
            // What a support lead would read (shown with a detailed console logger).
            TestContext.Current.TestOutputHelper?.WriteLine(Log());
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            if (Directory.Exists(data))
            {
                Directory.Delete(data, recursive: true);
            }
        }

        void OnLine(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(line);
            }

            if (line.Contains("slash commands registered", StringComparison.Ordinal))
            {
                registered.TrySetResult();
            }
        }

        string Log()
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    private static DialogCatalog Catalog() => SupportBot.Dialogs.DialogCatalogLoader.Load(RepoPaths.Dialogs);
}
