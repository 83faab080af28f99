using System.Text.Json;

namespace SupportBot.Channels.WebChat.Protocol;

/// <summary>Turns a posted activity (already parsed by <see cref="StrictJson"/>) into a <see cref="PostedActivity"/>:
/// reads only the allow-listed fields, checks their types and sizes, and refuses a body that is not an activity with a
/// reason that quotes nothing of it.</summary>
public static class PostedActivityReader
{
    /// <summary>The longest <c>messageBack.displayText</c> kept; longer ones are cut.</summary>
    public const int MaxDisplayText = 1024;

    /// <summary>The most attachment sizes kept.</summary>
    public const int MaxAttachmentSizes = 10;

    private const int MaxNameLength = 64;

    // The Bot Framework's activity types; a client posting another is refused.
    private static readonly HashSet<string> KnownTypes = new(StringComparer.Ordinal)
    {
        "message", "typing", "event", "conversationUpdate", "endOfConversation", "invoke", "messageReaction",
        "messageUpdate", "messageDelete", "installationUpdate", "contactRelationUpdate", "deleteUserData",
        "suggestion", "trace", "handoff", "command", "commandResult",
    };

    /// <summary>The activity in a request body, or null with <paramref name="problem"/> saying what is wrong.</summary>
    public static PostedActivity? Parse(ReadOnlyMemory<byte> body, out string? problem)
    {
        using var document = StrictJson.Parse(body, out problem);
        return document is null ? null : Read(document.RootElement, out problem);
    }

    /// <summary>The activity, or null with <paramref name="problem"/> saying what is wrong.</summary>
    public static PostedActivity? Read(JsonElement root, out string? problem)
    {
        problem = null;
        if (root.ValueKind != JsonValueKind.Object)
        {
            problem = "The body must be one activity as a JSON object.";
            return null;
        }

        var type = "message";
        if (root.TryGetProperty("type", out var typeNode))
        {
            if (typeNode.ValueKind != JsonValueKind.String || !KnownTypes.Contains(typeNode.GetString()!))
            {
                problem = "The activity's type must be a Bot Framework activity type such as \"message\".";
                return null;
            }

            type = typeNode.GetString()!;
        }

        if (!OptionalString(root, "text", out var text))
        {
            problem = "The activity's text must be a string.";
            return null;
        }

        var channelData = root.TryGetProperty("channelData", out var cd) && cd.ValueKind == JsonValueKind.Object ? cd : default;
        var messageBack = channelData.ValueKind == JsonValueKind.Object
            && channelData.TryGetProperty("messageBack", out var mb) && mb.ValueKind == JsonValueKind.Object ? mb : default;
        var displayText = messageBack.ValueKind == JsonValueKind.Object ? StringOf(messageBack, "displayText") : null;
        var from = root.TryGetProperty("from", out var f) && f.ValueKind == JsonValueKind.Object ? f : default;
        var clientId = channelData.ValueKind == JsonValueKind.Object ? StringOf(channelData, "clientActivityID") : null;
        var name = StringOf(root, "name");
        return new PostedActivity
        {
            Type = type,
            Text = text ?? "",
            TextFormat = StringOf(root, "textFormat") is "plain" or "markdown" or "xml" ? StringOf(root, "textFormat") : null,
            // A page's join event may carry its language as value.language (the Bot Framework samples' shape).
            Locale = NormalizeLocale(StringOf(root, "locale"))
                ?? (root.TryGetProperty("value", out var joinValue) && joinValue.ValueKind == JsonValueKind.Object
                    ? NormalizeLocale(StringOf(joinValue, "language")) : null),
            FromId = from.ValueKind == JsonValueKind.Object ? StringOf(from, "id") : null,
            Name = name is not null && IsIdentifier(name) ? name : null,
            ChoiceValue = ChoiceOf(root),
            ClientActivityId = ClientActivityIds.HasIdShape(clientId) ? clientId : null,
            PostBack = channelData.ValueKind == JsonValueKind.Object
                && channelData.TryGetProperty("postBack", out var pb) && pb.ValueKind == JsonValueKind.True,
            DisplayText = displayText is { Length: > MaxDisplayText } ? displayText[..MaxDisplayText] : displayText,
            AttachmentSizes = channelData.ValueKind == JsonValueKind.Object ? Sizes(channelData) : [],
        };
    }

    /// <summary>A BCP 47 tag reduced to language and region (<c>zh-Hans-CN</c> → <c>zh-CN</c>, <c>en-us</c> →
    /// <c>en-US</c>); null for anything else, so no free text rides in the locale.</summary>
    public static string? NormalizeLocale(string? tag)
    {
        if (tag is not { Length: > 1 and <= 35 })
        {
            return null;
        }

        var parts = tag.Split('-', '_');
        if (parts[0].Length is < 2 or > 3 || !parts[0].All(char.IsAsciiLetter))
        {
            return null;
        }

        var language = parts[0].ToLowerInvariant();
        foreach (var part in parts.Skip(1))
        {
            if (part.Length == 2 && part.All(char.IsAsciiLetter))
            {
                return language + "-" + part.ToUpperInvariant();
            }

            if (part.Length == 3 && part.All(char.IsAsciiDigit))
            {
                return language + "-" + part;
            }
        }

        return language;
    }

    private static bool IsIdentifier(string value) =>
        value.Length is > 0 and <= MaxNameLength
        && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or ':' or '-' or '_');

    private static string? ChoiceOf(JsonElement root)
    {
        if (!root.TryGetProperty("value", out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Object => StringOf(value, "choice"),
            _ => null,
        };
    }

    private static long[] Sizes(JsonElement channelData)
    {
        if (!channelData.TryGetProperty("attachmentSizes", out var sizes) || sizes.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var kept = new List<long>(Math.Min(sizes.GetArrayLength(), MaxAttachmentSizes));
        foreach (var size in sizes.EnumerateArray())
        {
            if (kept.Count == MaxAttachmentSizes || size.ValueKind != JsonValueKind.Number
                || !size.TryGetInt64(out var bytes) || bytes < 0)
            {
                break;
            }

            kept.Add(bytes);
        }

        return [.. kept];
    }

    private static bool OptionalString(JsonElement obj, string name, out string? value)
    {
        value = null;
        if (!obj.TryGetProperty(name, out var node) || node.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (node.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        value = node.GetString();
        return true;
    }

    private static string? StringOf(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var node) && node.ValueKind == JsonValueKind.String ? node.GetString() : null;
}
