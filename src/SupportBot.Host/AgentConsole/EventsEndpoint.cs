using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using SupportBot.Core.Handoff;

namespace SupportBot.Host.AgentConsole;

/// <summary><c>GET /agent/events</c>: server-sent events, one per ticket change (<c>{"number":…,"kind":…}</c>); the
/// page then reads the ticket through the API, so nothing shown skips the store's redaction. The changes come from
/// <see cref="ConsoleTicketFeed"/>: this process's and those other processes wrote to the same store.</summary>
internal static class EventsEndpoint
{
    public static void Map(RouteGroupBuilder group) => group.MapGet("/events", (ConsoleTicketFeed events, HttpContext http) =>
    {
        http.Response.Headers.CacheControl = "no-cache";
        return TypedResults.ServerSentEvents(StreamAsync(events, http.RequestAborted));
    });

    private static async IAsyncEnumerable<SseItem<ConsoleEvent>> StreamAsync(
        ConsoleTicketFeed events, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var subscription = events.Subscribe();
        yield return new SseItem<ConsoleEvent>(new ConsoleEvent(0, "hello"), "hello");
        while (true)
        {
            TicketEvent next;
            try
            {
                next = await subscription.Reader.ReadAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is OperationCanceledException or System.Threading.Channels.ChannelClosedException)
            {
                yield break;
            }

            var kind = next.Kind switch
            {
                TicketEventKind.Created => "created",
                TicketEventKind.UserMessage => "user_message",
                TicketEventKind.AgentReply => "agent_reply",
                TicketEventKind.Note => "note",
                _ => "changed",
            };
            yield return new SseItem<ConsoleEvent>(new ConsoleEvent(next.Number, kind), "ticket");
        }
    }
}

/// <summary>One event: which ticket and what happened.</summary>
public sealed record ConsoleEvent(long Number, string Kind);
