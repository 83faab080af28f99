using SupportBot.Core.Activities;
using SupportBot.Core.Channels;
using SupportBot.Core.Storage;

namespace SupportBot.Host.ConsoleChannel;

/// <summary>The console's outbound half: prints delivered replies and remembers the last choices shown, so that a
/// number typed next picks one.</summary>
public sealed class ConsoleChannelClient : IChannelClient
{
    /// <summary>The channel name.</summary>
    public const string Name = "console";

    private readonly ConsoleReplyWriter _writer;

    /// <summary>Creates the client writing through <paramref name="writer"/>.</summary>
    public ConsoleChannelClient(ConsoleReplyWriter writer) => _writer = writer;

    /// <inheritdoc />
    public string Channel => Name;

    /// <summary>The choices of the last reply delivered (empty when it had none).</summary>
    public IReadOnlyList<ChoiceOption> LastChoices { get; private set; } = [];

    /// <inheritdoc />
    public Task<DeliveryResult> DeliverAsync(OutboxMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        Show(message.Reply);
        return Task.FromResult(DeliveryResult.Delivered);
    }

    /// <summary>Raised just before a reply is printed (the chat ends a waiting prompt's line first).</summary>
    public event Action? Showing;

    /// <summary>Prints a reply that did not go through the outbox (the store was down).</summary>
    public void Show(BotReply reply)
    {
        Showing?.Invoke();
        _writer.Write(reply);
        LastChoices = reply.Choices;
    }

    /// <summary>A terminal cannot unsay what was typed into it; the user is told to clear it themselves.</summary>
    public Task<DeleteOutcome> DeleteMessageAsync(
        ConversationKey conversation, string messageId, CancellationToken cancellationToken = default) =>
        Task.FromResult(DeleteOutcome.NotSupported);
}
