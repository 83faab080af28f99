using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace SupportBot.Channels.WebChat.Web;

/// <summary>Reads <c>POST …/upload</c> as DirectLineJS sends it: <c>multipart/form-data</c> with an optional part
/// of type <c>application/vnd.microsoft.activity</c> (the activity JSON, named <c>activity</c>) and one part per
/// file; or one file as the raw body with its Content-Type and Content-Disposition.</summary>
public static class UploadReader
{
    private const string ActivityType = "application/vnd.microsoft.activity";

    /// <summary>One file.</summary>
    public sealed record UploadedFile(string Name, string ContentType, byte[] Content);

    /// <summary>The files and the activity part's bytes (parsed by the caller, as strictly as any posted activity).</summary>
    public sealed record Upload(byte[]? Activity, IReadOnlyList<UploadedFile> Files);

    /// <summary>Reads the upload; null when it is larger than <paramref name="limit"/>. Throws
    /// <see cref="InvalidDataException"/> for a malformed multipart body.</summary>
    public static async Task<Upload?> ReadAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = await RequestBody.ReadAsync(request, limit, cancellationToken);
        if (body is null)
        {
            return null;
        }

        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            var name = ContentDispositionHeaderValue.TryParse(request.Headers.ContentDisposition.ToString(), out var raw)
                ? FileName(raw) : null;
            return new Upload(null, body.Length == 0 ? [] : [new UploadedFile(name ?? "file", request.ContentType ?? "application/octet-stream", body)]);
        }

        var boundary = HeaderUtilities.RemoveQuotes(type.Boundary).Value;
        if (string.IsNullOrEmpty(boundary))
        {
            throw new InvalidDataException("multipart without a boundary");
        }

        byte[]? activity = null;
        var files = new List<UploadedFile>();
        using var stream = new MemoryStream(body, writable: false);
        var reader = new MultipartReader(boundary, stream);
        try
        {
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                using var content = new MemoryStream();
                await section.Body.CopyToAsync(content, cancellationToken);
                var disposition = ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var d) ? d : null;
                var partName = HeaderUtilities.RemoveQuotes(disposition?.Name ?? default).Value;
                var contentType = section.ContentType ?? "application/octet-stream";
                if (contentType.StartsWith(ActivityType, StringComparison.OrdinalIgnoreCase) || partName == "activity")
                {
                    activity = activity is null
                        ? content.ToArray()
                        : throw new InvalidDataException("more than one activity part");
                    continue;
                }

                files.Add(new UploadedFile(disposition is null ? "file" : FileName(disposition) ?? "file", contentType, content.ToArray()));
            }
        }
        catch (IOException ex)
        {
            throw new InvalidDataException("malformed multipart body", ex);
        }

        return new Upload(activity, files);
    }

    private static string? FileName(ContentDispositionHeaderValue disposition)
    {
        var name = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
        return string.IsNullOrWhiteSpace(name) ? null : Path.GetFileName(name.Replace('\\', '/'));
    }
}
