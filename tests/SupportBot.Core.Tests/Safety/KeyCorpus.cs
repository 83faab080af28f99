using SupportBot.Core.Safety;

namespace SupportBot.Core.Tests.Safety;

/// <summary>Private keys in every shape the scanner knows, alone and inside sentences in both languages.</summary>
internal static class KeyCorpus
{
    private static readonly string[] Templates =
    [
        "{0}", "my private key is {0}", "私钥：{0}", "这是我的私钥 {0} 钱包被盗了", "key\n{0}\nplease check",
        "I exported this from my wallet: {0} is that right?", "导出的是这个 {0}", "{0} 这个能恢复钱包吗",
        "私钥是{0}，帮我看看", "here {0} thanks",
    ];

    private static readonly uint[] ExtendedVersions =
        [0x0488ADE4, 0x049D7878, 0x04B2430C, 0x04358394, 0x044A4E28, 0x045F18BC];

    public static IEnumerable<CorpusCase> Build()
    {
        var fixtures = new SecretFixtures(7);
        var keys = new List<string>
        {
            // Published test vectors: a WIF key and the BIP32 vector 1 master key.
            "5HueCGU8rMjxEXxiPuD5BDku4MkFqeZyd4dZ1jvhTVqvbTLvyTJ",
            "xprv9s21ZrQH143K3QTDL4LXw2F7HEK3wJUD2nW2nRk4stbPy6cq3jPPqjiChkVvvNKmPGJxWUtg6LnF5kejMRNNU3TGtRBeJgk33yuGBxrMPHi",
        };
        for (var n = 0; n < 15; n++)
        {
            keys.Add(fixtures.Hex(32));
            keys.Add("0x" + fixtures.Hex(32));
            keys.Add(fixtures.Wif(compressed: n % 2 == 0, testnet: n % 5 == 4));
            keys.Add(fixtures.ExtendedKey(ExtendedVersions[n % ExtendedVersions.Length]));
            keys.Add(fixtures.SolanaKey());
        }

        for (var n = 0; n < keys.Count; n++)
        {
            var template = Templates[n % Templates.Length];
            var text = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, keys[n]);

            // A hash-shaped value (64 hex, a Solana key) that nothing labels is removed, but as a key or a hash: the
            // user is told how to send a TXID instead of being told the wallet is lost.
            var named = template.Contains("私钥", StringComparison.Ordinal)
                || template.Contains("private key", StringComparison.Ordinal);
            var kind = IsHashShaped(keys[n]) && !named ? SecretKind.KeyOrHash : SecretKind.PrivateKey;
            yield return CorpusCase.Positive(text, kind, keys[n]);
        }

        // A hash-shaped key labelled as a key is a key even at the TXID step.
        var labelled = fixtures.Hex(32);
        yield return CorpusCase.Positive($"私钥 {labelled}", SecretKind.PrivateKey, labelled, new ScanContext(true));
        var upper = fixtures.Hex(32).ToUpperInvariant();
        yield return CorpusCase.Positive($"private key: 0x{upper}", SecretKind.PrivateKey, upper, new ScanContext(true));

        for (var n = 0; n < 6; n++)
        {
            var array = fixtures.SolanaKeyArray(spaced: n % 2 == 0);
            yield return CorpusCase.Positive(n % 3 == 0 ? array : $"my id.json is {array} help", SecretKind.PrivateKey, array);
        }

        foreach (var crypto in (string[])["crypto", "Crypto"])
        {
            var cipher = fixtures.Hex(32);
            var keystore = "{\"address\":\"" + fixtures.Hex(20) + "\",\"" + crypto + "\":{\"cipher\":\"aes-128-ctr\","
                + "\"ciphertext\":\"" + cipher + "\",\"cipherparams\":{\"iv\":\"" + fixtures.Hex(16) + "\"},"
                + "\"kdf\":\"scrypt\",\"kdfparams\":{\"dklen\":32,\"n\":262144,\"p\":1,\"r\":8,\"salt\":\""
                + fixtures.Hex(32) + "\"},\"mac\":\"" + fixtures.Hex(32) + "\"},\"id\":\"3198bc9c\",\"version\":3}";
            yield return CorpusCase.Positive(keystore, SecretKind.PrivateKey, cipher);
            yield return CorpusCase.Positive($"这是 keystore 文件内容：\n{keystore}\n密码忘了", SecretKind.PrivateKey, cipher);
        }

        foreach (var (text, value) in ValueCases)
        {
            yield return CorpusCase.Positive(text, SecretKind.PrivateKey, value);
        }
    }

    private static bool IsHashShaped(string key) =>
        (key.Length == 64 && key.All(Uri.IsHexDigit))
        || (key.Length == 66 && key.StartsWith("0x", StringComparison.Ordinal) && key[2..].All(Uri.IsHexDigit))
        || key.Length is >= 86 and <= 88;

    private static readonly (string Text, string Value)[] ValueCases =
    [
        ("私钥是 a8Kq93LmZ0pXv2Rt7YwB", "a8Kq93LmZ0pXv2Rt7YwB"),
        ("my private key: p9Xk2LmQ7rT4vW8zN3bY", "p9Xk2LmQ7rT4vW8zN3bY"),
        ("私钥：Zk82mQp0Lx7Vb3Nw9RtY，麻烦看看", "Zk82mQp0Lx7Vb3Nw9RtY"),
    ];
}
