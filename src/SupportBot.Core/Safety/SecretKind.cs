namespace SupportBot.Core.Safety;

/// <summary>The kinds of secret the guard removes. Each has the text keys <c>safety.removed.KIND</c> (the
/// placeholder left in the text) and <c>safety.warning.KIND</c> (what the user is told) in dialogs/texts/safety.yaml.</summary>
public enum SecretKind
{
    /// <summary>A BIP39 mnemonic (English, Simplified or Traditional Chinese wordlist).</summary>
    SeedPhrase,

    /// <summary>A raw, WIF, extended (xprv …), Solana or keystore private key.</summary>
    PrivateKey,

    /// <summary>A 2FA, SMS or email verification code.</summary>
    VerificationCode,

    /// <summary>A password, API secret or secret key.</summary>
    Password,
}
