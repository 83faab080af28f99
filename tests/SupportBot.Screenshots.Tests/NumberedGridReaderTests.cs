using SupportBot.Screenshots.Reading;

namespace SupportBot.Screenshots.Tests;

/// <summary>The grid reader puts a phrase numbered down the columns back in order, and leaves ordinary numbered text
/// alone.</summary>
public sealed class NumberedGridReaderTests
{
    [Fact]
    public void Cells_read_row_by_row_from_a_column_major_grid_come_back_in_number_order()
    {
        var ocr = "1 abandon 5 above 9 absurd\n2 ability 6 absent 10 abuse\n3 able 7 absorb 11 access\n4 about 8 abstract 12 accident";

        Assert.Equal("abandon ability able about above absent absorb abstract absurd abuse access accident", NumberedGridReader.Reorder(ocr));
    }

    [Fact]
    public void Glued_numbers_and_chinese_cells_are_read_too()
    {
        var ocr = "1.的 2.一 3.是\n4.在 5.不 6.了\n7.有 8.和 9.人\n10.这 11.中 12.大";

        Assert.Equal("的 一 是 在 不 了 有 和 人 这 中 大", NumberedGridReader.Reorder(ocr));
    }

    [Fact]
    public void A_short_numbered_list_is_not_a_grid()
    {
        Assert.Null(NumberedGridReader.Reorder("1 open the app 2 tap assets 3 choose deposit 4 copy the address"));
    }

    [Fact]
    public void A_number_misread_as_a_character_still_gives_its_cell_and_the_grid_is_a_seed_grid()
    {
        // What Tesseract's Chinese model made of a real 3×4 backup page: "4" read as "和", two characters misread.
        var ocr = "备份助记词\n1 爆    2 嗣    3 培\n和 形    5 腾    6 束\n7 监    8 面    9 教\n10 遇       11 每       12 探";

        Assert.Equal("爆 嗣 培 形 腾 束 监 面 教 遇 每 探", NumberedGridReader.Reorder(ocr));
        Assert.True(NumberedGridReader.IsSeedGrid(ocr));
    }

    [Fact]
    public void A_numbered_list_of_ordinary_words_is_not_a_seed_grid()
    {
        Assert.False(NumberedGridReader.IsSeedGrid("1 login 2 verify 3 withdraw 4 history 5 orders 6 futures 7 margin 8 staking 9 earn 10 launch 11 referral 12 settings"));
        Assert.False(NumberedGridReader.IsSeedGrid("1 open 2 the 3 app 4 tap 5 assets 6 then 7 choose 8 deposit 9 copy 10 the 11 address 12 now"));
    }
}
