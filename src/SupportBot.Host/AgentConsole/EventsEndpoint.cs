using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using SupportBot.Core.Handoff;

namespace SupportBot.Host.AgentConsole;

/// <summary><c>GET /agent/events</c>: server-sent events, one per ticket change (<c>ticket</c>:
/// <c>{"number":…,"kind":…}</c>), and notices to this agent (<c>notice</c>, e.g. a ticket of theirs taken over by an
/// admin); the page then reads the ticket through the API, so nothing shown skips the store's redaction. The changes
/// come from <see cref="ConsoleTicketFeed"/>: this process's and those other processes wrote to the same store.</summary>
internal static class EventsEndpoint
{
    public static void Map(RouteGroupBuilder group) => group.MapGet("/events", async (ConsoleTicketFeed events, ConsoleNotices notices, HttpContext http) =>
    {
        http.Response.Headers.CacheControl = "no-cache";
        var agent = await AgentPrincipal.CurrentAsync(http);
        return TypedResults.ServerSentEvents(StreamAsync(events, notices, agent?.Id ?? 0, http.RequestAborted));
    });

    private static async IAsyncEnumerable<SseItem<object>> StreamAsync(
        ConsoleTicketFeed events, ConsoleNotices notices, long agentId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var subscription = events.Subscribe();
        using var listener = notices.Listen(agentId);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var merged = Channel.CreateUnbounded<SseItem<object>>(new UnboundedChannelOptions { SingleReader = true });
        var pumps = Task.WhenAll(
            PumpAsync(subscription.Reader, merged.Writer, e => new SseItem<object>(new ConsoleEvent(e.Number, Kind(e.Kind)), "ticket"), stop.Token),
            PumpAsync(listener.Reader, merged.Writer, n => new SseItem<object>(n, "notice"), stop.Token));
        yield return new SseItem<object>(new ConsoleEvent(0, "hello"), "hello");
        try
        {
            while (true)
            {
                SseItem<object> next;
                try
                {
                    next = await merged.Reader.ReadAsync(cancellationToken);
                }
                catch (Exception ex) when (ex is OperationCanceledException or ChannelClosedException)
                {
                    yield break;
                }

                yield return next;
            }
        }
        finally
        {
            await stop.CancelAsync();
            await pumps.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private static async Task PumpAsync<T>(
        ChannelReader<T> from, ChannelWriter<SseItem<object>> to, Func<T, SseItem<object>> map, CancellationToken ct)
    {
        try
        {
            await foreach (var item in from.ReadAllAsync(ct))
            {
                to.TryWrite(map(item));
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ChannelClosedException)
        {
            // the page went away or the host stops
        }
    }

    private static string Kind(TicketEventKind kind) => kind switch
    {
        TicketEventKind.Created => "created",
        TicketEventKind.UserMessage => "user_message",
        TicketEventKind.AgentReply => "agent_reply",
        TicketEventKind.Note => "note",
        _ => "changed",
    };
}

/// <summary>One event: which ticket and what happened.</summary>
public sealed record ConsoleEvent(long Number, string Kind);
