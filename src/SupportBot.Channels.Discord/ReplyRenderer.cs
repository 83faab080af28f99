using System.Globalization;
using SupportBot.Channels.Discord.Wire;
using SupportBot.Core.Activities;
using SupportBot.Core.Catalog;

namespace SupportBot.Channels.Discord;

/// <summary>Turns a <see cref="BotReply"/> into Discord messages: text escaped and split at 2000 characters, an
/// agent's name and code above an agent's reply, choices as buttons under the last part.</summary>
internal static class ReplyRenderer
{
    /// <summary>Buttons per action row, rows per message (legacy components).</summary>
    public const int ButtonsPerRow = 5;

    public const int MaxRows = 5;

    public const int MaxCustomId = 100;

    public const int MaxLabel = 80;

    private const string ValuePrefix = "c:";
    private const string IndexPrefix = "t:";

    public static IReadOnlyList<MessageCreate> Render(BotReply reply, DialogCatalog catalog, string nonceBase)
    {
        var text = DiscordMarkdown.Escape(reply.Text);
        if (reply.Agent is { } agent)
        {
            var signature = catalog.Text(DiscordTexts.AgentSignature).Format(
                GuessLocale(reply.Text),
                ("agent", DiscordMarkdown.Escape(agent.Name)),
                ("code", DiscordMarkdown.Escape(agent.Code)));
            text = signature + "\n" + text;
        }

        var parts = DiscordMarkdown.Split(text);
        var rows = Buttons(reply.Choices);
        var messages = new List<MessageCreate>(parts.Count);
        for (var i = 0; i < parts.Count; i++)
        {
            var last = i == parts.Count - 1;
            messages.Add(new MessageCreate(
                parts[i],
                last && rows.Count > 0 ? rows : null,
                AllowedMentions.None,
                Nonce(nonceBase, i),
                EnforceNonce: true));
        }

        return messages;
    }

    /// <summary>Choices as buttons, five to a row, at most 25.</summary>
    public static IReadOnlyList<ActionRow> Buttons(IReadOnlyList<ChoiceOption> choices)
    {
        var rows = new List<ActionRow>();
        var count = Math.Min(choices.Count, ButtonsPerRow * MaxRows);
        for (var start = 0; start < count; start += ButtonsPerRow)
        {
            var buttons = new List<Button>();
            for (var i = start; i < Math.Min(start + ButtonsPerRow, count); i++)
            {
                buttons.Add(new Button(2, 1, Label(choices[i].Title), CustomId(choices[i].Value, i)));
            }

            rows.Add(new ActionRow(1, buttons));
        }

        return rows;
    }

    /// <summary>The value travels in the custom id when it fits in 100 characters; otherwise the index does, and the
    /// click is read back by the button's label.</summary>
    public static string CustomId(string value, int index) =>
        ValuePrefix.Length + value.Length <= MaxCustomId
            ? ValuePrefix + value
            : IndexPrefix + index.ToString(CultureInfo.InvariantCulture);

    /// <summary>What a click means: the choice value (when the custom id carried it) and the label.</summary>
    public static (string? Value, string? Label) ReadClick(string customId, IReadOnlyList<ActionRow>? rows)
    {
        var label = rows?.SelectMany(r => r.Components ?? []).FirstOrDefault(b => b.CustomId == customId)?.Label;
        return customId.StartsWith(ValuePrefix, StringComparison.Ordinal)
            ? (customId[ValuePrefix.Length..], label)
            : (null, label);
    }

    /// <summary>The same rows with every button disabled and the picked one green.</summary>
    public static IReadOnlyList<ActionRow> Disable(IReadOnlyList<ActionRow>? rows, string picked) =>
        [.. (rows ?? []).Select(r => r with
        {
            Components = [.. (r.Components ?? []).Select(b => b with
            {
                Disabled = true,
                Style = b.CustomId == picked ? 3 : 2,
            })],
        })];

    /// <summary><c>zh-CN</c> when the text is mostly Chinese script, else <c>en</c>.</summary>
    public static string GuessLocale(string text)
    {
        var han = 0;
        var letters = 0;
        foreach (var c in text)
        {
            if (c is >= '\u4e00' and <= '\u9fff')
            {
                han++;
            }
            else if (char.IsAsciiLetter(c))
            {
                letters++;
            }
        }

        return han * 3 >= letters && han > 0 ? Locales.Supported.Chinese : Locales.Supported.English;
    }

    private static string Label(string title) => title.Length <= MaxLabel ? title : title[..(MaxLabel - 1)] + "…";

    private static string Nonce(string nonceBase, int part)
    {
        var nonce = nonceBase + "." + part.ToString(CultureInfo.InvariantCulture);
        return nonce.Length <= 25 ? nonce : nonce[^25..];
    }
}
