using System.Runtime.CompilerServices;
using System.Text.Json;
using VibeCrm.Data.Crm;

namespace VibeCrm.Web.Features.Imports;

public enum RowOutcome
{
    Valid,
    Invalid,
    Duplicate,
}

/// <summary>A data row after validation. <see cref="Index"/> counts data rows from 1; <see cref="CsvRow.Row"/> is the row in the file.</summary>
public sealed record AnalyzedRow(int Index, CsvRow Source, ImportDraft Draft, RowOutcome Outcome, IReadOnlyList<ImportRowError> Errors);

/// <summary>The column mapping of an import, stored as JSON on the job: one entry per CSV column, in order.</summary>
public sealed record ImportMapping(IReadOnlyList<ImportMapping.Column> Columns)
{
    public sealed record Column(string Header, string Field);

    public IReadOnlyList<string> Headers => [.. Columns.Select(c => c.Header)];

    public IReadOnlyList<string> Targets => [.. Columns.Select(c => c.Field)];

    public string ToJson() => JsonSerializer.Serialize(Columns);

    public static ImportMapping FromJson(string? json) =>
        new(json is null ? [] : JsonSerializer.Deserialize<List<Column>>(json) ?? []);
}

/// <summary>Validation of a whole file, row by row, streamed: shared by the preview and by the import job (its first pass).</summary>
public static class ImportAnalysis
{
    /// <summary>
    /// Every data row with its outcome. A row that repeats the email or phone of an earlier valid row is a duplicate:
    /// the first one wins, later ones are skipped and reported.
    /// </summary>
    public static async IAsyncEnumerable<AnalyzedRow> AnalyzeAsync(TextReader reader, char delimiter, ImportRowParser parser, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var emails = new Dictionary<string, int>(StringComparer.Ordinal);
        var phones = new Dictionary<string, int>(StringComparer.Ordinal);
        var index = 0;
        var header = true;
        await foreach (var row in CsvSniffer.ReadAsync(reader, delimiter, cancellationToken))
        {
            if (header)
            {
                header = false;
                continue;
            }

            index++;
            var (draft, errors) = parser.Parse(row.Row, row.Cells);
            if (errors.Count > 0)
            {
                yield return new(index, row, draft, RowOutcome.Invalid, errors);
                continue;
            }

            var email = draft.NormalizedEmail;
            var phone = draft.Phone;
            if (email is not null && emails.TryGetValue(email, out var first))
            {
                yield return new(index, row, draft, RowOutcome.Duplicate, [new(row.Row, "Email", $"Same email as row {first}; the first one is imported, this row is skipped.")]);
                continue;
            }

            if (phone is not null && phones.TryGetValue(phone, out first))
            {
                yield return new(index, row, draft, RowOutcome.Duplicate, [new(row.Row, "Phone", $"Same phone as row {first}; the first one is imported, this row is skipped.")]);
                continue;
            }

            if (email is not null)
            {
                emails[email] = row.Row;
            }

            if (phone is not null)
            {
                phones[phone] = row.Row;
            }

            yield return new(index, row, draft, RowOutcome.Valid, []);
        }
    }

    /// <summary>The parser for a job's mapping, with the tenant's active custom fields.</summary>
    public static ImportRowParser Parser(ImportKind kind, ImportMapping mapping, IEnumerable<CustomFieldDefinition> customFields, string? region) =>
        new(ImportFields.For(kind, customFields), mapping.Targets, region);
}
