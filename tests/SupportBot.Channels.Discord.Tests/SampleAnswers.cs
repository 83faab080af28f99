using SupportBot.Core.Catalog;
using SupportBot.Core.Recognizers;

namespace SupportBot.Channels.Discord.Tests;

/// <summary>A valid answer per detail kind, consistent with each other (TRC20 address and hash).</summary>
internal static class SampleAnswers
{
    public const string TronTxId = "4a1f0c9e2b7d8e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f";

    public static string For(DetailDefinition detail, string locale) => detail.Kind switch
    {
        SlotKinds.Uid => "12345678",
        SlotKinds.Time => locale == Locales.Supported.Chinese ? "昨天晚上九点" : "yesterday 9pm",
        SlotKinds.TxId => TronTxId,
        SlotKinds.Address => "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t",
        SlotKinds.Coin => "USDT",
        SlotKinds.Network => "TRC20",
        SlotKinds.Amount => "100",
        _ => throw new ArgumentOutOfRangeException(nameof(detail), detail.Kind, "no sample"),
    };
}
