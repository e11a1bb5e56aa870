using System.Globalization;
using VibeCrm.Web.Features.Imports;

namespace VibeCrm.Web.Features.Loyalty;

/// <summary>The liability report as CSV (UTF-8 with BOM, text values escaped against formula injection).</summary>
public static class LiabilityExport
{
    public static readonly string[] Header =
        ["Program", "Status", "Unit", "Currency", "Point value", "Members", "Active points", "Pending points", "Active value", "Pending value", "Total value"];

    public static async Task WriteAsync(Stream output, IReadOnlyList<LiabilityRow> rows, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rows);
        await using var csv = CsvOutput.Writer(output);
        await CsvOutput.WriteRecordAsync(csv, Header, ct);
        foreach (var r in rows)
        {
            await CsvOutput.WriteRecordAsync(csv,
            [
                r.ProgramName, r.Status.ToString(), r.UnitName, r.Currency, Number(r.PointValue), Number(r.Members), Number(r.ActivePoints), Number(r.PendingPoints),
                Number(r.ActiveValue), Number(r.PendingValue), Number(r.TotalValue),
            ], ct);
        }

        await csv.FlushAsync(ct);
    }

    private static string Number(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
