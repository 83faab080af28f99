namespace SupportBot.AI.Tests;

/// <summary>AI switched on but unusable stops start-up with a message naming the key to fix.</summary>
public sealed class AiOptionsValidatorTests
{
    [Fact]
    public void AiOffNeedsNothingElse() =>
        Assert.True(new AiOptionsValidator().Validate(null, new AiOptions()).Succeeded);

    [Fact]
    public void AiOnWithEndpointAndModelIsValid() =>
        Assert.True(new AiOptionsValidator().Validate(
            null, new AiOptions { Enabled = true, Endpoint = "http://127.0.0.1:11434/v1", Model = "qwen2.5:7b" }).Succeeded);

    [Theory]
    [InlineData(null, "m", 8, 3, "AI:Endpoint")]
    [InlineData("ftp://example.com/v1", "m", 8, 3, "AI:Endpoint")]
    [InlineData("not a uri", "m", 8, 3, "AI:Endpoint")]
    [InlineData("http://127.0.0.1:11434/v1", null, 8, 3, "AI:Model")]
    [InlineData("http://127.0.0.1:11434/v1", " ", 8, 3, "AI:Model")]
    [InlineData("http://127.0.0.1:11434/v1", "m", 0, 3, "AI:TimeoutSeconds")]
    [InlineData("http://127.0.0.1:11434/v1", "m", 8, 0, "AI:MaxCallsPerConversation")]
    public void AiOnButUnusableNamesTheKey(string? endpoint, string? model, int timeout, int budget, string key)
    {
        var result = new AiOptionsValidator().Validate(null, new AiOptions
        {
            Enabled = true,
            Endpoint = endpoint,
            Model = model,
            TimeoutSeconds = timeout,
            MaxCallsPerConversation = budget,
            ApiKey = "sk-never-shown-0123456789",
        });

        Assert.True(result.Failed);
        Assert.Contains(key, result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-never-shown", result.FailureMessage, StringComparison.Ordinal);
    }
}
