using SupportBot.Core.Agents;
using SupportBot.Core.Engine;
using SupportBot.Core.Recognizers;
using SupportBot.Core.Tests.Engine;
using SupportBot.Testing;

namespace SupportBot.Core.Tests.Handoff;

/// <summary>Shortcuts for handoff tests: a deposit conversation to a ticket, an agent account.</summary>
internal static class HandoffScript
{
    /// <summary>Runs the deposit flow to a confirmed ticket (or to the duplicate offer) and returns the chat.</summary>
    public static Task<TestConversation> DepositToConfirmAsync(TestConversation chat, string locale = "en") =>
        ToConfirmAsync(chat, "deposit", locale == "zh-CN" ? "我的充值没到账" : "my deposit has not arrived", locale);

    /// <summary>Names the problem with <paramref name="text"/>, declines the self-help and answers every detail of
    /// problem <paramref name="problemId"/> up to the confirmed ticket.</summary>
    public static async Task<TestConversation> ToConfirmAsync(TestConversation chat, string problemId, string text, string locale = "en")
    {
        await ToSummaryAsync(chat, problemId, text, locale);
        await chat.ChooseAsync("confirm");
        return chat;
    }

    /// <summary>Like <see cref="ToConfirmAsync"/>, but stops at the summary, before the confirm.</summary>
    public static async Task<TestConversation> ToSummaryAsync(TestConversation chat, string problemId, string text, string locale = "en")
    {
        await chat.SendAsync(text);
        await chat.ChooseAsync("needHelp");
        var problem = TestBot.Shipped.FindProblem(problemId)!;
        while (chat.Last.StepId != Steps.Confirm)
        {
            var detail = problem.Details.Single(d => d.Id == chat.Last.StepId);
            await chat.SendAsync(detail.Kind == SlotKinds.Screenshots ? "skip" : SampleAnswers.For(detail, locale));
        }

        return chat;
    }

    /// <summary>The ticket number the last turn created.</summary>
    public static long CreatedTicket(TestConversation chat) =>
        chat.LastResult?.TicketNumber ?? throw new Xunit.Sdk.XunitException("No ticket was created; last reply: " + chat.AllText);

    /// <summary>Creates an agent in the bot's store.</summary>
    public static Task<Agent> AgentAsync(TestBot bot, string name, AgentRole role = AgentRole.Agent) =>
        bot.Store.CreateAgentAsync(
            new NewAgent(name, role, "SB-" + name.ToUpperInvariant().PadRight(6, 'X')[..6], "hash", bot.Time.GetUtcNow()),
            TestContext.Current.CancellationToken);

    /// <summary>Everything waiting in the conversation's outbox, oldest first.</summary>
    public static async Task<IReadOnlyList<Core.Storage.OutboxMessage>> OutboxAsync(TestBot bot, TestConversation chat)
    {
        var pending = await bot.Store.FetchPendingAsync(chat.Key.Channel, bot.Time.GetUtcNow(), 1000, TestContext.Current.CancellationToken);
        return [.. pending.Where(m => m.Conversation == chat.Key)];
    }
}
