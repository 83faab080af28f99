using SupportBot.Core.Catalog;

using SupportBot.Testing;

namespace SupportBot.Dialogs.Tests;

/// <summary>The real <c>dialogs/</c> folder loads and holds the problems the bot is built around.</summary>
public sealed class ShippedDialogsTests
{
    private static readonly string[] ProblemIds =
    [
        "login", "compromised", "trading-restricted", "deposit", "withdrawal", "order", "kyc", "wallet", "scam",
        "promotion", "technical", "other",
    ];

    [Fact]
    public void ShippedDialogsLoad()
    {
        DialogCatalog catalog;
        try
        {
            catalog = DialogCatalogLoader.Load(RepoPaths.Dialogs);
        }
        catch (DialogLoadException ex)
        {
            Assert.Fail(ex.Message);
            return;
        }

        Assert.Equal(
            ProblemIds.Order(StringComparer.Ordinal),
            catalog.Problems.Select(p => p.Id).Order(StringComparer.Ordinal));
        Assert.All(catalog.Problems, problem =>
        {
            Assert.All(Locales.All, locale => Assert.Contains(locale, problem.Title.Locales));
            Assert.True(problem.SelfHelp is not null || problem.Details.Count > 0, problem.Id + " has neither");
        });
    }
}
