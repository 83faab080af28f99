namespace SupportBot.Core.Recognizers;

/// <summary>The address and transaction-hash format a network uses.</summary>
public enum AddressFamily
{
    /// <summary>Ethereum-style: 0x + 40 hex addresses, 0x + 64 hex hashes.</summary>
    Evm,

    /// <summary>Bitcoin: base58check or bech32 addresses, 64 hex hashes.</summary>
    Bitcoin,

    /// <summary>Tron: T + 33 base58check addresses, 64 hex hashes.</summary>
    Tron,

    /// <summary>Solana: base58 32-byte addresses, base58 64-byte signatures.</summary>
    Solana,

    /// <summary>Anything else (TON): checked loosely.</summary>
    Other,
}
