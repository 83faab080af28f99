using SupportBot.Core.Codecs;

namespace SupportBot.Core.Recognizers;

/// <summary>Wallet address formats with their checksums: EVM 0x + 40 hex, Bitcoin base58check (1…, 3…) and segwit
/// (bc1…), Tron T + 33 base58check, Solana 32-byte base58, TON user-friendly (48 base64 characters, CRC-16).</summary>
public static class AddressFormats
{
    private const byte BitcoinP2Pkh = 0x00;
    private const byte BitcoinP2Sh = 0x05;
    private const byte TronVersion = 0x41;

    /// <summary>Classifies one candidate string.</summary>
    public static ChainValue Classify(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        if (HexText.HasPrefix(s))
        {
            return s.Length == 42 && HexText.IsHex(s.AsSpan(2))
                ? ChainValue.Ok(s, AddressFamily.Evm)
                : ChainValue.Fail(RecognizerErrors.AddressFormat);
        }

        if (s.StartsWith("bc1", StringComparison.OrdinalIgnoreCase))
        {
            return Bech32.CheckSegwit(s, "bc") switch
            {
                Bech32.Result.Valid => ChainValue.Ok(s.ToLowerInvariant(), AddressFamily.Bitcoin),
                Bech32.Result.BadChecksum => ChainValue.Fail(RecognizerErrors.AddressChecksum),
                _ => ChainValue.Fail(RecognizerErrors.AddressFormat),
            };
        }

        if (s.Length == 48 && s[0] is 'E' or 'U' or 'k' or '0' && s[1] == 'Q')
        {
            return TonAddress.Check(s);
        }

        if (s.Length is >= 25 and <= 44 && HexText.IsBase58(s))
        {
            return ClassifyBase58(s);
        }

        return ChainValue.Fail(RecognizerErrors.AddressFormat);
    }

    /// <summary>Applies the network given earlier: an address of another family is refused.</summary>
    public static ChainValue CheckNetwork(ChainValue value, NetworkInfo? network)
    {
        ArgumentNullException.ThrowIfNull(value);
        return !value.IsValid || network is null || value.Families.Contains(network.Family)
            ? value
            : ChainValue.Fail(RecognizerErrors.AddressNetwork, ("network", network.DisplayName));
    }

    /// <summary>Forms no other detail has (EVM 0x + 40 hex, bc1 segwit, Tron T-base58check) with a valid
    /// checksum.</summary>
    public static bool IsUnambiguous(string s, ChainValue classified)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(classified);
        return classified.IsValid && (HexText.HasPrefix(s) ||
            s.StartsWith("bc1", StringComparison.OrdinalIgnoreCase) ||
            classified.Families.Contains(AddressFamily.Tron));
    }

    private static ChainValue ClassifyBase58(string s)
    {
        var bytes = Base58.Decode(s);
        if (bytes is { Length: 32 } && s.Length >= 32)
        {
            return ChainValue.Ok(s, AddressFamily.Solana);
        }

        if (bytes is not { Length: 25 })
        {
            return ChainValue.Fail(RecognizerErrors.AddressFormat);
        }

        var payload = Base58.DecodeCheck(s, out var checksumOk);
        var version = payload![0];
        var family = version switch
        {
            BitcoinP2Pkh or BitcoinP2Sh => AddressFamily.Bitcoin,
            TronVersion => AddressFamily.Tron,
            _ => (AddressFamily?)null,
        };
        if (family is null)
        {
            // A typo can change the version byte too: a T/1/3 address with a broken checksum is still a typo.
            return !checksumOk && s[0] is 'T' or '1' or '3'
                ? ChainValue.Fail(RecognizerErrors.AddressChecksum)
                : ChainValue.Fail(RecognizerErrors.AddressFormat);
        }

        return checksumOk ? ChainValue.Ok(s, family.Value) : ChainValue.Fail(RecognizerErrors.AddressChecksum);
    }
}
