namespace SupportBot.Core.Recognizers;

/// <summary>The networks the bot knows, with the names users give them (English and Chinese). Aliases are compared
/// after <see cref="Normalize"/>: lower case, spaces and punctuation dropped ("TRC-20" = "trc20").</summary>
public static class NetworkCatalog
{
    /// <summary>Every known network.</summary>
    public static readonly IReadOnlyList<NetworkInfo> All =
    [
        new("ERC20", "Ethereum (ERC20)", AddressFamily.Evm,
            ["erc20", "ethereum", "以太坊网络", "以太坊链", "ethereummainnet"], ["erc", "eth", "以太坊", "以太"]),
        new("TRC20", "Tron (TRC20)", AddressFamily.Tron,
            ["trc20", "tron", "波场", "波场链", "trc"], ["trx"]),
        new("BEP20", "BNB Smart Chain (BEP20)", AddressFamily.Evm,
            ["bep20", "bsc", "bnbsmartchain", "binancesmartchain", "币安智能链", "币安链", "bnbchain"], ["bnb", "bep"]),
        new("SOL", "Solana", AddressFamily.Solana, ["solana", "索拉纳"], ["sol", "spl"]),
        new("BTC", "Bitcoin", AddressFamily.Bitcoin, ["bitcoin", "比特币网络", "比特币链"], ["btc", "比特币"]),
        new("POLYGON", "Polygon", AddressFamily.Evm, ["polygon", "polygonpos", "马蹄链"], ["matic", "pol"]),
        new("ARBITRUM", "Arbitrum One", AddressFamily.Evm, ["arbitrum", "arbitrumone", "arbone"], ["arb"]),
        new("OPTIMISM", "Optimism", AddressFamily.Evm, ["optimism", "opmainnet"], ["op"]),
        new("BASE", "Base", AddressFamily.Evm, ["basechain", "basemainnet"], ["base"]),
        new("AVAXC", "Avalanche C-Chain", AddressFamily.Evm,
            ["avalanchecchain", "avaxcchain", "avaxc", "avalanchec", "cchain", "avalanche", "雪崩链"], ["avax"]),
        new("TON", "TON", AddressFamily.Other, ["theopennetwork", "ton网络"], ["ton", "toncoin"]),
    ];

    private static readonly Dictionary<string, (NetworkInfo Network, bool Strong)> ByAlias = BuildIndex();

    /// <summary>The network an alias names; <paramref name="strong"/> says whether the alias is unambiguous.</summary>
    public static NetworkInfo? Find(string alias, out bool strong)
    {
        strong = false;
        if (ByAlias.TryGetValue(Normalize(alias), out var hit))
        {
            strong = hit.Strong;
            return hit.Network;
        }

        return null;
    }

    /// <summary>The network with canonical <paramref name="id"/>, or the one an alias names.</summary>
    public static NetworkInfo? FromValue(string id) =>
        All.FirstOrDefault(n => string.Equals(n.Id, id, StringComparison.OrdinalIgnoreCase)) ?? Find(id, out _);

    /// <summary>Chinese aliases, for substring search in text without word breaks.</summary>
    public static IEnumerable<(string Alias, NetworkInfo Network, bool Strong)> ChineseAliases =>
        ByAlias.Where(kv => kv.Key.Any(c => c > 0x2E80)).Select(kv => (kv.Key, kv.Value.Network, kv.Value.Strong));

    /// <summary>The network given earlier in this flow: a filled detail whose id is (or ends with) "network".</summary>
    public static NetworkInfo? FromContext(RecognizerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var (key, value) in context.Filled)
        {
            if (key.EndsWith("network", StringComparison.OrdinalIgnoreCase) && FromValue(value.Value) is { } network)
            {
                return network;
            }
        }

        return null;
    }

    /// <summary>Lower case letters and digits only (CJK kept).</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
            }
        }

        return sb.ToString();
    }

    private static Dictionary<string, (NetworkInfo, bool)> BuildIndex()
    {
        var index = new Dictionary<string, (NetworkInfo, bool)>(StringComparer.Ordinal);
        foreach (var network in All)
        {
            index[Normalize(network.Id)] = (network, false);
            foreach (var alias in network.WeakAliases)
            {
                index[Normalize(alias)] = (network, false);
            }

            foreach (var alias in network.StrongAliases)
            {
                index[Normalize(alias)] = (network, true);
            }
        }

        return index;
    }
}
