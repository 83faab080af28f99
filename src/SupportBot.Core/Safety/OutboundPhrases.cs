namespace SupportBot.Core.Safety;

/// <summary>The words the outbound guard reads in an agent's message, lower case, English and Chinese. A clause is
/// a request for a secret when it names one, holds a request (a verb aimed at the user or a question) and holds no
/// negation.</summary>
internal static class OutboundPhrases
{
    /// <summary>The secrets, by kind.</summary>
    public static readonly (string Phrase, SecretKind Kind)[] Nouns =
    [
        ("password", SecretKind.Password), ("passwords", SecretKind.Password), ("passcode", SecretKind.Password),
        ("pwd", SecretKind.Password), ("api secret", SecretKind.Password), ("secret key", SecretKind.Password),
        ("密码", SecretKind.Password), ("密钥", SecretKind.Password), ("api密钥", SecretKind.Password),
        ("seed phrase", SecretKind.SeedPhrase), ("seed words", SecretKind.SeedPhrase), ("seed", SecretKind.SeedPhrase),
        ("mnemonic", SecretKind.SeedPhrase), ("recovery phrase", SecretKind.SeedPhrase),
        ("secret phrase", SecretKind.SeedPhrase), ("backup phrase", SecretKind.SeedPhrase),
        ("recovery words", SecretKind.SeedPhrase), ("12 words", SecretKind.SeedPhrase),
        ("12-word", SecretKind.SeedPhrase), ("24 words", SecretKind.SeedPhrase), ("24-word", SecretKind.SeedPhrase),
        ("助记词", SecretKind.SeedPhrase), ("种子词", SecretKind.SeedPhrase), ("备份词", SecretKind.SeedPhrase),
        ("恢复短语", SecretKind.SeedPhrase), ("密语", SecretKind.SeedPhrase),
        ("private key", SecretKind.PrivateKey), ("private keys", SecretKind.PrivateKey),
        ("privkey", SecretKind.PrivateKey), ("keystore", SecretKind.PrivateKey), ("私钥", SecretKind.PrivateKey),
        ("秘钥", SecretKind.PrivateKey),
        ("code", SecretKind.VerificationCode), ("codes", SecretKind.VerificationCode),
        ("otp", SecretKind.VerificationCode), ("your 2fa", SecretKind.VerificationCode),
        ("验证码", SecretKind.VerificationCode), ("动态码", SecretKind.VerificationCode),
        ("校验码", SecretKind.VerificationCode), ("谷歌验证", SecretKind.VerificationCode),
        ("短信码", SecretKind.VerificationCode), ("安全码", SecretKind.VerificationCode),
        ("邮箱码", SecretKind.VerificationCode), ("谷歌码", SecretKind.VerificationCode),
        ("动态口令", SecretKind.VerificationCode),
    ];

    /// <summary>Compounds that contain a secret's name but are no secret ("error code", "password reset",
    /// "忘记密码"); they are blanked out before the nouns are looked for.</summary>
    public static readonly string[] NotSecrets =
    [
        "error code", "referral code", "invite code", "invitation code", "promo code", "promotion code",
        "coupon code", "agent code", "postal code", "zip code", "country code", "area code", "qr code", "source code",
        "discount code", "bonus code", "reward code", "redeem code", "redemption code", "gift code", "ticket code",
        "status code", "response code", "reason code", "product code", "event code", "voucher code", "tracking code",
        "code of conduct", "password reset", "reset password", "reset your password", "password change",
        "change password", "change your password", "password recovery", "forgot password", "forgot your password",
        "password manager", "new password", "reset link", "seed round", "重置密码", "修改密码", "找回密码",
        "忘记密码", "密码重置", "新密码", "更改密码", "设置密码", "邀请码", "推荐码", "错误码",
    ];

    /// <summary>A request aimed at the user: "send me", "tell me", "what is your", "发给我", "是多少".</summary>
    public static readonly string[] Requests =
    [
        "send me", "send us", "send over", "send your", "send it", "sending me", "give me", "give us", "give your",
        "tell me", "tell us", "share your", "share with me", "share with us", "share it", "with me", "with us",
        "to me", "to us", "provide", "forward me", "forward your", "paste your", "paste the", "paste it",
        "type it here", "type here", "enter it here", "enter here", "write it here", "read me", "read out",
        "read it", "show me", "can i have", "could i have", "may i have", "can i get", "need your", "i need", "we need", "reply with",
        "dm me", "message me", "text me", "email me", "require your", "requires your", "verify your",
        "发给我", "发我", "发送给我", "发给客服", "发过来", "发一下", "发出来", "发到", "告诉我", "告诉客服", "告知",
        "提供", "给我", "报给我", "报一下", "说一下", "说出", "念一下", "读一下", "输入到这里", "在这里输入",
        "在此输入", "填在这里", "回复", "私信", "索要", "索取", "需要您的", "需要你的", "截图给我",
        "拍给我", "交给", "核实您的", "核实你的", "验证您的", "验证你的",
    ];

    /// <summary>A question for the value itself ("what is your …", "…是多少"); no condition softens it.</summary>
    public static readonly string[] Questions =
    [
        "what is your", "what's your", "whats your", "what was your", "what are your", "是多少", "多少",
    ];

    /// <summary>Negations: a clause with one of these warns about a secret instead of asking for it.</summary>
    public static readonly string[] Negations =
    [
        "never", "don't", "dont", "do not", "not", "won't", "will not", "no one", "nobody", "no need",
        "shouldn't", "should not", "must not", "mustn't", "avoid", "neither", "nor",
        "不要", "切勿", "不会", "绝不", "请勿", "勿", "不能", "不可", "禁止", "无需", "不需要", "从不", "永远不",
        "不用", "千万不", "决不", "不得", "别把", "别发", "别告诉", "别给", "别向", "别透露", "别泄露",
    ];

    /// <summary>A condition between the request and the secret ("tell me if you received the code").</summary>
    public static readonly string[] Conditions = ["if", "when", "whether", "once", "after", "如果", "是否", "收到", "一旦"];

    /// <summary>Words that start a new clause inside a sentence.</summary>
    public static readonly string[] ClauseBreaks = [" but ", " however ", "但是", "不过", "但"];
}
