namespace SupportBot.Channels.WebChat.Protocol;

/// <summary>What we take from an activity a client posts: an allow-list of the fields Microsoft's Web Chat, our widget
/// and DirectLineJS clients need (see <see cref="PostedActivityReader"/>). Everything else the client sent
/// (<c>from.name</c>, <c>speak</c>, <c>summary</c>, <c>entities</c>, <c>recipient</c>, other <c>channelData</c>, an
/// event's <c>value</c> …) is dropped on arrival: never stored, never echoed, never routed.</summary>
public sealed record PostedActivity
{
    /// <summary>The activity type: <c>message</c>, <c>typing</c> or another Bot Framework type (echoed only).</summary>
    public string Type { get; init; } = "message";

    /// <summary>The user's text; empty when absent. Goes through the safety guard like every channel's text.</summary>
    public string Text { get; init; } = "";

    /// <summary><c>plain</c>, <c>markdown</c> or <c>xml</c>; null otherwise.</summary>
    public string? TextFormat { get; init; }

    /// <summary>The locale, reduced to a language and an optional region (<c>zh-CN</c>, <c>en</c>); null when the
    /// client sent none or something else.</summary>
    public string? Locale { get; init; }

    /// <summary>The client's <c>from.id</c> (only a user id of our shape is ever used).</summary>
    public string? FromId { get; init; }

    /// <summary>An event's <c>name</c> when it is a short identifier; null otherwise.</summary>
    public string? Name { get; init; }

    /// <summary>The choice a postback or messageBack named: <c>value</c> as a string, or <c>value.choice</c>. Only
    /// used to pick an offered choice; never stored or echoed as sent.</summary>
    public string? ChoiceValue { get; init; }

    /// <summary><c>channelData.clientActivityID</c> when it has the shape of a client-made id
    /// (<see cref="ClientActivityIds"/>); null otherwise.</summary>
    public string? ClientActivityId { get; init; }

    /// <summary><c>channelData.postBack</c> was true (our widget hides such echoes).</summary>
    public bool PostBack { get; init; }

    /// <summary><c>channelData.messageBack.displayText</c>: what the page shows instead of the text.</summary>
    public string? DisplayText { get; init; }

    /// <summary><c>channelData.attachmentSizes</c> (Web Chat shows them beside an upload's file names).</summary>
    public IReadOnlyList<long> AttachmentSizes { get; init; } = [];
}
