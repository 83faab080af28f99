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
}
