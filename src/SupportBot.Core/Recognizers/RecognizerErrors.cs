namespace SupportBot.Core.Recognizers;

/// <summary>Every error code a recognizer returns. Each has the text key <c>error.CODE</c> in
/// <c>dialogs/texts/recognizers.yaml</c>; a test checks none is missing.</summary>
public static class RecognizerErrors
{
    /// <summary>Nothing was typed.</summary>
    public const string Empty = "empty";

    /// <summary>Far too long for this detail ({max} characters).</summary>
    public const string TooLong = "tooLong";

    /// <summary>UID has letters or symbols.</summary>
    public const string UidFormat = "uid.format";

    /// <summary>UID has the wrong number of digits ({min}–{max}).</summary>
    public const string UidLength = "uid.length";

    /// <summary>A time that could not be read.</summary>
    public const string TimeFormat = "time.format";

    /// <summary>A time in the future.</summary>
    public const string TimeFuture = "time.future";

    /// <summary>A date that does not exist (Feb 30, 25:00).</summary>
    public const string TimeInvalid = "time.invalid";

    /// <summary>Not a transaction hash of any known chain.</summary>
    public const string TxIdFormat = "txid.format";

    /// <summary>Looks like a hash but has the wrong length ({length} characters).</summary>
    public const string TxIdLength = "txid.length";

    /// <summary>A hash that does not fit the network given earlier ({network}).</summary>
    public const string TxIdNetwork = "txid.network";

    /// <summary>Not an address of any known network.</summary>
    public const string AddressFormat = "address.format";

    /// <summary>An address that does not fit the network given earlier ({network}).</summary>
    public const string AddressNetwork = "address.network";

    /// <summary>An address whose checksum is wrong (a typo).</summary>
    public const string AddressChecksum = "address.checksum";

    /// <summary>Not a coin we know.</summary>
    public const string CoinUnknown = "coin.unknown";

    /// <summary>Not a network we know.</summary>
    public const string NetworkUnknown = "network.unknown";

    /// <summary>Not a number.</summary>
    public const string AmountFormat = "amount.format";

    /// <summary>Zero or negative.</summary>
    public const string AmountNotPositive = "amount.notPositive";

    /// <summary>Order id does not match the pattern.</summary>
    public const string OrderIdFormat = "orderId.format";

    /// <summary>Not an email address.</summary>
    public const string EmailFormat = "email.format";

    /// <summary>Not a phone number.</summary>
    public const string PhoneFormat = "phone.format";

    /// <summary>Neither an email nor a phone number.</summary>
    public const string ContactFormat = "contact.format";

    /// <summary>Text instead of an image (say "skip" if optional: {skip}).</summary>
    public const string ScreenshotsNone = "screenshots.none";

    /// <summary>A file that is not an image.</summary>
    public const string ScreenshotsNotImage = "screenshots.notImage";

    /// <summary>An image over the size limit ({maxMb} MB).</summary>
    public const string ScreenshotsTooLarge = "screenshots.tooLarge";

    /// <summary>More images than allowed ({max}).</summary>
    public const string ScreenshotsTooMany = "screenshots.tooMany";

    /// <summary>Free text that does not match the detail's pattern. Not in <see cref="All"/> (which is part of the
    /// original contract); its text <c>error.text.format</c> is in recognizers.yaml all the same.</summary>
    public const string TextFormat = "text.format";

    /// <summary>All codes.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        Empty, TooLong, UidFormat, UidLength, TimeFormat, TimeFuture, TimeInvalid, TxIdFormat, TxIdLength,
        TxIdNetwork, AddressFormat, AddressNetwork, AddressChecksum, CoinUnknown, NetworkUnknown, AmountFormat,
        AmountNotPositive, OrderIdFormat, EmailFormat, PhoneFormat, ContactFormat, ScreenshotsNone,
        ScreenshotsNotImage, ScreenshotsTooLarge, ScreenshotsTooMany, TextFormat,
    ];
}
