using System.Globalization;
using SupportBot.Core.Tickets;

namespace SupportBot.Core.Handoff;

/// <summary>A stored screenshot waiting in the conversation state for the ticket its flow will create, as one short
/// string (<c>id|type|size|name</c>) so the state stays small and needs no nested objects.</summary>
public static class PendingAttachment
{
    /// <summary>At most this many screenshots wait for one ticket; more are stored but not linked.</summary>
    public const int MaxPerFlow = 10;

    private const int MaxNameLength = 60;

    /// <summary>Encodes <paramref name="attachment"/>.</summary>
    public static string Encode(TicketAttachment attachment)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        var name = attachment.FileName.Replace('|', '_');
        if (name.Length > MaxNameLength)
        {
            name = name[..MaxNameLength];
        }

        return string.Join('|', attachment.Id, attachment.ContentType, attachment.Size.ToString(CultureInfo.InvariantCulture), name);
    }

    /// <summary>Decodes what <see cref="Encode"/> wrote, dated <paramref name="at"/>; null for anything else.</summary>
    public static TicketAttachment? Decode(string value, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(value);
        var parts = value.Split('|', 4);
        return parts.Length == 4 && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var size)
            ? new TicketAttachment(parts[0], parts[3], parts[1], size, at)
            : null;
    }
}
