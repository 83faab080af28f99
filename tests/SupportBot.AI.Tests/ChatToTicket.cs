using SupportBot.Core.Engine;
using SupportBot.Testing;

namespace SupportBot.AI.Tests;

/// <summary>Drives a chat through the real dialogs to a ticket, answering each detail the way a user would.</summary>
internal static class ChatToTicket
{
    private static readonly Dictionary<string, string> Answers = new(StringComparer.Ordinal)
    {
        ["uid"] = "12345678",
        ["coin"] = "USDT",
        ["network"] = "TRC20",
        ["amount"] = "100",
        ["txid"] = "4a1f0c9e2b7d8e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f",
        ["time"] = "yesterday 9pm",
        ["address"] = "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t",
    };

    /// <summary>Reports a deposit that has not arrived; before each answer, <paramref name="aside"/> (if any) is sent
    /// once, at the first detail question, as a user would interject mid-flow. Returns the ticket's number.</summary>
    public static async Task<long> DepositAsync(TestConversation chat, params string[] asides)
    {
        await chat.SendAsync("my deposit has not arrived");
        await chat.ChooseAsync("needHelp");
        foreach (var aside in asides)
        {
            await chat.SendAsync(aside);
        }

        for (var turn = 0; turn < 30; turn++)
        {
            if (chat.LastResult?.TicketNumber is { } number)
            {
                return number;
            }

            var last = chat.Last;
            if (last.StepId == Steps.Confirm)
            {
                await chat.ChooseAsync("confirm");
            }
            else if (last.StepId is { } step && Answers.TryGetValue(step, out var answer))
            {
                await chat.SendAsync(answer);
            }
            else if (last.Choices.Any(c => c.Value == "skip"))
            {
                await chat.ChooseAsync("skip");
            }
            else
            {
                await chat.SendAsync("skip");
            }
        }

        throw new Xunit.Sdk.XunitException("No ticket was created; last reply: " + chat.AllText);
    }
}
