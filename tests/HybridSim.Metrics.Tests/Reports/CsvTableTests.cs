using HybridSim.Metrics.Reports;
using HybridSim.Specs.Validation;

namespace HybridSim.Metrics.Tests.Reports;

public sealed class CsvTableTests
{
    [Fact]
    public void Cells_with_commas_quotes_or_newlines_are_quoted_and_read_back()
    {
        var table = new CsvTable(["architecture", "freeze"], [["a,b \"q\"", "1"], ["line\nbreak", "2"], ["", "3"]]);

        var csv = table.ToCsv();
        var back = CsvTable.Parse(csv);

        Assert.Equal("architecture,freeze\n\"a,b \"\"q\"\"\",1\n\"line\nbreak\",2\n,3\n", csv);
        Assert.Equal(table.Header.AsEnumerable(), back.Header.AsEnumerable());
        Assert.Equal(3, back.Rows.Length);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(table.Rows[i].AsEnumerable(), back.Rows[i].AsEnumerable());
        }
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\",\"click\")", "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\"")]
    [InlineData("+cmd|' /C calc'!A0", "\"'+cmd|' /C calc'!A0\"")]
    [InlineData("-2+3", "\"'-2+3\"")]
    [InlineData("@SUM(A1:A9)", "\"'@SUM(A1:A9)\"")]
    [InlineData("\t=1+1", "\"'\t=1+1\"")]
    [InlineData("\r=1+1", "\"'\r=1+1\"")]
    [InlineData("\uFF1D1+1", "\"'\uFF1D1+1\"")]
    [InlineData("'quoted", "\"''quoted\"")]
    public void A_cell_a_spreadsheet_would_run_as_a_formula_is_written_as_text_and_reads_back(string cell, string written)
    {
        var table = new CsvTable(["architecture", cell], [[cell, "1"]]);

        var csv = table.ToCsv();
        var back = CsvTable.Parse(csv);

        Assert.Equal($"architecture,{written}\n{written},1\n", csv);
        Assert.Equal(cell, back.Header[1]);
        Assert.Equal(cell, back.Rows[0][0]);
    }

    [Theory]
    [InlineData("-0.5")]
    [InlineData("-inf")]
    [InlineData("+1e-3")]
    [InlineData("-12")]
    public void A_negative_or_signed_number_stays_a_number(string number)
    {
        var table = new CsvTable(["x"], [[number]]);

        Assert.Equal($"x\n{number}\n", table.ToCsv());
        Assert.Equal(number, CsvTable.Parse(table.ToCsv()).Rows[0][0]);
    }

    [Fact]
    public void Numbers_are_formatted_round_trip_with_words_for_non_finite_values()
    {
        Assert.Equal("0.30000000000000004", CsvTable.FormatNumber(0.1 + 0.2));
        Assert.Equal("1800", CsvTable.FormatNumber(1800));
        Assert.Equal("inf", CsvTable.FormatNumber(double.PositiveInfinity));
        Assert.Equal("nan", CsvTable.FormatNumber(double.NaN));
        Assert.True(CsvTable.TryParseNumber("0.30000000000000004", out var x));
        Assert.Equal(0.1 + 0.2, x);
        Assert.True(CsvTable.TryParseNumber("inf", out var inf));
        Assert.True(double.IsPositiveInfinity(inf));
        Assert.False(CsvTable.TryParseNumber("hyperx", out _));
    }

    [Fact]
    public void Crlf_line_ends_and_a_missing_final_newline_are_accepted()
    {
        var table = CsvTable.Parse("a,b\r\n1,2\r\n3,4");

        Assert.Equal(["3", "4"], table.Rows[1].AsEnumerable());
        Assert.Equal(["1", "3"], table.Column("a").AsEnumerable());
    }

    [Fact]
    public void A_ragged_row_is_an_error_naming_its_line()
    {
        var error = Assert.Throws<SpecException>(() => CsvTable.Parse("a,b\n1,2\n3\n", "sweep.csv"));

        Assert.Equal("sweep.csv", error.Errors[0].File);
        Assert.Equal(3, error.Errors[0].Line);
    }

    [Fact]
    public void An_empty_file_is_an_error()
    {
        Assert.Throws<SpecException>(() => CsvTable.Parse("", "sweep.csv"));
    }
}
