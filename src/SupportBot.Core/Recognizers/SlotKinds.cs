namespace SupportBot.Core.Recognizers;

/// <summary>The detail kinds a dialog file may name in <c>kind:</c>; each has one recognizer.</summary>
public static class SlotKinds
{
    /// <summary>Account UID (digits; pattern configurable per detail).</summary>
    public const string Uid = "uid";

    /// <summary>Time of the problem, absolute or relative, zh or en; stored as UTC.</summary>
    public const string Time = "time";

    /// <summary>Transaction hash (EVM, Bitcoin, Tron, Solana).</summary>
    public const string TxId = "txid";

    /// <summary>Wallet address (checked against the network detail when one was given).</summary>
    public const string Address = "address";

    /// <summary>Coin ticker (USDT, BTC …).</summary>
    public const string Coin = "coin";

    /// <summary>Network (ERC-20, TRC-20, BEP-20, Solana …).</summary>
    public const string Network = "network";

    /// <summary>A positive amount, optionally with a coin.</summary>
    public const string Amount = "amount";

    /// <summary>An exchange order id or withdrawal id.</summary>
    public const string OrderId = "orderId";

    /// <summary>Email address (masked when shown back).</summary>
    public const string Email = "email";

    /// <summary>Phone number (masked when shown back).</summary>
    public const string Phone = "phone";

    /// <summary>Email or phone, whichever the user gives (masked when shown back).</summary>
    public const string Contact = "contact";

    /// <summary>Image attachments.</summary>
    public const string Screenshots = "screenshots";

    /// <summary>Free text (description, error message, handle, link, app version …).</summary>
    public const string Text = "text";

    /// <summary>All kinds.</summary>
    public static readonly IReadOnlyList<string> All =
        [Uid, Time, TxId, Address, Coin, Network, Amount, OrderId, Email, Phone, Contact, Screenshots, Text];
}
