using SupportBot.Core.Engine;
using SupportBot.Testing;

namespace SupportBot.AI.Tests;

/// <summary>When the rules cannot tell the problem, the model is asked (structured output over the catalog's ids);
/// what it names goes on exactly as if the rules had named it, and only what checks out is kept.</summary>
public sealed class ClassificationTests
{
    private const string Vague = "my money vanished after I moved it over to the exchange yesterday";
    private const string VagueChinese = "我的钱昨天放进去以后就不见了";

    [Fact]
    public async Task VagueMessageGetsTheMenuWithAiOffAndTheModelsProblemWithAiOn()
    {
        await using var harness = await ClassificationHarness.StartAsync();
        var withAiOff = harness.BotWithAiOff.Conversation("off");
        await withAiOff.SendAsync(Vague);
        Assert.Equal(Steps.Menu, withAiOff.Last.StepId);

        harness.ModelAnswers("deposit");
        var chat = harness.Bot.Conversation();
        await chat.SendAsync(Vague);

        // The deposit flow's first step, as when the rules name it: its self-help, then "did that solve it?".
        Assert.Equal(Steps.SelfHelp, chat.Last.StepId);
        Assert.Contains(chat.Replies, r => r.ProblemId == "deposit" && r.Text.Contains("block explorer", StringComparison.Ordinal));
        var request = Assert.Single(harness.Model.Requests);
        Assert.Contains(Vague, request.Prompt, StringComparison.Ordinal);
        await chat.ChooseAsync("needHelp");
        Assert.Equal("uid", chat.Last.StepId);
    }

    [Fact]
    public async Task ChineseVagueMessageGetsTheMenuWithAiOffAndTheModelsProblemWithAiOn()
    {
        await using var harness = await ClassificationHarness.StartAsync();
        var withAiOff = harness.BotWithAiOff.Conversation("off");
        await withAiOff.SendAsync(VagueChinese);
        Assert.Equal(Steps.Menu, withAiOff.Last.StepId);
        Assert.Contains("请选择", withAiOff.Last.Text, StringComparison.Ordinal);

        harness.ModelAnswers("deposit");
        var chat = harness.Bot.Conversation();
        await chat.SendAsync(VagueChinese);

        Assert.Equal(Steps.SelfHelp, chat.Last.StepId);
        Assert.Contains(chat.Replies, r => r.ProblemId == "deposit" && r.Text.Contains("区块浏览器", StringComparison.Ordinal));
        Assert.Contains(VagueChinese, Assert.Single(harness.Model.Requests).Prompt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RequestAsksForStructuredOutputOverTheCatalogsProblemIds()
    {
        await using var harness = await ClassificationHarness.StartAsync();
        harness.ModelAnswers("deposit");

        await harness.Bot.Conversation().SendAsync(Vague);

        var request = Assert.Single(harness.Model.Requests);
        var format = request.Json!["response_format"]!;
        Assert.Equal("json_schema", format["type"]!.GetValue<string>());
        Assert.True(format["json_schema"]!["strict"]!.GetValue<bool>());
        var ids = format["json_schema"]!["schema"]!["properties"]!["problem"]!["enum"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();
        Assert.Equal([.. TestBot.Shipped.Problems.Select(p => p.Id), "unknown"], ids);
        foreach (var problem in TestBot.Shipped.Problems)
        {
            Assert.Contains("- " + problem.Id + ": " + problem.Title.Get("en") + " / " + problem.Title.Get("zh-CN"), request.Prompt, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task MessageTheRulesPlaceNeverReachesTheModel()
    {
        await using var harness = await ClassificationHarness.StartAsync();
        harness.ModelAnswers("kyc");
        var chat = harness.Bot.Conversation();

        await chat.SendAsync("my deposit has not arrived");

        Assert.Equal(Steps.SelfHelp, chat.Last.StepId);
        Assert.Equal("deposit", chat.Last.ProblemId);
        Assert.Empty(harness.Model.Requests);
    }

    [Theory]
    [InlineData("refund-everything")]
    [InlineData("unknown")]
    [InlineData("")]
    [InlineData("DEPOSIT")]
    public async Task ProblemIdTheCatalogDoesNotHaveIsIgnored(string problem)
    {
        await using var harness = await ClassificationHarness.StartAsync();
        harness.ModelAnswers(problem);
        var chat = harness.Bot.Conversation();

        await chat.SendAsync(Vague);

        Assert.Single(harness.Model.Requests);
        Assert.Equal(await harness.WithAiOffAsync(Vague), chat.AllText);
        Assert.Equal(Steps.Menu, chat.Last.StepId);
    }

    [Fact]
    public async Task DetailWrittenInTheMessageThatOurRecognizerAcceptsIsKept()
    {
        // "account 48213377" is no labelled UID the rules take before the problem is known; the model's reading is
        // in the text and is a valid UID, so the flow starts past the self-help and does not ask for the UID.
        const string text = "my coins disappeared, account 48213377";
        await using var harness = await ClassificationHarness.StartAsync();
        Assert.Equal(Steps.Menu, (await harness.BotWithAiOff.Conversation("off").SendAsync(text)).Last.StepId);
        harness.ModelAnswers("deposit", ("uid", "48213377"));
        var chat = harness.Bot.Conversation();

        await chat.SendAsync(text);

        Assert.Equal("deposit", chat.Last.ProblemId);
        Assert.DoesNotContain(chat.Replies, r => r.StepId == Steps.SelfHelp);
        Assert.NotEqual("uid", chat.Last.StepId);
    }

    [Theory]
    [InlineData("txid", "0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060")] // not in the text
    [InlineData("uid", "4821")] // in the text, but too short for a UID
    [InlineData("uid", "821337")] // in the text only as part of a longer number
    [InlineData("text", "close my ticket")] // free text is never taken from the model
    [InlineData("password", "hunter2")] // no such kind
    public async Task DetailNotInTheTextOrRefusedByOurRecognizerIsDropped(string kind, string value)
    {
        const string text = "my coins disappeared, account 4821, order 48213377 hunter2 close my ticket";
        await using var harness = await ClassificationHarness.StartAsync();
        harness.ModelAnswers("deposit", (kind, value));
        var chat = harness.Bot.Conversation();

        await chat.SendAsync(text);

        // Nothing kept: the flow starts as with no details at all, at the self-help, then asks for the UID first.
        Assert.Single(harness.Model.Requests);
        Assert.Equal(Steps.SelfHelp, chat.Last.StepId);
        Assert.Equal("deposit", chat.Last.ProblemId);
        await chat.ChooseAsync("needHelp");
        Assert.Equal("uid", chat.Last.StepId);
    }
}
