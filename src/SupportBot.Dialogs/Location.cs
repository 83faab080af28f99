using YamlDotNet.Core;

namespace SupportBot.Dialogs;

/// <summary>Where something was defined, so a duplicate can point back at the first definition.</summary>
internal readonly record struct Location(DialogFile File, Mark Mark)
{
    /// <summary><c>dialogs/texts/a.yaml:3:3</c>.</summary>
    public override string ToString() => $"{File.Display}:{Mark.Line}:{Mark.Column}";
}
