using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging.Abstractions;
using SupportBot.Core.Agents;
using SupportBot.Core.Handoff;
using SupportBot.Core.Routing;
using SupportBot.Core.Storage;
using SupportBot.Core.Tickets;
using SupportBot.Host.ConsoleChannel;
using SupportBot.Testing;

namespace SupportBot.Host.Tests.ConsoleChannel;

/// <summary>The chat session between the user's lines, on a hand-moved clock: what an agent queued for the
/// conversation is printed at the next poll without another line, once, and the end of input stops it at once.</summary>
public sealed class ConsoleChatSessionTests : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly TestBot _bot = new();
    private readonly StringWriter _output = new();
    private readonly ScriptedInput _input = new();
    private readonly Channel<int> _polls = Channel.CreateUnbounded<int>();
    private readonly ConsoleChatSession _session;
    private readonly FlakyOutbox _outbox;

    public ConsoleChatSessionTests()
    {
        var channel = new ConsoleChannelClient(new ConsoleReplyWriter(_output, json: true));
        _outbox = new FlakyOutbox(_bot.Store);
        var dispatcher = new OutboxDispatcher(_outbox, [channel], _bot.Time);
        _session = new ConsoleChatSession(_bot.Router, dispatcher, channel, _bot.Time, NullLogger<ConsoleChatSession>.Instance);
        _session.Polled += printed => _polls.Writer.TryWrite(printed);
    }

    public void Dispose()
    {
        _session.Dispose();
        _output.Dispose();
        _input.Dispose();
    }

    [Fact]
    public async Task AgentReplyAndRatingQuestionArriveBetweenLinesOnceEach()
    {
        var run = _session.RunAsync(_input, TextWriter.Null, "poller", "en", prompt: null, Ct);
        await _input.WaitForReadAsync(Ct);
        await _input.TypeAsync("hello", Ct);
        await _input.TypeAsync("talk to a human", Ct);
        var number = Messages().Select(m => m.GetProperty("ticket")).Last(t => t.ValueKind == JsonValueKind.Number).GetInt64();
        var agent = await _bot.Store.CreateAgentAsync(
            new NewAgent("alice", AgentRole.Agent, "SB-ALICE2", "hash", _bot.Time.GetUtcNow()), Ct);

        Assert.True((await _bot.Desk.ClaimAsync(number, agent, Ct)).Succeeded);
        Assert.True((await _bot.Desk.ReplyAsync(number, DeskActor.For(agent), "Hello, alice here.", Ct)).Succeeded);
        var before = Messages().Count;
        Assert.Equal(0, Messages().Count(IsAgentReply));

        Assert.True(await PollAsync() > 0);
        var reply = Assert.Single(Messages(), IsAgentReply);
        Assert.Equal("alice", reply.GetProperty("agent").GetProperty("name").GetString());
        Assert.Equal("SB-ALICE2", reply.GetProperty("agent").GetProperty("code").GetString());
        Assert.True(Messages().Count > before);

        // Nothing new: the next poll prints nothing again.
        var printed = Messages().Count;
        Assert.Equal(0, await PollAsync());
        Assert.Equal(printed, Messages().Count);

        Assert.True((await _bot.Desk.SetStatusAsync(number, DeskActor.For(agent), TicketStatus.Resolved, Ct)).Succeeded);
        Assert.True(await PollAsync() > 0);
        var question = Messages()[^1];
        Assert.Equal(["1", "2", "3", "4", "5"], question.GetProperty("choices").EnumerateArray().Select(c => c.GetProperty("title").GetString()));

        // "5" picks the fifth choice the poll printed.
        await _input.TypeAsync("5", Ct);
        Assert.Equal(5, (await _bot.Store.GetTicketAsync(number, Ct))!.Rating);

        _input.End();
        Assert.Equal(0, await run.WaitAsync(TimeSpan.FromSeconds(30), Ct));
    }

    [Fact]
    public async Task MessageArrivingAtThePromptStartsOnItsOwnLineAndThePromptComesBack()
    {
        using var error = new StringWriter();
        var run = _session.RunAsync(_input, error, "prompted", "en", prompt: "> ", Ct);
        await _input.WaitForReadAsync(Ct);
        await _input.TypeAsync("hello", Ct);
        await _input.TypeAsync("talk to a human", Ct);
        var number = Messages().Select(m => m.GetProperty("ticket")).Last(t => t.ValueKind == JsonValueKind.Number).GetInt64();
        var agent = await _bot.Store.CreateAgentAsync(
            new NewAgent("bob", AgentRole.Agent, "SB-BOBXX2", "hash", _bot.Time.GetUtcNow()), Ct);
        Assert.Equal("> > > ", error.ToString());

        Assert.True((await _bot.Desk.ReplyAsync(number, DeskActor.For(agent), "bob here", Ct)).Succeeded);
        Assert.True(await PollAsync() > 0);

        // The waiting "> " line is ended before the message, and a fresh prompt follows it.
        Assert.Equal("> > > " + Environment.NewLine + "> ", error.ToString());
        _input.End();
        Assert.Equal(0, await run.WaitAsync(TimeSpan.FromSeconds(30), Ct));
    }

    [Fact]
    public async Task RepliesTheStoreCouldNotHandOutAtOnceArePrintedByTheNextPoll()
    {
        var run = _session.RunAsync(_input, TextWriter.Null, "busy", "en", prompt: null, Ct);
        await _input.WaitForReadAsync(Ct);

        // The other process holds the database just when the line's replies are fetched: the chat goes on.
        _outbox.Failing = true;
        await _input.TypeAsync("hello", Ct);
        Assert.Empty(Messages());
        Assert.Equal(0, await PollAsync());

        _outbox.Failing = false;
        Assert.True(await PollAsync() > 0);
        Assert.Equal("menu", Messages()[^1].GetProperty("step").GetString());
        _input.End();
        Assert.Equal(0, await run.WaitAsync(TimeSpan.FromSeconds(30), Ct));
    }

    [Fact]
    public async Task EndOfInputStopsWithoutWaitingForThePollClock()
    {
        var run = _session.RunAsync(_input, TextWriter.Null, "quitter", "en", prompt: null, Ct);
        await _input.WaitForReadAsync(Ct);
        await _input.TypeAsync("hello", Ct);

        _input.End();

        // The clock never moves: the session must not wait for a poll tick to notice the end.
        Assert.Equal(0, await run.WaitAsync(TimeSpan.FromSeconds(30), Ct));
    }

    private async Task<int> PollAsync()
    {
        _bot.Time.Advance(ConsoleChatSession.PollInterval);
        return await _polls.Reader.ReadAsync(Ct).AsTask().WaitAsync(TimeSpan.FromSeconds(30), Ct);
    }

    /// <summary>The real store, except that fetching fails while <see cref="Failing"/> is set (a locked database).</summary>
    private sealed class FlakyOutbox(IOutboxStore inner) : IOutboxStore
    {
        public volatile bool Failing;

        public Task<IReadOnlyList<OutboxMessage>> FetchPendingAsync(
            string channel, DateTimeOffset now, int max, CancellationToken cancellationToken = default) =>
            Failing ? throw new TimeoutException("database is locked") : inner.FetchPendingAsync(channel, now, max, cancellationToken);

        public Task MarkDeliveredAsync(long id, DateTimeOffset at, CancellationToken cancellationToken = default) =>
            inner.MarkDeliveredAsync(id, at, cancellationToken);

        public Task MarkFailedAsync(long id, string failure, DateTimeOffset retryAt, CancellationToken cancellationToken = default) =>
            inner.MarkFailedAsync(id, failure, retryAt, cancellationToken);

        public Task MarkUndeliverableAsync(long id, string reason, DateTimeOffset at, CancellationToken cancellationToken = default) =>
            inner.MarkUndeliverableAsync(id, reason, at, cancellationToken);
    }

    private static bool IsAgentReply(JsonElement message) => message.TryGetProperty("agent", out _);

    private List<JsonElement> Messages() =>
        [.. _output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement)];
}
