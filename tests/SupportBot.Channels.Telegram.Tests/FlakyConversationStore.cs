using SupportBot.Core.Activities;
using SupportBot.Core.Storage;

namespace SupportBot.Channels.Telegram.Tests;

/// <summary>The host's real conversation store, whose turn commits fail (like a full disk) while
/// <see cref="FailingCommits"/> is above zero; <see cref="OnCommit"/> sees each commit that goes through.</summary>
public sealed class FlakyConversationStore(IConversationStore inner) : IConversationStore
{
    private int _failingCommits;

    public int FailingCommits
    {
        get => Volatile.Read(ref _failingCommits);
        set => Volatile.Write(ref _failingCommits, value);
    }

    public int FailedCommits { get; private set; }

    public Action<TurnCommit>? OnCommit { get; set; }

    public Task<StoredConversation?> LoadAsync(ConversationKey conversation, CancellationToken cancellationToken = default) =>
        inner.LoadAsync(conversation, cancellationToken);

    public Task<bool> WasProcessedAsync(ConversationKey conversation, string messageId, CancellationToken cancellationToken = default) =>
        inner.WasProcessedAsync(conversation, messageId, cancellationToken);

    public Task<long> CommitTurnAsync(TurnCommit commit, CancellationToken cancellationToken = default)
    {
        if (Interlocked.Decrement(ref _failingCommits) >= 0)
        {
            FailedCommits++;
            throw new IOException("disk full (test)");
        }

        Interlocked.Exchange(ref _failingCommits, 0);
        OnCommit?.Invoke(commit);
        return inner.CommitTurnAsync(commit, cancellationToken);
    }

    public Task<IReadOnlyList<TranscriptLine>> GetTranscriptAsync(
        ConversationKey conversation, long fromSeq = 1, CancellationToken cancellationToken = default) =>
        inner.GetTranscriptAsync(conversation, fromSeq, cancellationToken);

    /// <summary>Puts a flaky store in front of the host's own.</summary>
    public static Action<Microsoft.AspNetCore.Builder.WebApplicationBuilder> Install(Action<FlakyConversationStore> created) =>
        builder => Microsoft.Extensions.DependencyInjection.Extensions.ServiceCollectionDescriptorExtensions.Replace(
            builder.Services,
            Microsoft.Extensions.DependencyInjection.ServiceDescriptor.Singleton<IConversationStore>(sp =>
            {
                var real = (IConversationStore)Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
                    .GetRequiredService<ITicketStore>(sp);
                var flaky = new FlakyConversationStore(real);
                created(flaky);
                return flaky;
            }));
}
