namespace SupportBot.Core.Activities;

/// <summary>An abstract choice; each adapter renders it its own way (buttons, keyboard, numbered list).</summary>
/// <param name="Value">What comes back when the user picks it.</param>
/// <param name="Title">What the user sees.</param>
public sealed record ChoiceOption(string Value, string Title);
