namespace SupportBot.Testing.Images;

/// <summary>The screenshots tests and the benchmark use: what frightened users really send. Secret screens must be
/// refused; clean ones (the screenshots support asks for) must be kept.</summary>
public static class Screens
{
    /// <summary>A 12-word English phrase in a numbered 3×4 grid, light theme, PNG.</summary>
    public static readonly IReadOnlyList<string> Seed12 = SeedPhrases.English(12, 1);

    /// <summary>A 24-word English phrase.</summary>
    public static readonly IReadOnlyList<string> Seed24 = SeedPhrases.English(24, 2);

    /// <summary>A 12-word Chinese phrase.</summary>
    public static readonly IReadOnlyList<string> SeedChinese = SeedPhrases.Chinese(12, 3);

    /// <summary>A raw private key (64 hex).</summary>
    public const string HexKey = "4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318";

    /// <summary>A BIP32 extended private key (the BIP32 test vector 1 master key).</summary>
    public const string Xprv = "xprv9s21ZrQH143K3QTDL4LXw2F7HEK3wJUD2nW2nRk4stbPy6cq3jPPqjiChkVvvNKmPGJxWUtg6LnF5kejMRNNU3TGtRBeJgk33yuGBxrMPHi";

    /// <summary>A compressed mainnet WIF key (the Bitcoin wiki's example).</summary>
    public const string Wif = "KwdMAjGmerYanjeui5SHS7JkmpZvVipYvB2LJGU1ZxJwYvP98617";

    /// <summary>An authenticator setup URI.</summary>
    public const string OtpAuth = "otpauth://totp/Exchange:alice%40example.com?secret=JBSWY3DPEHPK3PXPJBSWY3DP&issuer=Exchange";

    /// <summary>An exchange API secret as an API management page shows it.</summary>
    public const string ApiSecret = "Zk7Qp2Lm9Xn4Wb6Vc1Rt8Ys3Hd5Jf0Ga7Ue2Io4Pa9Sd6Fg";

    /// <summary>A transaction hash (not a key) on deposit records.</summary>
    public const string TxId = "3f1c9a7e5b2d4c6e8a0b1d3f5e7c9a2b4d6f8e0a1c3e5b7d9f2a4c6e8b0d1f3a";

    /// <summary>Name, image bytes, the secret's text (for grepping the disk), and what kind the warning names.</summary>
    public sealed record SecretScreen(string Name, byte[] Image, string Secret, string Kind);

    /// <summary>Name and image bytes of a screenshot support needs.</summary>
    public sealed record CleanScreen(string Name, byte[] Image);

    private static readonly Lazy<IReadOnlyList<SecretScreen>> SecretScreens = new(() => [.. DrawSecret()]);
    private static readonly Lazy<IReadOnlyList<CleanScreen>> CleanScreens = new(() => [.. DrawClean()]);

    /// <summary>Every secret screen (drawn once per process).</summary>
    public static IReadOnlyList<SecretScreen> Secret() => SecretScreens.Value;

    /// <summary>Every clean screen (the kinds support asks for; drawn once per process).</summary>
    public static IReadOnlyList<CleanScreen> Clean() => CleanScreens.Value;

    private static IEnumerable<SecretScreen> DrawSecret()
    {
        yield return new("seed12-grid-light.png", SeedGrid12(), string.Join(' ', Seed12), "seedPhrase");
        yield return new("seed24-grid-dark.jpg", SeedGrid24Dark(), string.Join(' ', Seed24), "seedPhrase");
        yield return new("seed-chinese.png", SeedChineseGrid(), string.Concat(SeedChinese), "seedPhrase");
        yield return new("hex-key.png", new PhoneScreen().Title("Export Private Key").Text("Never share your private key. Anyone with it controls your funds.", muted: true)
            .Text("Private Key", 38, muted: true).Text(HexKey[..32], 44, mono: true).Text(HexKey[32..], 44, mono: true).Button("Copy").Png(), HexKey, "privateKey");
        yield return new("xprv.jpg", new PhoneScreen(dark: true).Title("Account extended private key").Text("Keep it secret.", muted: true)
            .Text(Xprv, 34, mono: true).Qr(Xprv, 560).Jpeg(85), Xprv, "privateKey");
        yield return new("wif-qr.png", new PhoneScreen().Title("Export key").Text("Scan to import this key into another wallet.", muted: true).Qr(Wif, 640).Png(noise: 3), Wif, "privateKey");
        yield return new("otpauth-qr.png", new PhoneScreen().Title("Enable Google Authenticator").Text("Scan this QR code with the authenticator app.", muted: true)
            .Qr(OtpAuth, 560).Text("Then enter the 6-digit code from the app below.", muted: true).Button("Next").Png(), "JBSWY3DPEHPK3PXPJBSWY3DP", "twoFactorSetup");
        yield return new("api-key-page.png", new PhoneScreen().Title("API Management").Text("Label: trading-bot", muted: true)
            .Text("API Key", 36, muted: true).Text("q8Wm3ZrT5bNk2Lp7Xy4Vc9Hd6Jf1Gs0Aa8Ee3Rr5Tt7Uu2Ii", 34, mono: true)
            .Text("Secret Key", 36, muted: true).Text(ApiSecret, 34, mono: true)
            .Text("The secret key is shown only once. Store it safely.", muted: true).Png(), ApiSecret, "apiSecret");
    }

    private static IEnumerable<CleanScreen> DrawClean()
    {
        yield return new("deposit-record.png", new PhoneScreen().Title("Deposit Details").Row("Coin", "USDT").Row("Network", "TRC20")
            .Row("Amount", "500.00 USDT").Row("Status", "Confirming (3/20)").Text("Address", 36, muted: true).Text("TXq9rW2mE6nQ3dJ7kL1pV8sY4tB5uC0aZ", 38)
            .Text("TxID", 36, muted: true).Text(TxId, 34, mono: true).Row("Date", "2026-12-03 21:14:07").Png());
        yield return new("deposit-record-zh-dark.jpg", new PhoneScreen(dark: true).Title("充值详情").Row("币种", "USDT").Row("网络", "TRC20")
            .Row("数量", "500.00").Row("状态", "确认中 (3/20)").Text("地址", 36, muted: true).Text("TXq9rW2mE6nQ3dJ7kL1pV8sY4tB5uC0aZ", 38)
            .Text("交易哈希", 36, muted: true).Text(TxId, 34, mono: true).Row("时间", "2026-12-03 21:14:07").Jpeg(80));
        yield return new("withdrawal-record.png", new PhoneScreen().Title("Withdrawal").Row("Coin", "ETH").Row("Amount", "0.8500 ETH")
            .Row("Status", "Completed").Text("Withdrawal Hash", 36, muted: true).Text("0x" + TxId, 34, mono: true)
            .Text("To 0x52908400098527886E0F7030069857D2E4169EE7", 36).Png(noise: 4));
        yield return new("order-page.png", new PhoneScreen().Title("Order Details").Row("Order No.", "202612031843377215").Row("Pair", "BTC/USDT")
            .Row("Side", "Buy").Row("Price", "97,215.40").Row("Filled", "0.01250 / 0.01250").Row("Fee", "0.0000125 BTC").Row("Time", "2026-12-03 18:43:37").Png());
        yield return new("login-error.jpg", new PhoneScreen().Title("Log In").Text("Email", 36, muted: true).Text("alice@example.com", 40)
            .Text("Password", 36, muted: true).Text("••••••••••", 40).Text("Incorrect password. You have 4 attempts left before your account is locked for 2 hours.", 38)
            .Button("Log In").Text("Forgot password?", 36, muted: true).Jpeg(75));
        yield return new("kyc-rejected.png", new PhoneScreen().Title("Identity Verification").Text("Verification failed", 46, bold: true)
            .Text("Reason: The photo of your ID document is blurry or cut off. Please upload a clear photo showing all four corners.", 38)
            .Text("Submitted 2026-12-02 10:05 · Reviewed 2026-12-03 09:41", 34, muted: true).Button("Try again").Png());
        yield return new("exchange-ui-zh.png", new PhoneScreen().Title("资产总览").Text("总资产估值 (USDT)", 36, muted: true).Text("12,480.37", 60, bold: true)
            .Row("现货账户", "8,210.05").Row("合约账户", "3,000.00").Row("理财账户", "1,270.32").Button("充币").Button("提币")
            .Text("最近记录：充值 500 USDT 已到账；提币 0.85 ETH 审核中", 36).Png());
        yield return new("withdraw-failed-zh-dark.png", new PhoneScreen(dark: true).Title("提币失败").Text("您的提币申请未通过风控审核，资产已退回您的现货账户。", 40)
            .Row("币种", "USDT").Row("数量", "1,200.00").Row("网络", "ERC20").Text("如有疑问，请联系在线客服。", 38, muted: true).Png(noise: 5));
        yield return new("deposit-address-qr.png", new PhoneScreen().Title("Deposit USDT").Row("Network", "TRC20").Qr("TXq9rW2mE6nQ3dJ7kL1pV8sY4tB5uC0aZ", 560)
            .Text("TXq9rW2mE6nQ3dJ7kL1pV8sY4tB5uC0aZ", 38).Text("Send only USDT on TRC20 to this address.", 36, muted: true).Png());
        yield return new("security-settings.png", new PhoneScreen().Title("Security").Row("Google Authenticator", "On").Row("SMS verification", "+86 138****5521")
            .Row("Email verification", "a***e@example.com").Row("Anti-phishing code", "Set").Row("Withdrawal whitelist", "Off").Png());
        yield return new("p2p-order-dark.jpg", new PhoneScreen(dark: true).Title("P2P Order 8847120036").Row("Amount", "7,200.00 CNY").Row("Price", "7.20 CNY")
            .Row("Quantity", "1,000.00 USDT").Text("Seller: please release the coins after you receive the payment. Payment reference 8847120036.", 38)
            .Button("Payment received").Jpeg(80));
        yield return new("app-error.png", new PhoneScreen().Title("Something went wrong").Text("Error code 10007: withdrawal address is not on your whitelist. Add it under Security > Withdrawal whitelist and wait 24 hours.", 38)
            .Button("OK").Png());
    }

    /// <summary>The 12-word grid alone (the chat try-out and the channel tests use it).</summary>
    public static byte[] SeedGrid12() =>
        new PhoneScreen().Title("Back up your recovery phrase").Text("Write down these 12 words in order and keep them somewhere safe.", muted: true)
            .Grid(Seed12, columns: 3).Button("I've written it down").Png();

    /// <summary>The 24-word grid, numbered down the columns, dark theme, JPEG.</summary>
    public static byte[] SeedGrid24Dark() =>
        new PhoneScreen(dark: true).Title("Recovery phrase").Text("Never share these words with anyone.", muted: true)
            .Grid(Seed24, columns: 4, columnMajor: true, size: 34).Jpeg(80);

    /// <summary>The Chinese phrase in a numbered 3×4 grid.</summary>
    public static byte[] SeedChineseGrid() =>
        new PhoneScreen().Title("备份助记词").Text("请按顺序抄写以下助记词，并妥善保管。", muted: true).Grid(SeedChinese, columns: 3, size: 48).Button("我已备份").Png(noise: 3);

    /// <summary>The English deposit record (the chat try-out and the channel tests use it).</summary>
    public static byte[] DepositRecord() => Clean()[0].Image;
}
