using SupportBot.Core.Activities;
using SupportBot.Core.Catalog;
using SupportBot.Core.Recognizers;

namespace SupportBot.Core.Engine;

/// <summary>Builds the bot's replies from the catalog's texts: the only place that turns text keys into words.</summary>
internal sealed class ReplyBuilder
{
    private readonly DialogCatalog _catalog;
    private readonly Dictionary<string, IReadOnlyList<ChoiceOption>> _menuByLocale = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<ChoiceOption>> _skipByLocale = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<ChoiceOption>> _confirmByLocale = new(StringComparer.Ordinal);

    // Detail questions are fixed per (detail, locale); building them once saves several concatenations a turn. The
    // loader guarantees every text they use (TextKeys.Required), so building them all up front cannot fail.
    private readonly Dictionary<(DetailDefinition Detail, string Locale), string> _questions = new(QuestionKeyComparer.Instance);

    /// <summary>Creates a builder over <paramref name="catalog"/>.</summary>
    public ReplyBuilder(DialogCatalog catalog)
    {
        _catalog = catalog;

        // The menu is the same for every conversation in a locale: build it once.
        foreach (var locale in Catalog.Locales.All)
        {
            var choices = new List<ChoiceOption>(catalog.Problems.Count + 1);
            foreach (var problem in catalog.Problems)
            {
                choices.Add(ProblemChoice(problem, locale));
            }

            choices.Add(Choice("human", locale));
            choices.Add(Choice("verifyAgent", locale));
            _menuByLocale[locale] = choices.AsReadOnly();
            _skipByLocale[locale] = new List<ChoiceOption> { Choice("skip", locale) }.AsReadOnly();
            _confirmByLocale[locale] = new List<ChoiceOption>
            {
                Choice("confirm", locale), Choice("edit", locale), Choice("cancel", locale),
            }.AsReadOnly();
            foreach (var problem in catalog.Problems)
            {
                foreach (var detail in problem.Details)
                {
                    _questions[(detail, locale)] = BuildQuestion(detail, locale);
                }
            }
        }
    }

    /// <summary>The text <paramref name="key"/> in <paramref name="locale"/> with placeholders filled.</summary>
    public string Text(string key, string locale, params (string Name, string Value)[] args) =>
        _catalog.Text(key).Format(locale, args);

    /// <summary>A choice whose title is the text <c>choice.VALUE</c>.</summary>
    public ChoiceOption Choice(string value, string locale) =>
        new(value, Text(TextKeys.Choice(value), locale));

    /// <summary>The menu: every problem, then "talk to a human" and "verify an agent".</summary>
    public IReadOnlyList<ChoiceOption> MenuChoices(string locale) => _menuByLocale[locale];

    /// <summary>A choice naming one problem.</summary>
    public static ChoiceOption ProblemChoice(ProblemDefinition problem, string locale) =>
        new(ChoiceValues.Problem(problem.Id), problem.Title.Get(locale));

    private string BuildQuestion(DetailDefinition detail, string locale)
    {
        var question = detail.Prompt?.Get(locale) ?? Text(TextKeys.Prompt(detail.Kind), locale);
        if (detail.Kind == SlotKinds.Screenshots)
        {
            question = Text(TextKeys.ScreenshotReminder, locale) + "\n" + question;
        }

        if (!detail.Required)
        {
            question += " " + Text(TextKeys.OptionalSuffix, locale);
        }

        return question;
    }

    /// <summary>The question for a detail: its own prompt or the kind's default, with the optional hint.</summary>
    public BotReply DetailPrompt(ProblemDefinition problem, DetailDefinition detail, string locale, string? prefix)
    {
        var question = _questions[(detail, locale)];
        if (prefix is not null)
        {
            question = prefix + "\n" + question;
        }

        var choices = detail.Required ? [] : _skipByLocale[locale];
        return new BotReply(question, choices) { ProblemId = problem.Id, StepId = detail.Id };
    }

    /// <summary>The summary of gathered details with confirm / change / cancel.</summary>
    public BotReply Summary(ProblemDefinition problem, ConversationState state)
    {
        var locale = state.Locale;
        var lines = new List<string>(problem.Details.Count + 2) { Text(TextKeys.SummaryHeader, locale) };
        foreach (var detail in problem.Details)
        {
            if (!state.Values.TryGetValue(detail.Id, out var value))
            {
                continue;
            }

            var shown = value.Value.Length == 0 ? Text(TextKeys.SummarySkipped, locale) : value.Display;
            lines.Add(Text(TextKeys.SummaryLine, locale, ("title", detail.Title.Get(locale)), ("value", shown)));
        }

        lines.Add(Text(TextKeys.ConfirmPrompt, locale));
        return new BotReply(
            string.Join('\n', lines),
            _confirmByLocale[locale])
        {
            ProblemId = problem.Id,
            StepId = Steps.Confirm,
        };
    }
}
