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

    /// <summary>A password.</summary>
    Password,

    /// <summary>An exchange API key or API secret (labelled, or a pasted key and secret pair).</summary>
    ApiSecret,

    /// <summary>64 hex characters that nothing in the text or the conversation marks as a transaction hash or as a
    /// key: kept out of every store, but the user is told how to send a TXID instead of being told the wallet is
    /// lost.</summary>
    KeyOrHash,

    /// <summary>Not a secret in the user's text: an agent's message asking the user to move to a private channel
    /// ("DM me on Telegram @x", "加我微信"), where impostors ask for the secrets. Only the outbound guard reports it.</summary>
    OffChannel,
}
