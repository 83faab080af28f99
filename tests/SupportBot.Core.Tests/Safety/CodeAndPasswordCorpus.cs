using SupportBot.Core.Safety;

namespace SupportBot.Core.Tests.Safety;

/// <summary>Verification codes and passwords, in the phrasings users write.</summary>
internal static class CodeAndPasswordCorpus
{
    private static readonly string[] CodeTemplates =
    [
        "验证码 {0}", "验证码是{0}", "谷歌验证码：{0}", "谷歌验证 {0} 还是登不上", "动态码{0}", "校验码：{0}，请帮我登录",
        "短信码 {0}", "邮箱验证码是 {0}", "my 2FA code is {0}", "OTP {0}", "the code is {0}", "code: {0}",
        "authenticator shows {0}", "verification code {0} didn't work", "GA code {0}", "google code: {0} please",
        "Here is the SMS code {0}, can you log me in?", "我收到的验证码是 {0} 你看下", "{0} 是验证码",
        "2FA: {0}", "安全码 {0}", "email code {0}", "谷歌验证码{0}，一直提示错误", "sms code {0} thx",
    ];

    private static readonly string[] Codes =
        ["123456", "654 321", "8842", "90817263", "0427", "5521 7734", "381 902", "100200", "7361", "482915"];

    private static readonly (string Text, string Value)[] PasswordCases =
    [
        ("密码是Abc12345", "Abc12345"), ("密码：qwe@2024!", "qwe@2024!"), ("我的密码 Ttt998877 你们帮我登录", "Ttt998877"),
        ("password: hunter2", "hunter2"), ("my password is Summer2024!", "Summer2024!"), ("pwd xK9#mmq2", "xK9#mmq2"),
        ("pass: letmein99", "letmein99"), ("登录密码是 abc123456，帮我看看", "abc123456"),
        ("资金密码：888999", "888999"), ("密码为 P@ssw0rd", "P@ssw0rd"), ("password = Qwerty!23", "Qwerty!23"),
        ("My password was Dragon#77 before they changed it", "Dragon#77"), ("密码 Xy7!xy7!", "Xy7!xy7!"),
        ("我的密码是 abc 123 456", "abc 123 456"), ("the password is Monkey12", "Monkey12"),
        ("Password: CorrectHorse", "CorrectHorse"), ("交易密码是 135790", "135790"), ("passwd: s3cr3t!", "s3cr3t!"),
        ("密码是：Abc@123，请帮我登录", "Abc@123"), ("我账号密码 Lm0n@de 你们帮我改一下", "Lm0n@de"),
        ("password:MyDog2019", "MyDog2019"), ("pwd=hello2you", "hello2you"), ("登陆密码是qaz741852", "qaz741852"),
        ("邮箱密码：Mail#2025", "Mail#2025"), ("passcode: 774411", "774411"),
    ];

    // Exchange API secrets are their own kind: the advice is to revoke the key.
    private static readonly (string Text, string Value)[] ApiSecretCases =
    [
        ("api secret aB3dE5fG7hJ9kL1mN3pQ5rS7", "aB3dE5fG7hJ9kL1mN3pQ5rS7"),
        ("secret key: 9f8e7d6c5b4a3f2e1d0c9b8a", "9f8e7d6c5b4a3f2e1d0c9b8a"),
        ("apisecret=Zx81Qm02Lp93Rt74Vw65", "Zx81Qm02Lp93Rt74Vw65"),
        ("API secret: 4kq8Wm2Zp6Lx0Rv3Tn7Yb5Hc9Jd1Fg", "4kq8Wm2Zp6Lx0Rv3Tn7Yb5Hc9Jd1Fg"),
        ("secret_key=Ab12Cd34Ef56Gh78", "Ab12Cd34Ef56Gh78"),
    ];

    public static IEnumerable<CorpusCase> Build()
    {
        for (var n = 0; n < CodeTemplates.Length * 4; n++)
        {
            var code = Codes[n % Codes.Length];
            var text = string.Format(System.Globalization.CultureInfo.InvariantCulture, CodeTemplates[n % CodeTemplates.Length], code);
            yield return CorpusCase.Positive(text, SecretKind.VerificationCode, code);
        }

        // Right after a code was mentioned, a message that is only a number is the code.
        var recently = new ScanContext(CodeRecentlyMentioned: true);
        foreach (var code in (string[])["123456", " 654321 ", "123 456", "8842", "9081-7263", "48291537", "000111."])
        {
            yield return CorpusCase.Positive(code, SecretKind.VerificationCode, code.Trim().TrimEnd('.'), recently);
        }

        foreach (var (text, value) in PasswordCases)
        {
            yield return CorpusCase.Positive(text, SecretKind.Password, value);
        }

        foreach (var (text, value) in ApiSecretCases)
        {
            yield return CorpusCase.Positive(text, SecretKind.ApiSecret, value);
        }

        // Split across lines and in the middle of longer messages.
        yield return CorpusCase.Positive("hi\nI can't log in\ncode: 773311\nplease help", SecretKind.VerificationCode, "773311");
        yield return CorpusCase.Positive("您好，我登录不了。\n谷歌验证码：246810\n麻烦尽快处理", SecretKind.VerificationCode, "246810");
        yield return CorpusCase.Positive("UID 12345678, my password: Tiger!88, please unlock", SecretKind.Password, "Tiger!88");
    }
}
