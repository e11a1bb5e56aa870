using System.Text;
using VibeCrm.Web.Features.Imports;

namespace VibeCrm.UnitTests.Imports;

public sealed class CsvOutputTests
{
    [Fact]
    public async Task Formula_looking_values_get_a_quote_and_the_file_a_bom()
    {
        using var stream = new MemoryStream();
        await using (var csv = CsvOutput.Writer(stream))
        {
            await CsvOutput.WriteRecordAsync(csv, ["=cmd", "+1", "-2", "@x", "\tTab", "plain", null], CancellationToken.None);
            await csv.FlushAsync(CancellationToken.None);
        }

        var bytes = stream.ToArray();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        var cells = text.TrimEnd('\r', '\n').Split(',');
        Assert.Equal("'=cmd", cells[0].Trim('"'));
        Assert.Equal("'+1", cells[1].Trim('"'));
        Assert.Equal("'-2", cells[2].Trim('"'));
        Assert.Equal("'@x", cells[3].Trim('"'));
        Assert.Equal("'\tTab", cells[4].Trim('"'));
        Assert.Equal("plain", cells[5]);
        Assert.Equal("", cells[6]);
    }
}
