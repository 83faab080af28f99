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
        ("pwd", SecretKind.Password), ("login pass", SecretKind.Password), ("pass you use", SecretKind.Password),
        ("passphrase", SecretKind.Password), ("sign-in pass", SecretKind.Password), ("口令", SecretKind.Password),
        ("密码", SecretKind.Password), ("登录密码", SecretKind.Password),
        ("api secret", SecretKind.ApiSecret), ("secret key", SecretKind.ApiSecret), ("api key", SecretKind.ApiSecret),
        ("api keys", SecretKind.ApiSecret), ("apikey", SecretKind.ApiSecret), ("access key", SecretKind.ApiSecret),
        ("密钥", SecretKind.ApiSecret), ("api密钥", SecretKind.ApiSecret), ("api key和secret", SecretKind.ApiSecret),
        ("api 密钥", SecretKind.ApiSecret), ("api秘钥", SecretKind.ApiSecret),
        ("seed phrase", SecretKind.SeedPhrase), ("seed words", SecretKind.SeedPhrase), ("seed", SecretKind.SeedPhrase),
        ("mnemonic", SecretKind.SeedPhrase), ("recovery phrase", SecretKind.SeedPhrase),
        ("secret phrase", SecretKind.SeedPhrase), ("backup phrase", SecretKind.SeedPhrase),
        ("recovery words", SecretKind.SeedPhrase), ("12 words", SecretKind.SeedPhrase),
        ("12 recovery words", SecretKind.SeedPhrase), ("twelve words", SecretKind.SeedPhrase),
        ("backup card", SecretKind.SeedPhrase), ("backup words", SecretKind.SeedPhrase),
        ("backup sheet", SecretKind.SeedPhrase), ("recovery sheet", SecretKind.SeedPhrase),
        ("recovery card", SecretKind.SeedPhrase), ("wallet words", SecretKind.SeedPhrase),
        ("secret words", SecretKind.SeedPhrase), ("words you wrote", SecretKind.SeedPhrase),
        ("words you saved", SecretKind.SeedPhrase), ("words you were given", SecretKind.SeedPhrase),
        ("wrote down when", SecretKind.SeedPhrase), ("written down when", SecretKind.SeedPhrase),
        ("words of your wallet", SecretKind.SeedPhrase), ("words from your wallet", SecretKind.SeedPhrase),
        ("18 words", SecretKind.SeedPhrase), ("restore phrase", SecretKind.SeedPhrase),
        ("单词", SecretKind.SeedPhrase), ("12个词", SecretKind.SeedPhrase), ("十二个词", SecretKind.SeedPhrase),
        ("恢复词", SecretKind.SeedPhrase), ("备份的词", SecretKind.SeedPhrase), ("抄下来的", SecretKind.SeedPhrase),
        ("写下来的", SecretKind.SeedPhrase), ("抄在纸上", SecretKind.SeedPhrase), ("写在纸上", SecretKind.SeedPhrase),
        ("钱包的词", SecretKind.SeedPhrase),
        ("12-word", SecretKind.SeedPhrase), ("24 words", SecretKind.SeedPhrase), ("24-word", SecretKind.SeedPhrase),
        ("助记词", SecretKind.SeedPhrase), ("种子词", SecretKind.SeedPhrase), ("备份词", SecretKind.SeedPhrase),
        ("恢复短语", SecretKind.SeedPhrase), ("密语", SecretKind.SeedPhrase),
        ("private key", SecretKind.PrivateKey), ("private keys", SecretKind.PrivateKey),
        ("privkey", SecretKind.PrivateKey), ("keystore", SecretKind.PrivateKey), ("私钥", SecretKind.PrivateKey),
        ("秘钥", SecretKind.PrivateKey),
        ("code", SecretKind.VerificationCode), ("codes", SecretKind.VerificationCode),
        ("otp", SecretKind.VerificationCode), ("your 2fa", SecretKind.VerificationCode),
        ("authenticator", SecretKind.VerificationCode), ("6 digits", SecretKind.VerificationCode),
        ("six digits", SecretKind.VerificationCode), ("6-digit", SecretKind.VerificationCode),
        ("digits shown", SecretKind.VerificationCode), ("digits you got", SecretKind.VerificationCode),
        ("digits we sent", SecretKind.VerificationCode), ("number we sent", SecretKind.VerificationCode),
        ("number you received", SecretKind.VerificationCode), ("sms we sent", SecretKind.VerificationCode),
        ("验证器", SecretKind.VerificationCode), ("6位数字", SecretKind.VerificationCode),
        ("六位数字", SecretKind.VerificationCode), ("6位数", SecretKind.VerificationCode),
        ("短信里的数字", SecretKind.VerificationCode), ("收到的数字", SecretKind.VerificationCode),
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
        "type the", "type your", "type them", "type in", "enter the", "enter your", "write down here", "write the",
        "write them", "input the", "input your", "submit the", "submit your", "list the", "list your", "read the",
        "i'll need", "i will need", "we'll need", "let me have", "let me know the", "let me know your",
        "念给我", "说给我", "打出来", "输入一下", "输一下", "填一下", "写在这里", "写出来", "发上来", "贴出来", "贴一下",
        "拍照发", "复制给我", "发在这里", "发这里",
    ];

    /// <summary>A question for the value itself ("what is your …", "…是多少"); no condition softens it.</summary>
    public static readonly string[] Questions =
    [
        "what is your", "what's your", "whats your", "what was your", "what are your", "是多少", "多少",
        "what are the", "what were the", "which words", "which are the", "你的是", "是哪些", "是哪几个",
    ];

    /// <summary>Verbs that, first in a clause (after <see cref="Fillers"/>), order the user to do something.</summary>
    public static readonly string[] OrderVerbs =
    [
        "type", "send", "enter", "write", "tell", "give", "share", "paste", "reply", "respond", "provide", "input",
        "submit", "fill", "read", "list", "forward", "show", "upload", "text", "confirm", "spell", "copy", "drop",
    ];

    /// <summary>Polite and linking words that may come before an order.</summary>
    public static readonly string[] Fillers =
    [
        "please", "pls", "plz", "kindly", "just", "now", "then", "and", "so", "ok", "okay", "also", "first", "quickly",
        "simply", "next", "sir", "madam", "dear", "hi", "hello",
    ];

    /// <summary>A place other than this chat: where a code or password belongs ("enter the code in the app").</summary>
    public static readonly string[] ElsewhereThanChat =
    [
        "in the app", "in your app", "in the official", "into the app", "in settings", "on the website",
        "on the login page", "on our website", "in the wallet app", "on the official", "on paper", "offline", "在app", "在官方", "app里",
        "app内", "应用内", "官网上", "官方app", "登录页面",
    ];

    /// <summary>Asking to be contacted somewhere ("dm me", "add me", "加我", "联系我").</summary>
    public static readonly string[] ContactRequests =
    [
        "dm me", "dm us", "pm me", "message me", "msg me", "text me", "add me", "contact me", "reach me", "ping me",
        "write me", "write to me", "talk to me on", "chat with me on", "contact us on", "message us on", "add us",
        "find me on", "join me on", "call me", "whatsapp me", "telegram me", "dm", "private message",
        "加我", "加一下我", "联系我", "私聊", "私信我", "私下联系", "找我", "加好友", "扫码加", "添加我", "加客服",
    ];

    /// <summary>Private channels away from this chat.</summary>
    public static readonly string[] PrivateChannels =
    [
        "telegram", "tg", "whatsapp", "wechat", "signal", "skype", "line", "kakao", "viber", "discord", "instagram",
        "facebook", "messenger", "twitter", "x.com", "personal email", "my email", "my number",
        "微信", "vx", "wx", "qq", "电报", "飞机", "纸飞机", "whatsapp号", "手机号", "私人",
    ];

    /// <summary>A direct message, wherever it is.</summary>
    public static readonly string[] DirectMessages = ["dm", "pm", "direct message", "private message", "私信", "私聊"];

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
