namespace SupportBot.Core.Tests.Recognizers;

/// <summary>Real and generated chain values with valid checksums.</summary>
internal static class ChainSamples
{
    public const string EvmTx = "0xb53f16947ccf25ec84d8dbc74254770f58904dba41ecccc3fc1626e53a13043b";
    public const string HexTx = "026c48bbf33feff9243a8f506b40928b5b7a767c76fb008f86bebb2737f6a6f0";
    public const string SolanaSig88 =
        "2fBhoTU7BchSKkgLEMxb8d8fJ4NJQ4KdZQxN5TJwxMsc4denDsBn4pLnFBbuE9zpofaKqUJZPiTRn7zaQbCyznBy";
    public const string SolanaSig87 =
        "2oE4fPVRjkn7pDiG4rd3FVYC9V3E2AcmKWyYiDQek9HH6iLn1bf4dNy4pqYrb4dHkoubu4dHBQ6jt12Fr5xksxs";

    public const string EvmAddress = "0x52908400098527886E0F7030069857D2E4169EE7";
    public const string BtcLegacy = "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa";
    public const string BtcP2Sh = "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy";
    public const string BtcSegwit = "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4";
    public const string BtcTaproot = "bc1p5d7rjq7g6rdk2yhzks9smlaqtedr4dekq08ge8ztwac72sfr9rusxg3297";
    public const string Tron = "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t";
    public const string Solana = "TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA";
    public const string SolanaWrapped = "So11111111111111111111111111111111111111112";
    public const string Ton = "EQB_lMx0EdcX8UV5sqoQD7uzT6WT_q7Scki3YuOrWAXwdvP9";
}
