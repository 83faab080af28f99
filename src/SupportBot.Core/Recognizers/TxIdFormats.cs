using System.Globalization;

using SupportBot.Core.Codecs;

namespace SupportBot.Core.Recognizers;

/// <summary>Transaction hash formats: EVM 0x + 64 hex, Bitcoin/Tron 64 hex, Solana 64-byte base58 signature.</summary>
public static class TxIdFormats
{
    private static readonly string[] ExplorerMarkers = ["/tx/", "/transaction/", "/txs/", "?tx=", "&tx=", "?hash="];

    /// <summary>Classifies one candidate string.</summary>
    public static ChainValue Classify(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var length = ("length", s.Length.ToString(CultureInfo.InvariantCulture));
        if (HexText.HasPrefix(s))
        {
            var hex = s.AsSpan(2);
            return !HexText.IsHex(hex) ? ChainValue.Fail(RecognizerErrors.TxIdFormat)
                : hex.Length == 64 ? ChainValue.Ok(s.ToLowerInvariant().Replace("0X", "0x", StringComparison.Ordinal),
                    AddressFamily.Evm, AddressFamily.Other)
                : ChainValue.Fail(RecognizerErrors.TxIdLength, length);
        }

        if (HexText.IsHex(s))
        {
            return s.Length == 64
                ? ChainValue.Ok(s.ToLowerInvariant(), AddressFamily.Bitcoin, AddressFamily.Tron, AddressFamily.Other,
                    AddressFamily.Evm)
                : ChainValue.Fail(RecognizerErrors.TxIdLength, length);
        }

        if (HexText.IsBase58(s) && s.Length is >= 60 and <= 100)
        {
            return s.Length is >= 86 and <= 88 && Base58.Decode(s) is { Length: 64 }
                ? ChainValue.Ok(s, AddressFamily.Solana)
                : ChainValue.Fail(RecognizerErrors.TxIdLength, length);
        }

        return ChainValue.Fail(RecognizerErrors.TxIdFormat);
    }

    /// <summary>Applies the network given earlier: a hash of another chain's format is refused. A bare 64-hex hash on
    /// an EVM network gets its 0x back (explorers accept both, the chain writes 0x).</summary>
    public static ChainValue CheckNetwork(ChainValue value, NetworkInfo? network)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!value.IsValid || network is null)
        {
            return value;
        }

        if (!value.Families.Contains(network.Family))
        {
            return ChainValue.Fail(RecognizerErrors.TxIdNetwork, ("network", network.DisplayName));
        }

        if (network.Family == AddressFamily.Evm && !HexText.HasPrefix(value.Value!))
        {
            return ChainValue.Ok("0x" + value.Value, AddressFamily.Evm);
        }

        if (network.Family is AddressFamily.Tron or AddressFamily.Bitcoin && HexText.HasPrefix(value.Value!))
        {
            return ChainValue.Fail(RecognizerErrors.TxIdNetwork, ("network", network.DisplayName));
        }

        return value;
    }

    /// <summary>The hash in a block-explorer link (etherscan.io/tx/0x…, tronscan.org/#/transaction/…,
    /// solscan.io/tx/…), or null.</summary>
    public static string? FromExplorerUrl(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var marker in ExplorerMarkers)
        {
            var at = text.IndexOf(marker, StringComparison.OrdinalIgnoreCase);
            if (at < 0)
            {
                continue;
            }

            var run = Scanning.RunAt(text, at + marker.Length, Scanning.IsAsciiAlnum);
            if (run.Length >= 60)
            {
                return run.Of(text);
            }
        }

        return null;
    }

    /// <summary>Whether <paramref name="text"/> holds a link at all (so "tx" in the path is not a label).</summary>
    public static bool LooksLikeUrl(string text) =>
        text.Contains("://", StringComparison.Ordinal) || text.Contains("scan.", StringComparison.OrdinalIgnoreCase);
}
