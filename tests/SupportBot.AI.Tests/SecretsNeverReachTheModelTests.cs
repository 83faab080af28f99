using SupportBot.Core.Storage;

namespace SupportBot.AI.Tests;

/// <summary>Only redacted text ever reaches the model: secrets a user sends mid-conversation are removed before the
/// transcript is stored, and the prompt is built from that store (and scanned once more).</summary>
public sealed class SecretsNeverReachTheModelTests
{
    private const string Seed = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";
    private const string PrivateKey = "e9873d79c6d87dc0fb6a5778633389f4453213303da61f20bd67fc233aa33262";
    private const string Code = "492817";
    private const string ChineseSeed = "助记词是 abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";

    [Fact]
    public async Task SeedPhrasePrivateKeyAndTwoFactorCodeSentMidConversationAreInNoPrompt()
    {
        await using var harness = await SummaryHarness.StartAsync();
        var number = await harness.TicketAsync(
            "user-1",
            "here is my seed phrase " + Seed,
            "and my private key " + PrivateKey,
            "my google authenticator 2FA code is " + Code);

        // The store the prompt is built from already holds the redacted text (the guard runs before storage).
        var ticket = await harness.TicketOfAsync(number);
        var transcript = await harness.Bot.Store.GetTranscriptAsync(ticket.Conversation, 1, TestContext.Current.CancellationToken);
        Assert.Contains(transcript, l => l.Direction == TranscriptDirection.User && l.Text.Contains("seed phrase", StringComparison.Ordinal));
        AssertHoldsNoSecret(string.Join("\n", transcript.Select(l => l.Text)));

        Assert.True(await harness.SummarizeAsync(number));

        var request = Assert.Single(harness.Model.Requests);
        AssertHoldsNoSecret(request.Body);
        Assert.Contains("seed phrase", request.Prompt, StringComparison.Ordinal); // the line is there, the secret is not
    }

    [Fact]
    public async Task ChineseSeedPhraseIsInNoPrompt()
    {
        await using var harness = await SummaryHarness.StartAsync();
        var number = await harness.TicketAsync("user-2", "我的" + ChineseSeed);

        Assert.True(await harness.SummarizeAsync(number));

        AssertHoldsNoSecret(Assert.Single(harness.Model.Requests).Body);
    }

    [Fact]
    public void PromptRedactsASecretEvenIfTheStoreHeldOne()
    {
        // Belt and braces: a line stored before a detector existed must still not reach the model.
        var scanner = new Core.Safety.SecretScanner();
        var ticket = new Core.Tickets.Ticket
        {
            Number = 100001,
            Conversation = new Core.Activities.ConversationKey("test", "c1"),
            UserId = "u1",
            Category = "deposit",
            Priority = Core.Catalog.TicketPriority.Normal,
            Status = Core.Tickets.TicketStatus.New,
            Locale = "en",
            Details = [],
            CreatedAt = DateTimeOffset.UnixEpoch,
            UpdatedAt = DateTimeOffset.UnixEpoch,
        };
        TranscriptLine[] transcript = [new(TranscriptDirection.User, "old line: my seed phrase " + Seed, DateTimeOffset.UnixEpoch)];

        var (system, user) = new TicketSummaryPrompt(scanner).Build(ticket, transcript, "en");

        AssertHoldsNoSecret(system + user);
        Assert.Contains("[removed]", user, StringComparison.Ordinal);
    }

    private static void AssertHoldsNoSecret(string text)
    {
        Assert.DoesNotContain("abandon", text, StringComparison.Ordinal);
        Assert.DoesNotContain(PrivateKey, text, StringComparison.Ordinal);
        Assert.DoesNotContain(Code, text, StringComparison.Ordinal);
    }
}
