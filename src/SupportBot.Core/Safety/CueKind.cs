namespace SupportBot.Core.Safety;

/// <summary>What a context word in the scanned text says about what follows or precedes it.</summary>
[Flags]
internal enum CueKind
{
    /// <summary>No meaning.</summary>
    None = 0,

    /// <summary>Labels a transaction hash or signature ("txid", "交易哈希", ".../tx/"): the hex after it is no key.</summary>
    TxLabel = 1,

    /// <summary>Labels a private key ("private key", "私钥").</summary>
    KeyLabel = 2,

    /// <summary>Says a seed phrase is near ("seed phrase", "助记词").</summary>
    SeedLabel = 4,

    /// <summary>Talks about a verification code ("验证码", "2FA", "code:").</summary>
    CodeLabel = 8,

    /// <summary>Labels a number that is not a code (UID, order, error code, amount).</summary>
    NotCodeLabel = 16,

    /// <summary>A password follows ("password:", "密码是").</summary>
    PasswordValue = 32,

    /// <summary>An API secret follows ("api secret", "secret key").</summary>
    SecretValue = 64,

    /// <summary>A private key follows ("私钥是", "private key:").</summary>
    KeyValue = 128,

    /// <summary>The cue ends with an explicit separator (":" "=" "is" "是"), so any value after it is meant as one.</summary>
    Explicit = 256,

    /// <summary>A login and its password follow ("login: alice / Hunter2"): the value after the last slash is the
    /// password.</summary>
    LoginValue = 512,
}
