namespace SupportBot.Core.Safety;

/// <summary>The context words of the scanner, in English and Chinese. Lower case; ASCII words match whole words.</summary>
internal static class SafetyCues
{
    private const CueKind Tx = CueKind.TxLabel;
    private const CueKind Key = CueKind.KeyLabel;
    private const CueKind Seed = CueKind.SeedLabel;
    private const CueKind Code = CueKind.CodeLabel;
    private const CueKind NotCode = CueKind.NotCodeLabel;
    private const CueKind Pwd = CueKind.PasswordValue;
    private const CueKind Secret = CueKind.SecretValue;
    private const CueKind KeyValue = CueKind.KeyValue;
    private const CueKind Explicit = CueKind.Explicit;

    /// <summary>The shared matcher.</summary>
    public static readonly CueMatcher Matcher = new(All());

    private static IEnumerable<(string, CueKind)> All()
    {
        foreach (var tx in (string[])[
            "txid", "tx id", "tx", "txn", "txhash", "tx hash", "hash", "transaction id", "transaction hash",
            "transaction", "signature", "sig", "交易哈希", "哈希", "交易id", "交易号", "交易编号", "交易签名", "签名",
            "/tx/", "/txs/", "/transaction/", "#/transaction/", "区块浏览器", "充值记录", "提币记录", "提现记录",
            "txids", "txns", "hashes", "tx hashes", "transaction ids", "transaction hashes", "withdrawal record",
            "withdrawal records", "deposit record", "deposit records", "record id", "withdrawal id", "txn hash",
            "交易hash", "hash值", "哈希值", "交易记录", "转账记录", "可疑交易", "交易哈希是", "交易id是"])
        {
            yield return (tx, Tx);
        }

        foreach (var key in (string[])["private key", "privatekey", "private_key", "privkey", "priv key", "wif"])
        {
            yield return (key, Key | KeyValue | Seed);
        }

        yield return ("私钥", Key | KeyValue | Seed);
        yield return ("秘钥", Key | KeyValue);
        yield return ("密钥", Key | Secret);

        foreach (var seed in (string[])[
            "seed phrase", "seed words", "seed", "mnemonic", "recovery phrase", "secret phrase", "backup phrase",
            "recovery words", "助记词", "种子词", "密语", "钱包", "wallet"])
        {
            yield return (seed, Seed);
        }

        foreach (var code in (string[])[
            "验证码", "谷歌验证", "谷歌码", "动态码", "动态口令", "校验码", "短信码", "安全码", "邮箱码", "确认码",
            "2fa", "otp", "authenticator", "verification code", "ga code", "google code", "sms code", "email code",
            "auth code", "security code", "one-time code", "code is", "code was", "code:", "code：", "code =", "codes:",
            "google验证", "ga码", "mfa"])
        {
            yield return (code, Code);
        }

        foreach (var notCode in (string[])[
            "uid", "user id", "userid", "订单", "单号", "order", "error code", "error", "错误码", "错误代码", "报错",
            "ticket", "工单", "phone", "手机", "电话", "amount", "金额", "price", "价格", "账号", "account", "id",
            "邀请码", "推荐码", "invite code", "referral code", "agent code", "客服编号", "工号", "编号", "block", "区块",
            "余额", "balance", "no.", "number", "号码", "qq", "微信", "wechat"])
        {
            yield return (notCode, NotCode);
        }

        foreach (var pwd in (string[])["password", "passwd", "pwd", "passcode", "pass:", "pass：", "pass=", "密码",
                     "pass", "pw", "登录密码", "passphrase"])
        {
            yield return (pwd, Pwd);
        }

        foreach (var pwd in (string[])["password:", "password：", "password=", "password is", "password was",
                     "pwd:", "pwd=", "passwd:", "passcode is", "passcode:", "密码是", "密码为", "密码:", "密码：",
                     "pw:", "pw：", "pw=", "passphrase:", "passphrase="])
        {
            yield return (pwd, Pwd | Explicit);
        }

        foreach (var secret in (string[])[
            "api secret", "apisecret", "api_secret", "api-secret", "secret key", "secretkey", "secret_key",
            "api密钥", "api 密钥", "api秘钥", "secret:", "secret=", "api key", "apikey", "api_key", "api-key",
            "access key", "accesskey", "access_key", "access key id", "secret", "api secret key", "apisecretkey",
            "api私钥", "api key:", "api-key:", "x-mbx-apikey"])
        {
            yield return (secret, Secret);
        }

        foreach (var login in (string[])["login:", "login：", "login =", "login=", "登录:", "登录：", "账号密码",
                     "账密", "user/pass", "username/password", "账号/密码", "账号和密码", "credentials:"])
        {
            yield return (login, CueKind.LoginValue);
        }

        foreach (var key in (string[])["私钥是", "私钥为", "私钥:", "私钥：", "private key:", "private key is",
                     "private key=", "privkey:", "privkey="])
        {
            yield return (key, Key | KeyValue | Seed | Explicit);
        }
    }
}
