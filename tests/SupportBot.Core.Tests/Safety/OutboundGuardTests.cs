using SupportBot.Core.Safety;

namespace SupportBot.Core.Tests.Safety;

public class OutboundGuardTests
{
    private static readonly OutboundGuard Guard = new(new SecretScanner());

    public static TheoryData<string, SecretKind> Requests() => new()
    {
        { "Please send me your seed phrase so I can check the wallet", SecretKind.SeedPhrase },
        { "What is your recovery phrase?", SecretKind.SeedPhrase },
        { "To verify the wallet, share your 12 words with me", SecretKind.SeedPhrase },
        { "Can you tell me your mnemonic?", SecretKind.SeedPhrase },
        { "I need your seed words to restore it", SecretKind.SeedPhrase },
        { "Don't worry, just paste your secret phrase here", SecretKind.SeedPhrase },
        { "请提供您的助记词", SecretKind.SeedPhrase },
        { "把助记词发给我，我帮你恢复", SecretKind.SeedPhrase },
        { "你的助记词是多少", SecretKind.SeedPhrase },
        { "麻烦告诉我钱包的助记词", SecretKind.SeedPhrase },
        { "请私信我您的助记词以便核实", SecretKind.SeedPhrase },
        { "Please send me your private key", SecretKind.PrivateKey },
        { "What's your private key?", SecretKind.PrivateKey },
        { "Give me the private key of the wallet and I will fix it", SecretKind.PrivateKey },
        { "Kindly provide your keystore file and its password", SecretKind.PrivateKey },
        { "We need your private key to release the funds", SecretKind.PrivateKey },
        { "Export the private key and send it to me", SecretKind.PrivateKey },
        { "请提供您的私钥", SecretKind.PrivateKey },
        { "把私钥发给我", SecretKind.PrivateKey },
        { "你的私钥是多少？", SecretKind.PrivateKey },
        { "导出私钥后发过来", SecretKind.PrivateKey },
        { "Can you tell me the 6-digit code we sent?", SecretKind.VerificationCode },
        { "Please send me the verification code", SecretKind.VerificationCode },
        { "What is your 2FA code?", SecretKind.VerificationCode },
        { "Reply with the SMS code you just received", SecretKind.VerificationCode },
        { "Give me your Google Authenticator code so I can unlock the account", SecretKind.VerificationCode },
        { "Tell me the OTP", SecretKind.VerificationCode },
        { "请把验证码发给我", SecretKind.VerificationCode },
        { "把验证码发给我", SecretKind.VerificationCode },
        { "你收到的短信验证码是多少", SecretKind.VerificationCode },
        { "请提供谷歌验证码", SecretKind.VerificationCode },
        { "告诉我邮箱验证码", SecretKind.VerificationCode },
        { "Please send me your password", SecretKind.Password },
        { "What is your login password?", SecretKind.Password },
        { "Tell me your password and I will log in for you", SecretKind.Password },
        { "I need your password to check the account", SecretKind.Password },
        { "Send me your API secret", SecretKind.ApiSecret },
        { "Can I have your password please", SecretKind.Password },
        { "告诉我你的密码", SecretKind.Password },
        { "请提供您的登录密码", SecretKind.Password },
        { "把资金密码发给我", SecretKind.Password },
        { "你的密码是多少", SecretKind.Password },
        { "请告知您的交易密码", SecretKind.Password },

        // Paraphrases: what is asked for, not its name (issue 11, finding 4, and more of the same).
        { "To verify your wallet, type the 12 recovery words here", SecretKind.SeedPhrase },
        { "send the words from your backup card", SecretKind.SeedPhrase },
        { "reply with the 6 digits shown in your authenticator app", SecretKind.VerificationCode },
        { "tell me the login pass you use", SecretKind.Password },
        { "what are the words you wrote down when you created the wallet?", SecretKind.SeedPhrase },
        { "Please list the twelve words in order so we can match them", SecretKind.SeedPhrase },
        { "Kindly type the secret words of your wallet below", SecretKind.SeedPhrase },
        { "What were the words on your recovery sheet?", SecretKind.SeedPhrase },
        { "Just read me the six digits we sent by SMS", SecretKind.VerificationCode },
        { "Now enter the number we sent to your phone here", SecretKind.VerificationCode },
        { "把你抄在纸上的那12个词发过来", SecretKind.SeedPhrase },
        { "请把钱包的单词按顺序打出来", SecretKind.SeedPhrase },
        { "把谷歌验证器上的6位数字告诉我", SecretKind.VerificationCode },
        { "你登录用的口令发我一下", SecretKind.Password },
        { "Please send me your API key and secret so I can check the orders", SecretKind.ApiSecret },
        { "What is your API key?", SecretKind.ApiSecret },
        { "Paste the secret key from the API page here", SecretKind.ApiSecret },
        { "We need your API keys to investigate", SecretKind.ApiSecret },
        { "Give me the access key and I will fix the bot", SecretKind.ApiSecret },
        { "Reply with your apikey please", SecretKind.ApiSecret },
        { "请提供您的API密钥", SecretKind.ApiSecret },
        { "把API Key和Secret发给我", SecretKind.ApiSecret },
        { "你的密钥是多少", SecretKind.ApiSecret },
        { "麻烦把 API 密钥发过来核实一下", SecretKind.ApiSecret },

        // Moving the user to a private channel, where impostors ask for the secrets.
        { "DM me on telegram @support_admin_help", SecretKind.OffChannel },
        { "Please add me on WhatsApp so I can help faster", SecretKind.OffChannel },
        { "Contact me on Telegram: @binance_help_desk", SecretKind.OffChannel },
        { "message me at t.me/support_fast", SecretKind.OffChannel },
        { "For faster service, text me on WeChat", SecretKind.OffChannel },
        { "ping me @helpdesk_official", SecretKind.OffChannel },
        { "加我微信，我帮你处理", SecretKind.OffChannel },
        { "请加我电报 @kefu888", SecretKind.OffChannel },
        { "私聊我，这里不方便说", SecretKind.OffChannel },
        { "您可以加我QQ联系", SecretKind.OffChannel },
        { "飞机联系我 @vip_kefu", SecretKind.OffChannel },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public void A_message_asking_for_a_secret_is_blocked_with_its_kind(string text, SecretKind kind) =>
        Assert.Equal(OutboundVerdict.Block(kind), Guard.Check(text));

    [Fact]
    public void Every_kind_has_at_least_ten_requests_in_the_table()
    {
        var counts = Requests().Select(row => (SecretKind)row.Data.Item2).GroupBy(k => k).ToDictionary(g => g.Key, g => g.Count());
        // A key-or-hash is never asked for: it is only found in what someone pasted.
        Assert.All(Enum.GetValues<SecretKind>().Where(k => k != SecretKind.KeyOrHash),
            kind => Assert.True(counts[kind] >= 10, kind.ToString()));
    }

    [Theory]
    [InlineData("Never share your seed phrase with anyone")]
    [InlineData("我们不会索要您的密码")]
    [InlineData("please reset your password in Settings")]
    [InlineData("enter the code in the app, not here")]
    [InlineData("Please provide your UID and a screenshot of the error")]
    [InlineData("Could you send me the TXID of the deposit?")]
    [InlineData("What is your wallet address?")]
    [InlineData("请提供您的UID和充值的交易哈希")]
    [InlineData("请不要把助记词告诉任何人，包括客服")]
    [InlineData("切勿向任何人透露您的私钥")]
    [InlineData("Our staff will never ask for your 2FA code or password")]
    [InlineData("Do not send your private key to anyone, including us")]
    [InlineData("Please send me a screenshot of the error code you see")]
    [InlineData("If you did not receive the verification code, check your spam folder")]
    [InlineData("Tell me if you received the SMS code")]
    [InlineData("I will send you a password reset link")]
    [InlineData("验证码收不到的话，请检查垃圾邮件箱")]
    [InlineData("收到验证码了吗？")]
    [InlineData("请在官方App里输入验证码，不要发给任何人")]
    [InlineData("Your ticket number is 20250303, we will reply within 24 hours")]
    [InlineData("Your seed phrase can restore the wallet; nobody, including support, can recover it")]
    [InlineData("Keep your recovery phrase offline and never type it into a website")]
    [InlineData("You can reset your 2FA from the security page")]
    [InlineData("请在安全中心重置谷歌验证")]
    [InlineData("我们已经为您重置了密码，请查收邮件")]
    [InlineData("Thanks for waiting, the deposit is now credited")]
    [InlineData("您的提现已经处理完成，请查收")]
    [InlineData("Please tell me the time of the withdrawal and the amount")]
    [InlineData("What is your order ID?")]
    [InlineData("请告诉我订单号和下单时间")]
    [InlineData("Use the referral code from the event page")]
    [InlineData("You can verify my agent code with the bot before we continue")]
    [InlineData("If someone asks for your seed phrase, it is a scam")]
    [InlineData("不要相信任何索要助记词的人")]
    [InlineData("Please change your password after logging in")]
    [InlineData("please send the TXID")]
    [InlineData("what is your UID")]
    [InlineData("send a screenshot of the deposit record")]
    [InlineData("never share your seed phrase")]
    [InlineData("Please type your UID here")]
    [InlineData("Reply with the order number and the amount")]
    [InlineData("Type the 6-digit code in the app, not in this chat")]
    [InlineData("Enter the verification code on the login page")]
    [InlineData("Write down the 12 words on paper and keep them offline")]
    [InlineData("We will never ask you to DM us on Telegram")]
    [InlineData("Our staff never add you on WeChat")]
    [InlineData("Please send the withdrawal ID from your history page")]
    [InlineData("Tell me the time you made the deposit")]
    [InlineData("What are the last 4 digits of your phone number?")]
    [InlineData("Please list the TXIDs of the withdrawals you don't recognise")]
    [InlineData("Send the screenshot of the error message here")]
    [InlineData("请发送充值记录的截图")]
    [InlineData("请把提现的交易ID发给我")]
    [InlineData("您的UID是多少？")]
    [InlineData("任何让你加微信的都是骗子，请不要加")]
    [InlineData("Delete the API key in the API management page and create a new one")]
    [InlineData("Copy the TXID from the withdrawal record and paste it here")]
    [InlineData("I have escalated your ticket, you will get an email from us")]
    public void An_ordinary_reply_or_a_warning_goes_through(string text) =>
        Assert.Equal(OutboundVerdict.Allow, Guard.Check(text));

    [Fact]
    public void A_message_that_contains_a_secret_is_blocked_even_without_asking()
    {
        var phrase = string.Join(' ', SeedPhraseCorpus.PublishedVectors[1].Words);
        Assert.Equal(OutboundVerdict.Block(SecretKind.SeedPhrase), Guard.Check($"Is this yours: {phrase}"));
        Assert.Equal(OutboundVerdict.Block(SecretKind.PrivateKey),
            Guard.Check("Try this key 5HueCGU8rMjxEXxiPuD5BDku4MkFqeZyd4dZ1jvhTVqvbTLvyTJ"));
    }
}
