namespace SupportBot.Channels.Discord.Tests;

/// <summary>Escaping and splitting of Discord message text.</summary>
public sealed class MarkdownTests
{
    [Fact]
    public void UserTextShowsAsTypedNotAsMarkdown()
    {
        var escaped = DiscordMarkdown.Escape("**bold** _it_ ~~x~~ `code` ||spoiler|| > quote # head [link](https://x.y) @everyone <@1>");

        Assert.Equal(
            @"\*\*bold\*\* \_it\_ \~\~x\~\~ \`code\` \|\|spoiler\|\| \> quote \# head \[link\]\(https://x.y\) \@everyone \<\@1\>",
            escaped);
    }

    [Fact]
    public void LongTextSplitsAt2000WithoutBreakingAnEscapeOrLosingText()
    {
        var text = DiscordMarkdown.Escape(string.Concat(Enumerable.Repeat("*", 4500)));

        var parts = DiscordMarkdown.Split(text);

        Assert.All(parts, p => Assert.InRange(p.Length, 1, DiscordMarkdown.MaxLength));
        Assert.All(parts, p => Assert.True(p.Length % 2 == 0 && p.StartsWith('\\')));
        Assert.Equal(text, string.Concat(parts));
    }

    [Fact]
    public void SplitPrefersLineBreaks()
    {
        var text = new string('a', 1500) + "\n" + new string('b', 1500);

        var parts = DiscordMarkdown.Split(text);

        Assert.Equal([new string('a', 1500), new string('b', 1500)], parts);
    }

    [Fact]
    public void ALongValueTravelsByIndexAndIsReadBackByItsLabel()
    {
        var value = new string('v', 120);
        var rows = ReplyRenderer.Buttons([new Core.Activities.ChoiceOption("short", "Short"), new Core.Activities.ChoiceOption(value, "Long one")]);

        var ids = rows.SelectMany(r => r.Components).Select(b => b.CustomId!).ToList();
        Assert.Equal(["c:short", "t:1"], ids);
        Assert.Equal((null, "Long one"), ReplyRenderer.ReadClick("t:1", rows));
        Assert.Equal(("short", "Short"), ReplyRenderer.ReadClick("c:short", rows));
    }
}
