using System.Text.Json.Nodes;

namespace SupportBot.Channels.Discord.Tests.Fakes;

/// <summary>One REST call the fake received.</summary>
/// <param name="Method">HTTP method.</param>
/// <param name="Template">The OpenAPI path template it matched, e.g. <c>/channels/{channel_id}/messages</c>.</param>
/// <param name="Path">The actual path below /api/v10.</param>
/// <param name="Body">The JSON body, if any.</param>
/// <param name="Status">What the fake answered.</param>
public sealed record RecordedRequest(string Method, string Template, string Path, JsonNode? Body, int Status)
{
    /// <summary>The request's route, e.g. <c>POST /channels/{channel_id}/messages</c>.</summary>
    public string Route => Method + " " + Template;

    /// <summary>The <c>content</c> field of the body.</summary>
    public string? Content => Body?["content"]?.GetValue<string>();

    /// <summary>The path's second segment (the channel id of channel routes).</summary>
    public string Segment(int index) => Path.Trim('/').Split('/')[index];
}
