using System.Runtime.CompilerServices;
using SupportBot.Core.Catalog;
using SupportBot.Core.Recognizers;

namespace SupportBot.Core.Tests.Recognizers;

public class RecognizerTextsTests
{
    private static readonly string[] Lines = File.ReadAllLines(TextsFile());

    public static TheoryData<string> Keys => new(
        RecognizerErrors.All.Select(TextKeys.Error)
            .Concat(SlotKinds.All.Select(TextKeys.Prompt)));

    [Theory]
    [MemberData(nameof(Keys))]
    public void EveryErrorCodeAndPromptHasTextInChineseAndEnglish(string key)
    {
        var at = Array.FindIndex(Lines, l => l == "  " + key + ":");
        Assert.True(at >= 0, $"{key} missing from recognizers.yaml");
        var body = Lines.Skip(at + 1).TakeWhile(l => l.StartsWith("    ", StringComparison.Ordinal)).ToList();
        var zh = body.SingleOrDefault(l => l.StartsWith("    zh-CN: ", StringComparison.Ordinal));
        var en = body.SingleOrDefault(l => l.StartsWith("    en: ", StringComparison.Ordinal));
        Assert.NotNull(zh);
        Assert.NotNull(en);
        Assert.True(zh!.Length > "    zh-CN: ".Length + 4, key + " zh-CN is empty");
        Assert.True(en!.Length > "    en: ".Length + 8, key + " en is empty");
        Assert.Contains(zh, c => c >= '\u4E00' && c <= '\u9FFF');
    }

    [Fact]
    public void PlaceholdersInErrorTextsAreTheOnesRecognizersFill()
    {
        var text = string.Join('\n', Lines);
        foreach (var placeholder in new[] { "{min}", "{max}", "{length}", "{network}", "{maxMb}" })
        {
            Assert.Contains(placeholder, text, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("{skip}", text, StringComparison.Ordinal);
    }

    [Fact]
    public void FileIsATextsFile() => Assert.Contains("kind: texts", Lines);

    // Found from this source file, so the test also runs when the build output lives outside the repository.
    private static string TextsFile([CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "..", "dialogs", "texts",
            "recognizers.yaml"));

    [Fact]
    public void RegistryHasARecognizerForEveryKindAndNothingElse()
    {
        var registry = new RecognizerRegistry();
        foreach (var kind in SlotKinds.All)
        {
            Assert.True(registry.IsKnown(kind));
            Assert.Equal(kind, registry.Get(kind).Kind);
        }

        Assert.False(registry.IsKnown("iban"));
        Assert.Throws<KeyNotFoundException>(() => registry.Get("iban"));
        Assert.Equal(SlotKinds.All.Count, registry.Kinds.Count());
    }
}
