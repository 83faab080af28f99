using SupportBot.Core.Catalog;
using SupportBot.Core.Engine;
using SupportBot.Core.Recognizers;
using SupportBot.Testing;

namespace SupportBot.Core.Tests.Engine;

/// <summary>Walks every problem of the shipped dialogs to a ticket, in both languages: menu → self-help →
/// safety notice → every detail → summary → confirm → ticket number.</summary>
public class EveryProblemConversationTests
{
    public static TheoryData<string, string> ProblemsAndLocales()
    {
        var data = new TheoryData<string, string>();
        foreach (var problem in TestBot.Shipped.Problems)
        {
            foreach (var locale in Locales.All)
            {
                data.Add(problem.Id, locale);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ProblemsAndLocales))]
    public async Task ProblemWalksFromMenuToTicket(string problemId, string locale)
    {
        var bot = new TestBot();
        var problem = bot.Catalog.FindProblem(problemId)!;
        var chat = bot.Conversation(locale: locale);

        await chat.SendAsync(locale == Locales.Supported.Chinese ? "你好" : "hello");
        Assert.Equal(Steps.Menu, chat.Last.StepId);
        Assert.Contains(chat.Last.Choices, c => c.Value == ChoiceValues.Problem(problemId));
        Assert.Equal(problem.Title.Get(locale), chat.Last.Choices.First(c => c.Value == ChoiceValues.Problem(problemId)).Title);

        await chat.ChooseAsync(ChoiceValues.Problem(problemId));
        if (problem.SelfHelp is not null)
        {
            Assert.Contains(problem.SelfHelp.Get(locale).Trim(), chat.AllText, StringComparison.Ordinal);
            Assert.Equal(Steps.SelfHelp, chat.Last.StepId);
            await chat.ChooseAsync("needHelp");
        }

        var notice = bot.Catalog.Text(TextKeys.SafetyNotice).Get(locale);
        Assert.Equal(notice, chat.Replies[0].Text);
        var asked = new List<string>();
        for (var guard = 0; chat.Last.StepId != Steps.Confirm; guard++)
        {
            Assert.True(guard < 30, "the flow did not reach the summary; stuck at " + chat.Last.StepId);
            var detail = problem.Details.Single(d => d.Id == chat.Last.StepId);
            asked.Add(detail.Id);
            if (detail.Kind == SlotKinds.Screenshots)
            {
                Assert.Contains(bot.Catalog.Text(TextKeys.ScreenshotReminder).Get(locale), chat.Last.Text, StringComparison.Ordinal);
                await chat.SendAttachmentsAsync(TestConversation.Png());
            }
            else
            {
                await chat.SendAsync(SampleAnswers.For(detail, locale));
            }

            Assert.NotEqual(detail.Id, chat.Last.StepId);
        }

        Assert.Equal(problem.Details.Select(d => d.Id), asked);
        foreach (var detail in problem.Details)
        {
            Assert.Contains(detail.Title.Get(locale), chat.Last.Text, StringComparison.Ordinal);
        }

        await chat.ChooseAsync("confirm");
        var number = chat.LastResult!.TicketNumber;
        Assert.NotNull(number);
        Assert.Contains(number!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), chat.Last.Text, StringComparison.Ordinal);

        var ticket = await bot.Store.GetTicketAsync(number.Value, TestContext.Current.CancellationToken);
        Assert.NotNull(ticket);
        Assert.Equal(problemId, ticket!.Category);
        Assert.Equal(problem.Priority, ticket.Priority);
        Assert.Equal(locale, ticket.Locale);
        Assert.Equal(problem.Details.Select(d => d.Id), ticket.Details.Select(d => d.Id));
    }
}
