namespace SupportBot.Core.Tests.Corpus;

/// <summary>One scripted conversation of the corpus: the problem a person would file it under, the messages the user
/// sends (each with the detail ids it states), and checks on the bot's answers after some of them.</summary>
/// <param name="Name">Where it is written (file and line), for failure messages.</param>
/// <param name="Problem">The expected problem id, or <c>human</c> when the user asks for a person.</param>
/// <param name="Turns">The user's messages in order.</param>
internal sealed record CorpusCase(string Name, string Problem, IReadOnlyList<CorpusTurn> Turns)
{
    /// <summary>The language the case is written in (for the half/half count).</summary>
    public bool IsChinese => Turns.Count > 0 && Core.Engine.TextMatching.HasCjk(Turns[0].Text);
}

/// <summary>A user message, the detail ids it states (never to be asked again), and checks on the answer to it:
/// <c>step=ID</c>, <c>has=TEXT</c>, <c>lacks=TEXT</c>, <c>ticket</c>, <c>noticket</c>.</summary>
internal sealed record CorpusTurn(string Text, IReadOnlyList<string> Gives, IReadOnlyList<string> Checks);
