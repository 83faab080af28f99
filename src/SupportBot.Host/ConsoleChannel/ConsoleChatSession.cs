using SupportBot.Core.Activities;
using SupportBot.Core.Routing;

namespace SupportBot.Host.ConsoleChannel;

/// <summary>A chat in the terminal: each input line is one user message; a number picks a shown choice;
/// <c>/attach PATH</c> sends a file. The conversation is keyed by the user id, so running again with the same
/// <c>--user</c> continues where it stopped.</summary>
public sealed class ConsoleChatSession
{
    private const string AttachCommand = "/attach ";

    private readonly ConversationRouter _router;
    private readonly OutboxDispatcher _dispatcher;
    private readonly ConsoleChannelClient _channel;
    private readonly TimeProvider _time;

    /// <summary>Creates a session.</summary>
    public ConsoleChatSession(
        ConversationRouter router, OutboxDispatcher dispatcher, ConsoleChannelClient channel, TimeProvider time)
    {
        _router = router;
        _dispatcher = dispatcher;
        _channel = channel;
        _time = time;
    }

    /// <summary>Chats until the input ends. <paramref name="error"/> receives problems with a line (a missing file);
    /// <paramref name="prompt"/> is written before each line when a person is typing.</summary>
    public async Task<int> RunAsync(
        TextReader input, TextWriter error, string userId, string? locale, string? prompt, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(error);
        var conversation = new ConversationKey(ConsoleChannelClient.Name, userId);

        // Replies a previous run stored but did not get to print (it was killed) come first.
        await DeliverAsync(conversation, ct);
        while (true)
        {
            if (prompt is not null)
            {
                await error.WriteAsync(prompt);
            }

            var line = await input.ReadLineAsync(ct);
            if (line is null)
            {
                return 0;
            }

            var activity = BuildActivity(line, conversation, userId, locale, error);
            if (activity is null)
            {
                continue;
            }

            var result = await _router.HandleAsync(activity, ct);
            if (result.Status == RouteStatus.StoreUnavailable)
            {
                foreach (var reply in result.Replies)
                {
                    _channel.Show(reply);
                }

                continue;
            }

            await DeliverAsync(conversation, ct);
        }
    }

    private Task<int> DeliverAsync(ConversationKey conversation, CancellationToken ct) =>
        _dispatcher.DrainAsync(ConsoleChannelClient.Name, m => m.Conversation == conversation, ct);

    private InboundActivity? BuildActivity(
        string line, ConversationKey conversation, string userId, string? locale, TextWriter error)
    {
        var activity = new InboundActivity
        {
            Conversation = conversation,
            UserId = userId,
            Text = line,
            Locale = locale,
            Timestamp = _time.GetUtcNow(),
        };

        if (line.StartsWith(AttachCommand, StringComparison.Ordinal))
        {
            var attachment = ConsoleAttachment.Read(line[AttachCommand.Length..].Trim(), error);
            return attachment is null ? null : activity with { Text = "", Attachments = [attachment] };
        }

        var choices = _channel.LastChoices;
        if (int.TryParse(line.Trim(), out var number) && number >= 1 && number <= choices.Count)
        {
            var choice = choices[number - 1];
            return activity with { Text = choice.Title, ChoiceValue = choice.Value };
        }

        return activity;
    }
}
