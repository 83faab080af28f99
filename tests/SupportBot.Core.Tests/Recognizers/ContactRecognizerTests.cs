using SupportBot.Core.Recognizers;
using static SupportBot.Core.Tests.Recognizers.RecognizerTestContext;

namespace SupportBot.Core.Tests.Recognizers;

public class ContactRecognizerTests
{
    [Theory]
    [InlineData("john@gmail.com", "john@gmail.com", "j***@gmail.com")]
    [InlineData("John.Smith@Example.COM", "john.smith@example.com", "j***@example.com")]
    [InlineData("my email is a+b@qq.com.", "a+b@qq.com", "a***@qq.com")]
    [InlineData("邮箱：zhang_san@163.com", "zhang_san@163.com", "z***@163.com")]
    [InlineData("ｊｏｈｎ＠ｇｍａｉｌ．ｃｏｍ", "john@gmail.com", "j***@gmail.com")]
    public void EmailIsNormalizedAndShownMasked(string text, string value, string display)
    {
        var slot = Ok(SlotKinds.Email, text);
        Assert.Equal(value, slot.Value);
        Assert.Equal(display, slot.Display);
    }

    [Theory]
    [InlineData("john")]
    [InlineData("john@")]
    [InlineData("@gmail.com")]
    [InlineData("john@gmail")]
    [InlineData("john..x@gmail.com")]
    [InlineData("13800138000")]
    public void NonEmailIsRefused(string text) => Fails(SlotKinds.Email, text, RecognizerErrors.EmailFormat);

    [Theory]
    [InlineData("+86 138 0013 8000", "+8613800138000", "+86 138****8000")]
    [InlineData("+8613800138000", "+8613800138000", "+86 138****8000")]
    [InlineData("0086-138-0013-8000", "+8613800138000", "+86 138****8000")]
    [InlineData("13800138000", "13800138000", "138****8000")]
    [InlineData("手机号：138 0013 8000", "13800138000", "138****8000")]
    [InlineData("+1 (415) 555-2671", "+14155552671", "+1 415***2671")]
    [InlineData("+44 7700 900123", "+447700900123", "+44 770***0123")]
    [InlineData("１３８００１３８０００", "13800138000", "138****8000")]
    public void PhoneIsNormalizedAndShownMasked(string text, string value, string display)
    {
        var slot = Ok(SlotKinds.Phone, text);
        Assert.Equal(value, slot.Value);
        Assert.Equal(display, slot.Display);
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("call me")]
    [InlineData("+0 1234567")]
    [InlineData("1234567890123456")]
    [InlineData("13800138000 or 13900139000")]
    public void NonPhoneIsRefused(string text) => Fails(SlotKinds.Phone, text, RecognizerErrors.PhoneFormat);

    [Theory]
    [InlineData("john@gmail.com", "john@gmail.com", "j***@gmail.com")]
    [InlineData("+86 138 0013 8000", "+8613800138000", "+86 138****8000")]
    [InlineData("手机 13800138000", "13800138000", "138****8000")]
    public void ContactTakesEitherEmailOrPhone(string text, string value, string display)
    {
        var slot = Ok(SlotKinds.Contact, text);
        Assert.Equal(value, slot.Value);
        Assert.Equal(display, slot.Display);
    }

    [Theory]
    [InlineData("telegram @john")]
    [InlineData("no")]
    [InlineData("john@")]
    public void ContactThatIsNeitherIsRefused(string text) =>
        Fails(SlotKinds.Contact, text, RecognizerErrors.ContactFormat);
}
