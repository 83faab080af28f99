namespace SupportBot.Core.Tests;

public class SmokeTests
{
    [Fact]
    public void EveryRequiredTextKeyIsUnique() =>
        Assert.Equal(Catalog.TextKeys.Required.Count, Catalog.TextKeys.Required.Distinct().Count());
}
