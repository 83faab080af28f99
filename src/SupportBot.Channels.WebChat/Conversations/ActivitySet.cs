using System.Globalization;
using System.Text;

namespace SupportBot.Channels.WebChat.Conversations;

/// <summary>Builds Direct Line ActivitySets (<c>{"activities":[…],"watermark":"7"}</c>) from stored activity JSON
/// without re-serializing it.</summary>
public static class ActivitySet
{
    /// <summary>Most activities in one WebSocket frame or one GET page.</summary>
    public const int MaxPerFrame = 100;

    private static readonly byte[] Open = "{\"activities\":["u8.ToArray();
    private static readonly byte[] Close = "],\"watermark\":"u8.ToArray();

    /// <summary>A set of <paramref name="activities"/>; its watermark is the last one's seq, or
    /// <paramref name="watermark"/> when the set is empty (null when there is none yet).</summary>
    public static byte[] Frame(IReadOnlyList<LoggedActivity> activities, long? watermark = null)
    {
        ArgumentNullException.ThrowIfNull(activities);
        var last = activities.Count > 0 ? activities[^1].Seq : watermark;
        var size = Open.Length + Close.Length + 24;
        foreach (var activity in activities)
        {
            size += activity.Json.Length + 1;
        }

        using var buffer = new MemoryStream(size);
        buffer.Write(Open);
        for (var i = 0; i < activities.Count; i++)
        {
            if (i > 0)
            {
                buffer.WriteByte((byte)',');
            }

            buffer.Write(activities[i].Json);
        }

        buffer.Write(Close);
        buffer.Write(last is { } seq and > 0
            ? Encoding.ASCII.GetBytes("\"" + seq.ToString(CultureInfo.InvariantCulture) + "\"}")
            : "null}"u8);
        return buffer.ToArray();
    }

    /// <summary>A set of one activity that is not in the log (typing): no watermark, so clients keep theirs.</summary>
    public static byte[] Frame(byte[] ephemeral)
    {
        ArgumentNullException.ThrowIfNull(ephemeral);
        using var buffer = new MemoryStream(ephemeral.Length + 32);
        buffer.Write(Open);
        buffer.Write(ephemeral);
        buffer.Write("]}"u8);
        return buffer.ToArray();
    }
}
