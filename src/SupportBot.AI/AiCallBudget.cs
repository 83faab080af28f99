using System.Collections.Concurrent;
using SupportBot.Core.Activities;

namespace SupportBot.AI;

/// <summary>The per-conversation allowance of model calls (<see cref="AiOptions.MaxCallsPerConversation"/>), so one
/// chatty or hostile conversation cannot run up the model bill. Kept in memory: a restart gives a fresh allowance,
/// which is an acceptable error on the side of helping.</summary>
internal sealed class AiCallBudget(int maxCallsPerConversation)
{
    private readonly ConcurrentDictionary<ConversationKey, int> _used = new();

    /// <summary>Takes one call from <paramref name="conversation"/>'s allowance; false when it is spent.</summary>
    public bool TryTake(ConversationKey conversation)
    {
        while (true)
        {
            var used = _used.GetOrAdd(conversation, 0);
            if (used >= maxCallsPerConversation)
            {
                return false;
            }

            if (_used.TryUpdate(conversation, used + 1, used))
            {
                return true;
            }
        }
    }
}
