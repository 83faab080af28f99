using SupportBot.Core.Recognizers;
using static SupportBot.Core.Tests.Recognizers.RecognizerTestContext;

namespace SupportBot.Core.Tests.Recognizers;

// Now is 2025-03-05 12:00 UTC, which is 20:00 in Asia/Shanghai (UTC+8).
public class TimeRecognizerTests
{
    [Theory]
    [InlineData("2025-03-03 10:45", "2025-03-03T02:45:00Z")]
    [InlineData("2025/3/3 10:45", "2025-03-03T02:45:00Z")]
    [InlineData("2025.3.3 10:45", "2025-03-03T02:45:00Z")]
    [InlineData("2025-03-03T10:45:00", "2025-03-03T02:45:00Z")]
    [InlineData("2025-03-03 10:45:30", "2025-03-03T02:45:30Z")]
    [InlineData("03-03 10:45", "2025-03-03T02:45:00Z")]
    [InlineData("3/3 10:45", "2025-03-03T02:45:00Z")]
    [InlineData("March 3 10:45", "2025-03-03T02:45:00Z")]
    [InlineData("Mar 3rd, 2025 at 10:45", "2025-03-03T02:45:00Z")]
    [InlineData("3 Mar 2025 10:45am", "2025-03-03T02:45:00Z")]
    [InlineData("3rd of March 10:45 a.m.", "2025-03-03T02:45:00Z")]
    [InlineData("March 3rd, 2025 at 9:30 pm", "2025-03-03T13:30:00Z")]
    [InlineData("around 2025-03-03 10:45 I think", "2025-03-03T02:45:00Z")]
    [InlineData("2025-03-03T10:45:00Z", "2025-03-03T10:45:00Z")]
    [InlineData("2025-03-03T10:45:00+08:00", "2025-03-03T02:45:00Z")]
    [InlineData("10:45 UTC", "2025-03-05T10:45:00Z")]
    [InlineData("２０２５－０３－０３　１０：４５", "2025-03-03T02:45:00Z")]
    public void AbsoluteEnglishAndNumericTimesResolveInConfiguredZone(string text, string utc) =>
        Assert.Equal(utc, Ok(SlotKinds.Time, text).Value);

    [Theory]
    [InlineData("3月3日上午10点45", "2025-03-03T02:45:00Z")]
    [InlineData("3月3日 10:45", "2025-03-03T02:45:00Z")]
    [InlineData("3月3号上午10点45分", "2025-03-03T02:45:00Z")]
    [InlineData("2025年3月3日下午3点", "2025-03-03T07:00:00Z")]
    [InlineData("二〇二五年三月三日下午三点", "2025-03-03T07:00:00Z")]
    [InlineData("3月3日晚上8点一刻", "2025-03-03T12:15:00Z")]
    [InlineData("大概3月3日上午十点四十五分左右", "2025-03-03T02:45:00Z")]
    [InlineData("3月3日10点45分30秒", "2025-03-03T02:45:30Z")]
    [InlineData("3月3日15时30分", "2025-03-03T07:30:00Z")]
    public void AbsoluteChineseTimesResolveInConfiguredZone(string text, string utc) =>
        Assert.Equal(utc, Ok(SlotKinds.Time, text).Value);

    [Theory]
    [InlineData("昨天晚上九点", "2025-03-04T13:00:00Z")]
    [InlineData("今天早上8点半", "2025-03-05T00:30:00Z")]
    [InlineData("前天下午两点", "2025-03-03T06:00:00Z")]
    [InlineData("大前天上午10点", "2025-03-02T02:00:00Z")]
    [InlineData("昨晚11点", "2025-03-04T15:00:00Z")]
    [InlineData("昨天晚上12点", "2025-03-04T16:00:00Z")]
    [InlineData("今天凌晨1点", "2025-03-04T17:00:00Z")]
    [InlineData("今天中午12点", "2025-03-05T04:00:00Z")]
    [InlineData("中午1点", "2025-03-05T05:00:00Z")]
    [InlineData("今早7点", "2025-03-04T23:00:00Z")]
    [InlineData("今天下午3点20", "2025-03-05T07:20:00Z")]
    [InlineData("昨天 21:30", "2025-03-04T13:30:00Z")]
    [InlineData("3天前下午2点", "2025-03-02T06:00:00Z")]
    [InlineData("刚才", "2025-03-05T12:00:00Z")]
    [InlineData("刚刚", "2025-03-05T12:00:00Z")]
    [InlineData("20分钟前", "2025-03-05T11:40:00Z")]
    [InlineData("三个小时前", "2025-03-05T09:00:00Z")]
    [InlineData("半小时前", "2025-03-05T11:30:00Z")]
    [InlineData("半个小时之前", "2025-03-05T11:30:00Z")]
    [InlineData("一个半小时前", "2025-03-05T10:30:00Z")]
    [InlineData("两个钟头以前", "2025-03-05T10:00:00Z")]
    [InlineData("十分钟前", "2025-03-05T11:50:00Z")]
    public void RelativeChineseTimesResolveFromNowInConfiguredZone(string text, string utc) =>
        Assert.Equal(utc, Ok(SlotKinds.Time, text).Value);

    [Theory]
    [InlineData("yesterday 9pm", "2025-03-04T13:00:00Z")]
    [InlineData("Yesterday at 21:30", "2025-03-04T13:30:00Z")]
    [InlineData("yesterday evening at 9", "2025-03-04T13:00:00Z")]
    [InlineData("today 8:15am", "2025-03-05T00:15:00Z")]
    [InlineData("this morning 8 o'clock", "2025-03-05T00:00:00Z")]
    [InlineData("last night 11pm", "2025-03-04T15:00:00Z")]
    [InlineData("the day before yesterday 2pm", "2025-03-03T06:00:00Z")]
    [InlineData("yesterday noon", "2025-03-04T04:00:00Z")]
    [InlineData("20 minutes ago", "2025-03-05T11:40:00Z")]
    [InlineData("20 mins ago", "2025-03-05T11:40:00Z")]
    [InlineData("2 hours ago", "2025-03-05T10:00:00Z")]
    [InlineData("two hours ago", "2025-03-05T10:00:00Z")]
    [InlineData("an hour ago", "2025-03-05T11:00:00Z")]
    [InlineData("half an hour ago", "2025-03-05T11:30:00Z")]
    [InlineData("about 5 min ago", "2025-03-05T11:55:00Z")]
    [InlineData("just now", "2025-03-05T12:00:00Z")]
    [InlineData("Just now!", "2025-03-05T12:00:00Z")]
    public void RelativeEnglishTimesResolveFromNowInConfiguredZone(string text, string utc) =>
        Assert.Equal(utc, Ok(SlotKinds.Time, text).Value);

    [Theory]
    [InlineData("我提现三个小时了还没到账 USDT TRC20", "2025-03-05T09:00:00Z")]
    [InlineData("充值已经两个小时了", "2025-03-05T10:00:00Z")]
    [InlineData("等了三个小时还没到", "2025-03-05T09:00:00Z")]
    [InlineData("卡了20分钟", "2025-03-05T11:40:00Z")]
    [InlineData("withdrawal stuck for 3 hours, 200 USDT", "2025-03-05T09:00:00Z")]
    [InlineData("been waiting for two hours!!", "2025-03-05T10:00:00Z")]
    [InlineData("提现3天了", "2025-03-01T16:00:00Z")]
    public void HowLongItHasBeenIsAsFarBackAsItStarted(string text, string expected) =>
        Assert.StartsWith(expected, TimeRecognizer.FindInSentence(text, For(SlotKinds.Time))!.Value, StringComparison.Ordinal);

    [Theory]
    [InlineData("my account is locked for 24 hours")]
    [InlineData("withdrawals are disabled for 24 hours after a password change")]
    [InlineData("我转了500 USDT")]
    public void ASpanThatIsNotHowLongItHasBeenIsNoTime(string text) =>
        Assert.Null(TimeRecognizer.FindInSentence(text, For(SlotKinds.Time)));

    [Fact]
    public void ClockTimeAloneMeansTodayInConfiguredZone()
    {
        var value = Ok(SlotKinds.Time, "10:45");
        Assert.Equal("2025-03-05T02:45:00Z", value.Value);
        Assert.Equal("2025-03-05 10:45", value.Display);
        Assert.Equal("10:45", value.Original);
    }

    [Theory]
    [InlineData("20:30")]
    [InlineData("9pm")]
    [InlineData("今天晚上11点")]
    [InlineData("2025-03-06 10:00")]
    [InlineData("明天上午9点")]
    [InlineData("tomorrow 9am")]
    [InlineData("2026年1月1日")]
    public void FutureTimeIsRefusedNotGuessedIntoThePast(string text) =>
        Fails(SlotKinds.Time, text, RecognizerErrors.TimeFuture);

    [Fact]
    public void TimeWithinTwoMinutesOfNowIsAccepted() =>
        Assert.Equal("2025-03-05T12:01:00Z", Ok(SlotKinds.Time, "20:01").Value);

    [Theory]
    [InlineData("2025-02-30 10:00")]
    [InlineData("2月30日")]
    [InlineData("February 30 9am")]
    [InlineData("25:00")]
    [InlineData("10:61")]
    [InlineData("2025-13-01")]
    [InlineData("上午15点")]
    [InlineData("13pm")]
    [InlineData("2024-02-30")]
    public void ImpossibleDateOrTimeIsInvalid(string text) =>
        Fails(SlotKinds.Time, text, RecognizerErrors.TimeInvalid);

    [Theory]
    [InlineData("hello")]
    [InlineData("😀😀😀")]
    [InlineData("12345678")]
    [InlineData("lost 100 USDT yesterday")]
    [InlineData("3/3/2025 10:45")]
    [InlineData("10:45 or 11:30")]
    [InlineData("上午晚上")]
    [InlineData("不记得了")]
    [InlineData("in 2 hours")]
    [InlineData("刚才 20分钟前")]
    public void UnreadableTimeIsFormatError(string text) =>
        Fails(SlotKinds.Time, text, RecognizerErrors.TimeFormat);

    [Theory]
    [InlineData("3月3日", "2025-03-02T16:00:00Z", "2025-03-03")]
    [InlineData("2025-03-03", "2025-03-02T16:00:00Z", "2025-03-03")]
    [InlineData("昨天", "2025-03-03T16:00:00Z", "2025-03-04")]
    [InlineData("yesterday", "2025-03-03T16:00:00Z", "2025-03-04")]
    [InlineData("3 days ago", "2025-03-01T16:00:00Z", "2025-03-02")]
    [InlineData("March 1", "2025-02-28T16:00:00Z", "2025-03-01")]
    public void DateAloneIsKeptAtLocalMidnightAndDisplayedWithoutClock(string text, string utc, string display)
    {
        var value = Ok(SlotKinds.Time, text);
        Assert.Equal(utc, value.Value);
        Assert.Equal(display, value.Display);
    }

    [Theory]
    [InlineData("12月25日 10:00", "2024-12-25T02:00:00Z")]
    [InlineData("Dec 31 23:00", "2024-12-31T15:00:00Z")]
    [InlineData("3月6日", "2024-03-05T16:00:00Z")]
    public void DateWithoutYearInTheFutureMeansLastYear(string text, string utc) =>
        Assert.Equal(utc, Ok(SlotKinds.Time, text).Value);

    [Fact]
    public void ChineseRelativeEveningTimeKeepsUsersWordsAndShowsLocalTime()
    {
        var value = Ok(SlotKinds.Time, "  昨天晚上九点 ");
        Assert.Equal("2025-03-04T13:00:00Z", value.Value);
        Assert.Equal("2025-03-04 21:00", value.Display);
        Assert.Equal("昨天晚上九点", value.Original);
    }

    [Fact]
    public void SameWordsResolveInAnotherConfiguredZone()
    {
        var newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var result = Registry.Get(SlotKinds.Time).Recognize("yesterday 9pm", [], For(SlotKinds.Time, zone: newYork));
        // Now is 07:00 on 2025-03-05 in New York (UTC-5): yesterday 21:00 is 02:00 UTC on 03-05.
        Assert.Equal("2025-03-05T02:00:00Z", result.Value!.Value);
    }

    [Fact]
    public void LocalTimeSkippedByDaylightSavingIsInvalid()
    {
        var newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var result = Registry.Get(SlotKinds.Time).Recognize("2024-03-10 02:30", [], For(SlotKinds.Time, zone: newYork));
        Assert.Equal(RecognizerErrors.TimeInvalid, result.ErrorCode);
    }
}
