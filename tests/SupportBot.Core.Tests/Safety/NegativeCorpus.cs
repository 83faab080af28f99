using SupportBot.Core.Safety;

using SupportBot.Core.Codecs;

namespace SupportBot.Core.Tests.Safety;

/// <summary>Messages without secrets: ordinary support talk in both languages, and the identifiers users are asked
/// for (TXIDs, addresses, UIDs, order numbers, times, amounts), which look like keys or codes.</summary>
internal static class NegativeCorpus
{
    private static readonly string[] LabelledTxTemplates =
    [
        "txid {0}", "TXID: {0}", "my tx hash is {0} please check", "交易哈希：{0}", "哈希 {0} 还没到账",
        "交易ID {0}", "交易号是{0}", "https://etherscan.io/tx/{0}", "https://tronscan.org/#/transaction/{0}",
        "the transaction {0} shows success", "hash: {0}", "这是充值记录 {0}", "deposit tx {0} not credited",
        "Tx: {0}\nplease help",
    ];

    public static IEnumerable<CorpusCase> Build()
    {
        foreach (var message in OrdinaryMessages.English.Concat(OrdinaryMessages.Chinese))
        {
            yield return CorpusCase.Negative(message);
        }

        var fixtures = new SecretFixtures(1234);
        var atTxStep = new ScanContext(ExpectingTransactionId: true);
        for (var n = 0; n < 20; n++)
        {
            // At the TXID step, a bare hash is a hash.
            var hex = fixtures.Hex(32);
            yield return CorpusCase.Negative(n % 2 == 0 ? hex : "0x" + hex, atTxStep);
            yield return CorpusCase.Negative(n % 3 == 0 ? $"here: {hex}" : $"0x{hex} 这个", atTxStep);
        }

        for (var n = 0; n < LabelledTxTemplates.Length * 2; n++)
        {
            var hex = n % 2 == 0 ? fixtures.Hex(32) : "0x" + fixtures.Hex(32);
            yield return CorpusCase.Negative(string.Format(System.Globalization.CultureInfo.InvariantCulture, LabelledTxTemplates[n % LabelledTxTemplates.Length], hex));
        }

        for (var n = 0; n < 6; n++)
        {
            // Solana transaction signatures: 64 bytes in base58, like a secret key.
            var signature = fixtures.SolanaKey();
            yield return CorpusCase.Negative(signature, atTxStep);
            yield return CorpusCase.Negative($"signature {signature}");
            yield return CorpusCase.Negative($"https://solscan.io/tx/{signature}");
        }

        for (var n = 0; n < 10; n++)
        {
            yield return CorpusCase.Negative($"my deposit address 0x{fixtures.Hex(20)}");
            yield return CorpusCase.Negative($"提币地址 {fixtures.Base58Text(34, 'T')}");
            yield return CorpusCase.Negative($"BTC address {fixtures.Base58Text(34, '1')}");
            yield return CorpusCase.Negative($"Solana wallet {fixtures.Base58Text(44, '7')}");
        }

        foreach (var text in Identifiers)
        {
            yield return CorpusCase.Negative(text);
        }
    }

    private static readonly string[] Identifiers =
    [
        "UID 12345678", "UID: 87654321", "我的UID是 20250303", "uid 9988776655", "user id 556677",
        "order ID 1234567890", "订单号 88776655", "订单 20250303123456", "ticket 100234", "工单号 334455",
        "2025-03-03 10:45", "2025/03/03", "3月3日上午10点45", "10:45", "at 21:30 yesterday", "2024年12月31日",
        "1000 USDT", "2500.50 USDT", "0.0023 BTC", "$1,250", "¥5000", "充值了 3000 U", "提现 8000 块", "手续费 1 USDT",
        "It has been 4 hours", "2025", "I joined in 2021", "error code 10001", "错误码 40001", "报错 50013",
        "my phone is 13800138000", "手机号 13912345678", "12 confirmations", "1234", "123456", "000000",
        "invite code 88888", "邀请码 666888", "block 18234567", "区块高度 812345", "price 65000", "价格 3200",
        "the amount was 5000", "金额 12000", "余额 4500", "version 2.3.1", "App 版本 7.4.0", "iPhone 15",
        "Android 14", "150%", "50% off", "第 3 次了", "等了 30 分钟", "2 hours ago", "room 1208", "zip 10001",
        "order #45678", "ref 778899", "memo 123456789", "tag 2048", "10001 error", "api code 429",
    ];
}
