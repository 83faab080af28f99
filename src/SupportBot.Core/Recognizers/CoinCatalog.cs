namespace SupportBot.Core.Recognizers;

/// <summary>Common coins by ticker, with the Chinese names users write ("泰达币" = USDT).</summary>
public static class CoinCatalog
{
    /// <summary>Known tickers.</summary>
    public static readonly IReadOnlyList<string> Tickers =
    [
        "USDT", "USDC", "BTC", "ETH", "BNB", "TRX", "SOL", "XRP", "DOGE", "ADA", "TON", "POL", "MATIC", "ARB", "OP",
        "AVAX", "DAI", "FDUSD", "TUSD", "LTC", "BCH", "ETC", "DOT", "LINK", "SHIB", "PEPE", "XLM", "SUI", "APT",
        "NEAR", "UNI", "FIL", "ATOM", "WBTC", "WETH", "BGB", "OKB", "HT", "MNT", "WLD", "SEI", "TIA", "INJ", "AAVE",
        "XMR", "ZEC", "DASH", "EOS", "HBAR", "ICP", "KAS", "FET", "RNDR", "RENDER", "JUP", "BONK", "WIF", "FLOKI",
        "USDE", "PYUSD", "EURC", "BUSD",
    ];

    /// <summary>Chinese and English names, to ticker.</summary>
    public static readonly IReadOnlyDictionary<string, string> Names = new Dictionary<string, string>
    {
        ["泰达币"] = "USDT", ["泰达"] = "USDT", ["tether"] = "USDT", ["usdt币"] = "USDT",
        ["比特币"] = "BTC", ["bitcoin"] = "BTC", ["大饼"] = "BTC",
        ["以太坊"] = "ETH", ["以太币"] = "ETH", ["ethereum"] = "ETH", ["ether"] = "ETH", ["姨太"] = "ETH",
        ["币安币"] = "BNB", ["波场币"] = "TRX", ["波场"] = "TRX", ["tron"] = "TRX",
        ["瑞波币"] = "XRP", ["ripple"] = "XRP", ["狗狗币"] = "DOGE", ["dogecoin"] = "DOGE",
        ["莱特币"] = "LTC", ["litecoin"] = "LTC", ["索拉纳"] = "SOL", ["solana"] = "SOL",
        ["艾达币"] = "ADA", ["cardano"] = "ADA", ["波卡"] = "DOT", ["polkadot"] = "DOT",
        ["柴犬币"] = "SHIB", ["比特现金"] = "BCH", ["以太经典"] = "ETC", ["门罗币"] = "XMR",
        ["toncoin"] = "TON", ["usd coin"] = "USDC",
    };

    private static readonly HashSet<string> TickerSet = new(Tickers, StringComparer.OrdinalIgnoreCase);

    /// <summary>The ticker <paramref name="word"/> names (ticker or name, any case), or null.</summary>
    public static string? Find(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (TickerSet.Contains(word))
        {
            return word.ToUpperInvariant();
        }

        return Names.TryGetValue(word.ToLowerInvariant(), out var ticker) ? ticker : null;
    }

    /// <summary>"1000U": users' shorthand for USDT, read only glued to a number.</summary>
    public const string ShorthandU = "u";

    /// <summary>Whether <paramref name="word"/> is exactly a known ticker (case-insensitive).</summary>
    public static bool IsTicker(string word) => TickerSet.Contains(word);

    /// <summary>Names written without word breaks (Chinese), for substring search.</summary>
    public static IEnumerable<KeyValuePair<string, string>> ChineseNames =>
        Names.Where(kv => kv.Key.Any(c => c > 0x2E80));
}
