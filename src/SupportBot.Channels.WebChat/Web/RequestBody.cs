using Microsoft.AspNetCore.Http;

namespace SupportBot.Channels.WebChat.Web;

/// <summary>Reads a request body up to a limit.</summary>
public static class RequestBody
{
    /// <summary>The body, or null when it is longer than <paramref name="limit"/> bytes (declared or read).</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > limit)
        {
            return null;
        }

        using var buffer = new MemoryStream((int)Math.Min(request.ContentLength ?? 4096, limit));
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
