using System.Globalization;
using System.Text.RegularExpressions;
using SupportBot.Core.Catalog;

namespace SupportBot.Channels.WebChat.Tests.Browser;

/// <summary>The "deposit not credited" conversation, from the first hello to the ticket number, with the bot's
/// texts taken from the real dialogs/ catalog (so a reworded prompt does not break the browser tests).</summary>
internal sealed partial class DepositConversation(DialogCatalog catalog, string locale)
{
    // A valid Tron address (base58check of 0x41 + 01..14) and a 64-hex-digit TXID: the recognizers check both.
    public const string TronAddress = "TA4Y62o6YC2Zsck9rZVGTvqW1AQ7X9zTnj";
    public const string Txid = "6ba57ebcfb09e8a8898fa4e8cc44dbb4307007ba84a53d4831808784d8406632";

    public string Locale { get; } = locale;

    /// <summary>A text of the catalog in this conversation's language; the first line when it has several.</summary>
    public string Text(string key) => FirstLine(catalog.Text(key).Get(Locale));

    /// <summary>The prompt of one of the deposit problem's details.</summary>
    public string Prompt(string detail) =>
        FirstLine(catalog.FindProblem("deposit")!.Details.Single(d => d.Id == detail).Prompt!.Get(Locale));

    /// <summary>The greeting the page shows on opening (the never-share warning and the menu, before the user types)
    /// → "deposit" → "still need help": ends at the UID question.</summary>
    public async Task StartAsync(IChatPage chat)
    {
        await ExpectGreetingAsync(chat);
        await chat.ChooseAsync(catalog.FindProblem("deposit")!.Title.Get(Locale));
        await chat.ExpectBotAsync(Text(TextKeys.SelfHelpAsk));
        await chat.ChooseAsync(Text("choice.needHelp"));
        await chat.ExpectBotAsync(Text("prompt.uid"));
    }

    /// <summary>What a page shows as soon as it opens, in its language: hello, never share, the menu.</summary>
    public async Task ExpectGreetingAsync(IChatPage chat)
    {
        await chat.ExpectBotAsync(Text(TextKeys.Greeting));
        await chat.ExpectBotAsync(Text(TextKeys.SafetyNotice));
        await chat.ExpectBotAsync(Text(TextKeys.MenuPrompt));
    }

    /// <summary>From the UID question to the question that asks coin, network, amount and time together.</summary>
    public async Task AnswerUidAsync(IChatPage chat)
    {
        await chat.SendAsync("12345678");
        await chat.ExpectBotAsync(Prompt("coin"));
    }

    /// <summary>From the coin question to the ticket; returns the ticket number the bot showed. The bot asks the
    /// details people state in one breath together, and the user answers each group in one message, as users do.</summary>
    public async Task<long> FinishAsync(IChatPage chat)
    {
        await chat.SendAsync(Locale == "zh-CN" ? "USDT TRC-20 500，昨天晚上九点" : "USDT TRC-20 500, yesterday 9pm");

        // The TXID and the deposit address are asked together (both come from the same record).
        await chat.ExpectBotAsync(Prompt("txid"));
        await chat.SendAsync(Txid + " " + TronAddress);
        await chat.ExpectBotAsync(Prompt("screenshots"));
        await chat.UploadAsync("transfer.png", TestPng.Square());
        var summary = await chat.ExpectBotAsync(Text(TextKeys.ConfirmPrompt));
        Assert.Contains(TronAddress, summary, StringComparison.Ordinal);
        await chat.ChooseAsync(Text("choice.confirm"));
        var created = catalog.Text(TextKeys.TicketCreated).Get(Locale);
        var done = await chat.ExpectBotAsync(created[..created.IndexOf('#', StringComparison.Ordinal)]);
        return long.Parse(TicketNumber().Match(done).Groups[1].Value, CultureInfo.InvariantCulture);
    }

    /// <summary>The whole conversation.</summary>
    public async Task<long> RunAsync(IChatPage chat)
    {
        await StartAsync(chat);
        await AnswerUidAsync(chat);
        return await FinishAsync(chat);
    }

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();

    [GeneratedRegex(@"#(\d+)")]
    private static partial Regex TicketNumber();
}
