using System.Text;
using CsvHelper;

namespace VibeCrm.Web.Features.Imports;

/// <summary>
/// CSV files we hand out (exports, error files): UTF-8 with a BOM so Excel reads accents, and protected against CSV
/// injection: a text value starting with =, +, -, @, tab or carriage return gets a leading single quote, so a spreadsheet
/// shows it as text instead of running it as a formula.
/// </summary>
public static class CsvOutput
{
    public static readonly CsvWriterOptions Options = new()
    {
        WriteByteOrderMark = true,
        Injection = CsvInjection.Escape,
        InjectionEscape = '\'',
        ValidateFieldCount = false,
    };

    public static CsvWriter Writer(Stream output) => CsvWriter.Create(output, Options, leaveOpen: true);

    /// <summary>Writes one record.</summary>
    public static async Task WriteRecordAsync(CsvWriter csv, IEnumerable<string?> values, CancellationToken cancellationToken)
    {
        foreach (var value in values)
        {
            csv.WriteField(value ?? "");
        }

        await csv.EndRecordAsync(cancellationToken);
    }
}
