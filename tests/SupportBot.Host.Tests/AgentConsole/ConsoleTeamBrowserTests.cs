using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Playwright;
using SupportBot.Core.Agents;
using SupportBot.Core.Catalog;
using SupportBot.Core.Handoff;
using SupportBot.Core.Storage;
using SupportBot.Core.Tickets;
using SupportBot.Host.AgentConsole;
using SupportBot.Testing;
using static Microsoft.Playwright.Assertions;

namespace SupportBot.Host.Tests.AgentConsole;

/// <summary>Issue 18 in a real headless Chromium against the real host: the forced password change, search by a
/// TXID the user typed with the UID and other tickets shown, an admin's takeover told live to the previous agent,
/// the SLA highlight on a moved clock, and the language switch covering the page's words.</summary>
public sealed class ConsoleTeamBrowserTests(ConsoleBrowserFixture browser) : IClassFixture<ConsoleBrowserFixture>
{
    private const string TxId = "7f3c2a91b4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FirstSignInWithAOneTimePasswordForcesANewPasswordThenTheQueueOpens()
    {
        await using var host = await ConsoleHost.StartAsync();
        await host.AddAgentAsync("root", AgentRole.Admin);
        var oneTime = AgentSecrets.NewPassword();
        await host.Host.Get<IAgentStore>().CreateAgentAsync(
            new NewAgent("newbie", AgentRole.Agent, AgentSecrets.NewCode(), host.Host.Get<PasswordHasher>().Hash(oneTime), DateTimeOffset.UtcNow)
            {
                MustChangePassword = true,
            },
            Ct);
        var page = await browser.Chromium.NewPageAsync();

        await SignInAsync(page, host, "newbie", oneTime);
        await Expect(page.Locator("#password-view")).ToBeVisibleAsync();
        await Expect(page.Locator("#password-forced")).ToBeVisibleAsync();

        // The queue cannot be reached around it.
        await page.GotoAsync(host.Address + "agent/#/queue");
        await Expect(page.Locator("#password-view")).ToBeVisibleAsync();
        await Expect(page.Locator("#queue-view")).ToBeHiddenAsync();

        await page.FillAsync("#pw-current", oneTime);
        await page.FillAsync("#pw-new", "short");
        await page.FillAsync("#pw-confirm", "short");
        await page.ClickAsync("#pw-submit");
        await Expect(page.Locator("#pw-error")).ToContainTextAsync("12");

        await page.FillAsync("#pw-current", oneTime);
        await page.FillAsync("#pw-new", "my own long passphrase");
        await page.FillAsync("#pw-confirm", "my own long passphrase");
        await page.ClickAsync("#pw-submit");
        await Expect(page.Locator("#queue-view")).ToBeVisibleAsync();
        await Expect(page.Locator("#live.on")).ToBeVisibleAsync();

        // The one-time password is spent; the chosen one signs in.
        await page.ClickAsync("#signout");
        await page.FillAsync("#signin-name", "newbie");
        await page.FillAsync("#signin-password", oneTime);
        await page.ClickAsync("#signin-submit");
        await Expect(page.Locator("#signin-error")).Not.ToBeEmptyAsync();
        await SignInAsync(page, host, "newbie", "my own long passphrase");
        await Expect(page.Locator("#queue-view")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task AgentFindsATicketByTheTxidTheUserTypedAndSeesTheUidAndOtherTickets()
    {
        await using var host = await ConsoleHost.StartAsync();
        var (_, password) = await host.AddAgentAsync("alice", AgentRole.Admin);
        var number = await host.OpenTicketAsync("search-user", "Li Wei 李伟");
        await host.SayAsync("search-user", "the transaction hash is " + TxId + " please check");
        var other = await host.OpenTicketAsync("other-channel-user");
        var unrelated = await host.OpenTicketAsync("unrelated-user");
        await AddUidAsync(host, number, "48213377");
        await AddUidAsync(host, other, "48213377");
        await AddUidAsync(host, unrelated, "99999999");
        var page = await browser.Chromium.NewPageAsync();
        await SignInAsync(page, host, "alice", password);

        await page.FillAsync("#search", TxId[10..30]);
        await page.ClickAsync("#search-submit");
        var rows = page.Locator("#queue-rows tr");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First).ToHaveAttributeAsync("data-number", number.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(rows.First.Locator("td.uid")).ToHaveTextAsync("48213377");
        await Expect(rows.First.Locator("td.user")).ToContainTextAsync("Li Wei 李伟");

        // The profile name the channel reported finds the ticket too.
        await page.FillAsync("#search", "li wei");
        await page.ClickAsync("#search-submit");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First).ToHaveAttributeAsync("data-number", number.ToString(System.Globalization.CultureInfo.InvariantCulture));

        // A UID finds both tickets that gave it.
        await page.FillAsync("#search", "48213377");
        await page.ClickAsync("#search-submit");
        await Expect(rows).ToHaveCountAsync(2);

        await page.Locator($"tr[data-number='{number}'] a").ClickAsync();
        await Expect(page.Locator("#t-facts dd.uid")).ToHaveTextAsync("48213377");
        await Expect(page.Locator("#t-facts dd.user")).ToContainTextAsync("Li Wei 李伟");
        var related = page.Locator("#t-related");
        await Expect(related).ToContainTextAsync("#" + other);
        await Expect(related).Not.ToContainTextAsync("#" + unrelated);

        // Too short a search is answered, not run.
        await page.ClickAsync("#nav-queue");
        await page.FillAsync("#search", "ab");
        await page.ClickAsync("#search-submit");
        await Expect(page.Locator("#search-error")).ToContainTextAsync("3");
    }

    [Fact]
    public async Task AdminTakesOverBobsTicketAndBobIsToldLive()
    {
        await using var host = await ConsoleHost.StartAsync();
        var (_, alicePassword) = await host.AddAgentAsync("alice", AgentRole.Admin);
        var (bob, bobPassword) = await host.AddAgentAsync("bob");
        var number = await host.OpenTicketAsync("takeover-user");
        Assert.Equal(DeskOutcome.Done, (await host.Host.Get<TicketDesk>().ClaimAsync(number, bob, Ct)).Outcome);
        var alice = await browser.Chromium.NewPageAsync();
        var bobPage = await browser.Chromium.NewPageAsync();
        await SignInAsync(bobPage, host, "bob", bobPassword);
        await Expect(bobPage.Locator("#live.on")).ToBeVisibleAsync();
        await SignInAsync(alice, host, "alice", alicePassword);
        await alice.GotoAsync(host.Address + $"agent/#/ticket/{number}");
        await Expect(alice.Locator("#t-facts")).ToContainTextAsync("bob");

        await alice.ClickAsync("#t-takeover");

        await Expect(alice.Locator("#t-claim")).ToHaveTextAsync("Claimed by you");
        await Expect(alice.Locator("#t-history")).ToContainTextAsync("bob → alice");
        var notice = bobPage.Locator("#notice");
        await Expect(notice).ToBeVisibleAsync();
        await Expect(notice).ToContainTextAsync("#" + number);
        await Expect(notice).ToContainTextAsync("alice");
        Assert.Equal("alice", (await host.Host.Get<ITicketStore>().GetTicketAsync(number, Ct))!.AssigneeName);

        // Bob, an agent, cannot take it back through the API.
        using var bobClient = await host.SignedInClientAsync("bob", bobPassword);
        var refused = await bobClient.PostAsJsonAsync($"/agent/api/tickets/{number}/assign", new { agent = "bob" }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task UrgentTicketPastItsSlaIsHighlightedAndSortsFirstOnAMovedClock()
    {
        var time = new ManualTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await ConsoleHost.StartAsync(
            new Dictionary<string, string?> { ["AgentConsole:Sla:Urgent"] = "00:15:00", ["AgentConsole:Sla:Normal"] = "04:00:00" },
            builder => builder.Services.Replace(ServiceDescriptor.Singleton<TimeProvider>(time)));
        var (_, password) = await host.AddAgentAsync("alice", AgentRole.Admin);
        var normal = await host.OpenTicketAsync("sla-normal");
        var urgent = await host.OpenTicketAsync("sla-urgent");
        await host.Host.Get<TicketDesk>().SetPriorityAsync(urgent, new DeskActor("test", null), TicketPriority.Urgent, Ct);
        var page = await browser.Chromium.NewPageAsync();
        await SignInAsync(page, host, "alice", password);
        var urgentRow = page.Locator($"tr[data-number='{urgent}']");
        await Expect(urgentRow).ToBeVisibleAsync();
        await Expect(urgentRow).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("sla-breached"));

        time.Advance(TimeSpan.FromMinutes(20));
        await page.ClickAsync("#nav-dashboard");
        await page.ClickAsync("#nav-queue");

        await Expect(urgentRow).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("sla-breached"));
        await Expect(urgentRow.Locator("td.sla")).ToHaveTextAsync("Breached");
        await Expect(page.Locator($"tr[data-number='{normal}']")).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("sla-breached"));
        await page.ClickAsync("#sort-sla");
        await Expect(page.Locator("#queue-rows tr").First).ToHaveAttributeAsync("data-number", urgent.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task SwitchingTo中文TranslatesEveryWordOfThePageAndTheErrors()
    {
        await using var host = await ConsoleHost.StartAsync(new Dictionary<string, string?> { ["AgentConsole:TimeZone"] = "Asia/Shanghai" });
        var (_, password) = await host.AddAgentAsync("alice", AgentRole.Admin);
        var number = await host.OpenTicketAsync("lang-user");
        var catalog = host.Host.Get<DialogCatalog>();
        var page = await browser.Chromium.NewPageAsync();
        await SignInAsync(page, host, "alice", password);

        await page.SelectOptionAsync("#lang", "zh-CN");
        await Expect(page.Locator("#nav-queue")).ToHaveTextAsync(catalog.Text("console.ui.nav.queue").Get("zh-CN"));

        // Every element that names a text shows its Chinese version, on every view.
        foreach (var hash in new[] { "#/queue", $"#/ticket/{number}", "#/dashboard", "#/agents", "#/password" })
        {
            await page.GotoAsync(host.Address + "agent/" + hash);
            await Expect(page.Locator("#who")).ToContainTextAsync("alice");
            var keys = await page.EvalOnSelectorAllAsync<string[][]>(
                "[data-t]", "nodes => nodes.map(n => [n.dataset.t, n.textContent])");
            foreach (var pair in keys)
            {
                Assert.Equal(catalog.Text(pair[0]).Get("zh-CN"), pair[1]);
            }
        }

        await page.GotoAsync(host.Address + $"agent/#/ticket/{number}");
        await Expect(page.Locator("#t-title")).ToContainTextAsync("工单 #" + number);
        await Expect(page.Locator("#zone")).ToContainTextAsync("Asia/Shanghai");
        await Expect(page.Locator("#t-transcript .meta").First).ToContainTextAsync("用户");

        // Times carry the zone: GMT+8 for Asia/Shanghai.
        await Expect(page.Locator("#t-facts")).ToContainTextAsync("GMT+8");

        // A refusal from the server comes in Chinese too.
        await page.FillAsync("#t-reply", "Please send me your private key");
        await page.ClickAsync("#t-send");
        await Expect(page.Locator("#reply-error")).ToHaveTextAsync(
            catalog.Text(TextKeys.OutboundBlocked(SupportBot.Core.Safety.SecretKind.PrivateKey)).Get("zh-CN"));
    }

    [Fact]
    public async Task ReportShowsChartsTheUnrecognizedListWithItsConversationAndTheCsv()
    {
        await using var host = await ConsoleHost.StartAsync();
        var (_, password) = await host.AddAgentAsync("alice", AgentRole.Admin);
        foreach (var line in new[] { "hello", "qwzx blorf", "my deposit has not arrived", "yes" })
        {
            await host.SayAsync("report-user", line);
        }

        var page = await browser.Chromium.NewPageAsync();
        await SignInAsync(page, host, "alice", password);
        await page.ClickAsync("#nav-dashboard");

        await Expect(page.Locator("#report")).ToBeVisibleAsync();
        await Expect(page.Locator("#chart-conversations svg rect")).ToHaveCountAsync(1);
        await Expect(page.Locator("#chart-outcomes svg rect.self-help").First).ToBeVisibleAsync();
        var csv = await page.EvaluateAsync<string>("async () => (await fetch(document.getElementById('report-csv').href)).text()");
        Assert.Contains("outcome,deposit,self_help,1", csv, StringComparison.Ordinal);

        await page.Locator("#report-unrecognized a", new PageLocatorOptions { HasText = "qwzx blorf" }).ClickAsync();
        await Expect(page.Locator("#conversation-view")).ToBeVisibleAsync();
        await Expect(page.Locator("#c-transcript")).ToContainTextAsync("my deposit has not arrived");
    }

    private static async Task AddUidAsync(ConsoleHost host, long number, string uid) =>
        await host.Host.Get<ITicketStore>().ApplyTicketChangeAsync(
            new TicketChange
            {
                Number = number,
                At = DateTimeOffset.UtcNow,
                AddDetails = [new TicketDetail("uid", "uid", uid, uid, null)],
            },
            Ct);

    private static async Task SignInAsync(IPage page, ConsoleHost host, string name, string password)
    {
        await page.GotoAsync(host.Address + "agent/");
        await page.FillAsync("#signin-name", name);
        await page.FillAsync("#signin-password", password);
        await page.ClickAsync("#signin-submit");
        await Expect(page.Locator("#who")).ToContainTextAsync(name);
    }
}
