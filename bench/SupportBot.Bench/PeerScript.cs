using SupportBot.Core.Activities;
using SupportBot.Core.Catalog;
using SupportBot.Core.Recognizers;

namespace SupportBot.Bench;

/// <summary>The peer's scripted "deposit not credited" conversation (../shared/bench/peer-botbuilder, eight user
/// turns), and the same flow as a catalog: deposit asks UID, time, TXID and an optional screenshot with no
/// self-help, exactly the peer's waterfall. Texts, commands and the other problems are the shipped ones.</summary>
internal static class PeerScript
{
    public const int Turns = 8;

    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    /// <summary>The shipped catalog with deposit cut to the peer's four details.</summary>
    public static DialogCatalog Catalog(DialogCatalog shipped)
    {
        var deposit = shipped.FindProblem("deposit")!;
        string[] keep = [SlotKinds.Uid, SlotKinds.Time, SlotKinds.TxId, SlotKinds.Screenshots];
        var peerDeposit = deposit with
        {
            SelfHelp = null,
            Details = [.. keep.Select(kind => deposit.Details.First(d => d.Kind == kind))],
        };
        return new DialogCatalog(
            [.. shipped.Problems.Select(p => p.Id == "deposit" ? peerDeposit : p)],
            shipped.Texts,
            shipped.Commands,
            shipped.Knowledge);
    }

    /// <summary>Turn <paramref name="turn"/> (0-based) of conversation <paramref name="n"/>.</summary>
    public static InboundActivity Activity(ConversationKey key, int n, int turn, DateTimeOffset now)
    {
        var activity = new InboundActivity
        {
            Conversation = key,
            UserId = key.Id,
            MessageId = turn.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Timestamp = now,
        };
        return turn switch
        {
            0 => activity with { Text = "hi" },
            1 => activity with { Text = "Deposit not credited" },
            2 => activity with { Text = "my uid is 12ab" },
            3 => activity with { Text = (10_000_000 + (n % 89_999_999)).ToString(System.Globalization.CultureInfo.InvariantCulture) },
            4 => activity with { Text = "2025-03-03 10:45" },
            5 => activity with { Text = "0x" + Convert.ToHexStringLower(BitConverter.GetBytes((long)n)).PadLeft(64, 'a') },
            6 => n % 2 == 0
                ? activity with { Attachments = [new Attachment("shot.png", "image/png", Png.Length) { Content = Png }] }
                : activity with { Text = "skip" },
            _ => activity with { Text = "yes" },
        };
    }

    /// <summary>The step each turn must end on (the peer checks every reply the same way).</summary>
    public static string ExpectedStep(int turn) => turn switch
    {
        0 => "menu",
        1 or 2 => "uid",
        3 => "time",
        4 => "txid",
        5 => "screenshots",
        6 => "confirm",
        _ => "",
    };
}
