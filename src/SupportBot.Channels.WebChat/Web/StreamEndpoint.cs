using System.Globalization;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using SupportBot.Channels.WebChat.Conversations;

namespace SupportBot.Channels.WebChat.Web;

/// <summary>The WebSocket stream (<c>streamUrl</c>): authorized by the <c>t</c> query parameter, replays the
/// activities after <c>watermark</c>, then pushes each new one as its own ActivitySet; empty keep-alive messages
/// every <see cref="DirectLineOptions.KeepAliveInterval"/>; incoming messages (DirectLineJS's empty probes) are read
/// and ignored. One socket per conversation: a newer one closes the older ("collision").</summary>
public static class StreamEndpoint
{
    private static readonly TimeSpan CloseHandshake = TimeSpan.FromSeconds(5);

    /// <summary>Handles the upgrade and runs the socket until either side closes it.</summary>
    public static async Task<IResult> RunAsync(
        string id, HttpContext context, DirectLineAuth auth, ConversationLogStore logs, TimeProvider time,
        IOptions<DirectLineOptions> options)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(auth);
        ArgumentNullException.ThrowIfNull(logs);
        ArgumentNullException.ThrowIfNull(options);
        var (error, _) = auth.Check(context.Request, id, allowQuery: true);
        if (error is not null)
        {
            return error;
        }

        if (!Ids.IsValid(id) || logs.Find(id) is not { } log)
        {
            return Protocol.DirectLineError.NotFound();
        }

        if (!context.WebSockets.IsWebSocketRequest)
        {
            return Protocol.DirectLineError.BadArgument("This URL takes a WebSocket connection.");
        }

        long? watermark = long.TryParse(
            context.Request.Query["watermark"], NumberStyles.None, CultureInfo.InvariantCulture, out var seq) ? seq : null;
        // Subscribe before the handshake answers: a client may post as soon as it sees the 101, and whatever the
        // log gets from then on (the typing indicator, the echo, a reply) must already go to this socket's queue.
        var subscriber = new StreamSubscriber();
        log.Subscribe(subscriber, watermark);
        WebSocket socket;
        try
        {
            socket = await context.WebSockets.AcceptWebSocketAsync();
        }
        catch
        {
            log.Unsubscribe(subscriber);
            subscriber.Complete("closed");
            throw;
        }

        using var accepted = socket;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        var receiving = ReceiveAsync(socket, subscriber, stop.Token);
        var keepAlive = KeepAliveAsync(subscriber, options.Value.KeepAliveInterval, time, stop.Token);
        try
        {
            await foreach (var frame in subscriber.Frames.ReadAllAsync(stop.Token))
            {
                await socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, stop.Token);
            }

            if (socket.State == WebSocketState.Open)
            {
                await socket.CloseOutputAsync(
                    subscriber.CloseReason == StreamSubscriber.Collision ? WebSocketCloseStatus.PolicyViolation : WebSocketCloseStatus.NormalClosure,
                    subscriber.CloseReason, stop.Token);

                // Let the client read the close frame and answer it; cancelling the pending receive would abort the
                // connection and the client would see a reset instead of the reason.
                await Task.WhenAny(receiving, Task.Delay(CloseHandshake, TimeProvider.System, stop.Token));
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // The client went away; it reconnects with its watermark and loses nothing.
        }
        finally
        {
            log.Unsubscribe(subscriber);
            subscriber.Complete("closed");
            await stop.CancelAsync();
            await Task.WhenAll(receiving, keepAlive).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        return Results.Empty;
    }

    private static async Task ReceiveAsync(WebSocket socket, StreamSubscriber subscriber, CancellationToken ct)
    {
        var buffer = new byte[4096];
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var result = await socket.ReceiveAsync(buffer, ct);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
        }
        finally
        {
            subscriber.Complete("closed");
        }
    }

    private static async Task KeepAliveAsync(StreamSubscriber subscriber, TimeSpan interval, TimeProvider time, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                subscriber.Push(StreamSubscriber.KeepAlive);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
