using SupportBot.Core.Catalog;
using SupportBot.Core.Recognizers;

namespace SupportBot.Core.Tests.Engine;

/// <summary>A valid answer for each detail kind, in the user's language, consistent with each other (a Tron
/// address and a Tron transaction hash for network TRC20).</summary>
internal static class SampleAnswers
{
    public const string TronAddress = "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t";
    public const string TronTxId = "4a1f0c9e2b7d8e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f";

    public static string For(DetailDefinition detail, string locale) => detail.Kind switch
    {
        SlotKinds.Uid => "12345678",
        SlotKinds.Time => locale == Locales.Supported.Chinese ? "昨天晚上九点" : "yesterday 9pm",
        SlotKinds.TxId => TronTxId,
        SlotKinds.Address => TronAddress,
        SlotKinds.Coin => "USDT",
        SlotKinds.Network => "TRC20",
        SlotKinds.Amount => "100",
        SlotKinds.OrderId => "ORD20250303001",
        SlotKinds.Email or SlotKinds.Contact => "alice.wong@example.com",
        SlotKinds.Phone => "+86 138 0013 8000",
        SlotKinds.Text => locale == Locales.Supported.Chinese ? "点击提交以后页面一直转圈" : "The page keeps spinning after I tap submit",
        _ => throw new ArgumentOutOfRangeException(nameof(detail), detail.Kind, "no sample"),
    };
}
