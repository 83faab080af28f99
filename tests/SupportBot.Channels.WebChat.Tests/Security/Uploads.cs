using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using SupportBot.Channels.WebChat.Tests.Protocol;

namespace SupportBot.Channels.WebChat.Tests.Security;

/// <summary>Uploads as DirectLineJS sends them: an "activity" part and one part per file.</summary>
internal static class Uploads
{
    public static async Task<(HttpStatusCode Status, string Body)> SendAsync(
        DirectLineClient client, JsonObject? activity, params (byte[] Content, string ContentType, string FileName)[] files)
    {
        using var form = new MultipartFormDataContent();
        if (activity is not null)
        {
            var part = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(activity.ToJsonString()));
            part.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.microsoft.activity");
            form.Add(part, "activity", "blob");
        }

        foreach (var (content, contentType, fileName) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue(contentType);
            part.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data")
            {
                Name = "\"file\"",
                FileNameStar = fileName,
            };
            form.Add(part);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post,
            $"/v3/directline/conversations/{client.ConversationId}/upload?userId={client.UserId}") { Content = form };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", client.Token);
        using var response = await client.Http.SendAsync(request, TestContext.Current.CancellationToken);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
