using System.Text;
using VibeCrm.Web.Features.Imports;

namespace VibeCrm.UnitTests.Imports;

public sealed class CsvSnifferTests
{
    [Theory]
    [InlineData("First name,Last name,Email\nAnna,Smith,anna@example.com\nBob,Lee,bob@example.com\n", ',')]
    [InlineData("Prénom;Nom;Email\nAnna;Smith;anna@example.com\nBob;\"Lee, Jr\";bob@example.com\n", ';')]
    [InlineData("First\tLast\tEmail\nAnna\tSmith\tanna@example.com\n", '\t')]
    [InlineData("First|Last|Email\nAnna|Smith|anna@example.com\n", '|')]
    [InlineData("Name;Notes\nAnna;\"likes 1,5 sugar, no milk\"\nBob;\"a, b, c\"\n", ';')]
    [InlineData("Name,Notes\nAnna,a;b\nBob,c\n", ',')]
    public void Picks_the_separator_that_gives_consistent_columns(string csv, char expected)
    {
        var layout = CsvSniffer.DetectLayout(csv, complete: true);
        Assert.Null(layout.Error);
        Assert.Equal(expected, layout.Delimiter);
    }

    [Fact]
    public void Reads_the_header_and_names_blank_header_cells()
    {
        var layout = CsvSniffer.DetectLayout("Email,,Phone\na@example.com,x,0612345678\n", complete: true);
        Assert.Equal(["Email", "Column 2", "Phone"], layout.Headers);
    }

    [Fact]
    public void A_single_column_file_is_fine()
    {
        var layout = CsvSniffer.DetectLayout("Email\na@example.com\nb@example.com\n", complete: true);
        Assert.Null(layout.Error);
        Assert.Equal(["Email"], layout.Headers);
    }

    [Fact]
    public void A_single_column_made_with_another_separator_is_refused()
    {
        var layout = CsvSniffer.DetectLayout("First:Last:Email\nAnna:Smith:anna@example.com\nBob:Lee:bob@example.com\n", complete: true);
        Assert.Contains("“:”", layout.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("\n\n", "empty")]
    [InlineData("First name,Email\n", "no data rows")]
    [InlineData("anna@example.com,Anna\nbob@example.com,Bob\n", "looks like data")]
    public void Files_that_cannot_be_imported_say_why(string csv, string reason) =>
        Assert.Contains(reason, CsvSniffer.DetectLayout(csv, complete: true).Error, StringComparison.Ordinal);

    [Fact]
    public async Task Ragged_rows_are_reported_by_row_number_counting_the_header_as_row_1()
    {
        var csv = "a,b,c\n1,2,3\n1,2\n1,2,3\n1,2,3,4\n";
        var (rows, error) = await CsvSniffer.CheckRowsAsync(new StringReader(csv), ',', 3, CancellationToken.None);
        Assert.Equal(4, rows);
        Assert.Contains("Rows 3, 5 do not have the same number of columns as the header (3)", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_quoted_line_break_is_one_row()
    {
        var csv = "a,b\n1,\"two\nlines\"\n3,4\n";
        var (rows, error) = await CsvSniffer.CheckRowsAsync(new StringReader(csv), ',', 2, CancellationToken.None);
        Assert.Null(error);
        Assert.Equal(2, rows);
    }

    [Fact]
    public async Task Header_only_is_refused_by_the_row_check_too()
    {
        var (_, error) = await CsvSniffer.CheckRowsAsync(new StringReader("a,b\n"), ',', 2, CancellationToken.None);
        Assert.Contains("no data rows", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Utf8_without_bom()
    {
        var result = await Detect(Encoding.UTF8.GetBytes("Prénom,Nom\nChloé,Dupont\n"));
        Assert.Null(result.Error);
        Assert.Equal(0, result.PreambleLength);
        Assert.Equal("utf-8", result.Encoding!.WebName);
    }

    [Fact]
    public async Task Utf8_with_bom()
    {
        var result = await Detect([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("Prénom,Nom\nChloé,Dupont\n")]);
        Assert.Equal(3, result.PreambleLength);
        Assert.Equal("utf-8", result.Encoding!.WebName);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Utf16_with_bom(bool bigEndian)
    {
        var encoding = new UnicodeEncoding(bigEndian, byteOrderMark: true);
        var result = await Detect([.. encoding.GetPreamble(), .. encoding.GetBytes("Prénom,Nom\nChloé,Dupont\n")]);
        Assert.Null(result.Error);
        Assert.Equal(2, result.PreambleLength);
        Assert.Equal(bigEndian ? "utf-16BE" : "utf-16", result.Encoding!.WebName);
    }

    [Fact]
    public async Task Windows_1252_is_recognised_when_nothing_else_fits()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = Encoding.GetEncoding(1252).GetBytes("Prénom;Nom\nChloé;Dupont\nFrançois;Lefèvre\n");
        var result = await Detect(bytes);
        Assert.Null(result.Error);
        Assert.Equal(1252, result.Encoding!.CodePage);
        Assert.Equal("Chloé", result.Encoding.GetString(bytes).Split('\n')[1].Split(';')[0]);
    }

    [Fact]
    public async Task Mixed_utf8_and_invalid_bytes_are_refused_with_advice()
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes("Prénom,Nom\nChloé,"), 0xE9, (byte)'t', (byte)'\n'];
        var result = await Detect(bytes);
        Assert.Equal(CsvSniffer.NotUtf8, result.Error);
        Assert.Contains("UTF-8", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14, 0x00 }, "Excel workbook")]
    [InlineData(new byte[] { 0x61, 0x2C, 0x62, 0x0A, 0x00, 0x01, 0x02, 0x03 }, "binary data")]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31 }, "PDF")]
    [InlineData(new byte[0], "empty")]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF, 0x0A }, "empty")]
    public async Task Binary_and_empty_files_are_refused(byte[] bytes, string reason) =>
        Assert.Contains(reason, (await Detect(bytes)).Error, StringComparison.Ordinal);

    private static async Task<CsvEncoding> Detect(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        return await CsvSniffer.DetectEncodingAsync(stream, CancellationToken.None);
    }
}
