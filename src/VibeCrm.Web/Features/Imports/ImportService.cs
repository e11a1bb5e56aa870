using System.Text;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using VibeCrm.Data.Crm;
using VibeCrm.Data.Tenants;
using VibeCrm.Tenancy;
using VibeCrm.Web.Features.Customers;

namespace VibeCrm.Web.Features.Imports;

public sealed record ImportSummary(
    int Id, ImportKind Kind, string FileName, ImportStatus Status, int TotalRows, int ProcessedRows, int CreatedCount, int UpdatedCount,
    int SkippedCount, int ErrorCount, bool HasErrorFile, bool ValidRowsOnly, string? Message, DateTimeOffset CreatedAt, DateTimeOffset? CompletedAt)
{
    public bool IsFinished => Status is ImportStatus.Completed or ImportStatus.Failed or ImportStatus.Cancelled;
}

public sealed record MappingView(ImportSummary Import, IReadOnlyList<ImportField> Fields, ImportMapping Mapping, IReadOnlyList<string[]> Samples);

/// <summary>A column of the preview table: a label and how to read it from a draft.</summary>
public sealed record PreviewColumn(string Label, Func<ImportDraft, string?> Value);

public sealed record PreviewRow(int Row, RowOutcome Outcome, IReadOnlyList<string?> Values, IReadOnlyList<ImportRowError> Errors);

public sealed record ImportPreview(
    ImportSummary Import, IReadOnlyList<string> Columns, IReadOnlyList<PreviewRow> Rows, IReadOnlyList<ImportRowError> Errors,
    int Valid, int Invalid, int Duplicates, int WouldCreate, int WouldUpdate);

/// <summary>The steps of a CSV import before the job runs: upload, mapping, preview and start; and the history.</summary>
public sealed class ImportService(
    TenantDbContext db,
    ImportStorage storage,
    ImportWriter writer,
    ITenantContextAccessor tenants,
    IBackgroundJobClient jobs,
    TimeProvider clock)
{
    /// <summary>The largest file accepted (50 MB).</summary>
    public const long MaxFileBytes = 50L * 1024 * 1024;

    public const int PreviewRows = 20;
    public const int PreviewErrors = 100;
    private const int SampleChars = 65536;

    /// <summary>
    /// Stores the upload in the tenant's folder as UTF-8, checks it can be imported (encoding, separator, header, same
    /// number of columns on every row) and creates the import with suggested mappings. A file that cannot be imported is
    /// deleted and the reason returned.
    /// </summary>
    public async Task<(CommandResult Result, int? ImportId)> UploadAsync(ImportKind kind, string fileName, Stream content, string userId, CancellationToken cancellationToken)
    {
        var rawName = ImportStorage.NewName(".upload");
        var storedName = ImportStorage.NewName(".csv");
        var keep = false;
        try
        {
            long size;
            await using (var raw = storage.Create(rawName))
            {
                await content.CopyToAsync(raw, cancellationToken);
                size = raw.Length;
            }

            if (size > MaxFileBytes)
            {
                return (CommandResult.Fail("The file is larger than 50 MB. Split it into smaller files."), null);
            }

            CsvEncoding encoding;
            await using (var raw = storage.OpenRead(rawName))
            {
                encoding = await CsvSniffer.DetectEncodingAsync(raw, cancellationToken);
            }

            if (encoding.Error is not null)
            {
                return (CommandResult.Fail(encoding.Error), null);
            }

            if (!await TranscodeAsync(rawName, storedName, encoding, cancellationToken))
            {
                return (CommandResult.Fail(CsvSniffer.NotUtf8), null);
            }

            CsvLayout layout;
            using (var text = storage.OpenText(storedName))
            {
                var buffer = new char[SampleChars];
                var read = await text.ReadBlockAsync(buffer, cancellationToken);
                layout = CsvSniffer.DetectLayout(new string(buffer, 0, read), complete: read < SampleChars);
            }

            if (layout.Error is not null)
            {
                return (CommandResult.Fail(layout.Error), null);
            }

            int dataRows;
            using (var text = storage.OpenText(storedName))
            {
                (dataRows, var rowsError) = await CsvSniffer.CheckRowsAsync(text, layout.Delimiter, layout.Headers.Count, cancellationToken);
                if (rowsError is not null)
                {
                    return (CommandResult.Fail(rowsError), null);
                }
            }

            var fields = ImportFields.For(kind, await ActiveCustomFieldsAsync(cancellationToken));
            var suggestions = ImportFields.Suggest(layout.Headers, fields);
            var job = new ImportJob
            {
                Kind = kind,
                FileName = SafeFileName(fileName),
                StoredPath = storedName,
                FileSize = size,
                Delimiter = layout.Delimiter.ToString(),
                MappingJson = new ImportMapping([.. layout.Headers.Select((h, i) => new ImportMapping.Column(h, suggestions[i]))]).ToJson(),
                Status = ImportStatus.Uploaded,
                TotalRows = dataRows,
                CreatedByUserId = userId,
                CreatedAt = clock.GetUtcNow(),
            };
            db.ImportJobs.Add(job);
            await db.SaveChangesAsync(cancellationToken);
            keep = true;
            return (CommandResult.Ok, job.Id);
        }
        finally
        {
            storage.Delete(rawName);
            if (!keep)
            {
                storage.Delete(storedName);
            }
        }
    }

    public Task<ImportSummary?> FindAsync(int id, CancellationToken cancellationToken) =>
        Summaries(db.ImportJobs.Where(j => j.Id == id)).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The last 20 imports, newest first.</summary>
    public async Task<IReadOnlyList<ImportSummary>> HistoryAsync(CancellationToken cancellationToken) =>
        await Summaries(db.ImportJobs.OrderByDescending(j => j.CreatedAt).ThenByDescending(j => j.Id).Take(20)).ToListAsync(cancellationToken);

    public async Task<MappingView?> MappingAsync(int id, CancellationToken cancellationToken)
    {
        var job = await db.ImportJobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, cancellationToken);
        if (job is null || !storage.Exists(job.StoredPath))
        {
            return null;
        }

        var samples = new List<string[]>();
        using (var text = storage.OpenText(job.StoredPath))
        {
            await foreach (var row in CsvSniffer.ReadAsync(text, job.Delimiter![0], cancellationToken))
            {
                if (row.Row > 1)
                {
                    samples.Add(row.Cells);
                }

                if (samples.Count == 3)
                {
                    break;
                }
            }
        }

        return new MappingView(Summary(job), ImportFields.For(job.Kind, await ActiveCustomFieldsAsync(cancellationToken)), ImportMapping.FromJson(job.MappingJson), samples);
    }

    /// <summary>Saves the field chosen for each column (in column order).</summary>
    public async Task<CommandResult> SaveMappingAsync(int id, IReadOnlyList<string> targets, CancellationToken cancellationToken)
    {
        var job = await db.ImportJobs.FirstOrDefaultAsync(j => j.Id == id, cancellationToken);
        if (job is null)
        {
            return CommandResult.Fail("This import does not exist.");
        }

        if (job.Status is not (ImportStatus.Uploaded or ImportStatus.Mapped))
        {
            return CommandResult.Fail("This import has already started; upload the file again to change the mapping.");
        }

        var mapping = ImportMapping.FromJson(job.MappingJson);
        if (targets.Count != mapping.Columns.Count)
        {
            return CommandResult.Fail("Choose a field (or “Ignore”) for every column.");
        }

        var normalized = targets.Select(t => t?.Trim() ?? ImportFields.Ignore).ToList();
        if (ImportFields.Validate(normalized, ImportFields.For(job.Kind, await ActiveCustomFieldsAsync(cancellationToken))) is { } error)
        {
            return CommandResult.Fail(error);
        }

        job.MappingJson = new ImportMapping([.. mapping.Columns.Select((c, i) => c with { Field = normalized[i] })]).ToJson();
        job.Status = ImportStatus.Mapped;
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Ok;
    }

    /// <summary>The first rows as they would be imported, and counts over the whole file (read streaming, in batches).</summary>
    public async Task<ImportPreview?> PreviewAsync(int id, CancellationToken cancellationToken)
    {
        var job = await db.ImportJobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, cancellationToken);
        if (job is null || job.Status == ImportStatus.Uploaded || !storage.Exists(job.StoredPath))
        {
            return null;
        }

        var parser = ImportAnalysis.Parser(job.Kind, ImportMapping.FromJson(job.MappingJson), await ActiveCustomFieldsAsync(cancellationToken), Region());
        var columns = PreviewColumns(parser);
        var rows = new List<PreviewRow>();
        var errors = new List<ImportRowError>();
        int valid = 0, invalid = 0, duplicates = 0, create = 0, update = 0;
        var batch = new List<ImportDraft>(ImportJobRunner.BatchSize);
        using (var text = storage.OpenText(job.StoredPath))
        {
            await foreach (var row in ImportAnalysis.AnalyzeAsync(text, job.Delimiter![0], parser, cancellationToken))
            {
                if (rows.Count < PreviewRows)
                {
                    rows.Add(new PreviewRow(row.Source.Row, row.Outcome, [.. columns.Select(c => c.Value(row.Draft))], row.Errors));
                }

                if (errors.Count < PreviewErrors)
                {
                    errors.AddRange(row.Errors.Take(PreviewErrors - errors.Count));
                }

                switch (row.Outcome)
                {
                    case RowOutcome.Invalid: invalid++; break;
                    case RowOutcome.Duplicate: duplicates++; break;
                    default:
                        valid++;
                        batch.Add(row.Draft);
                        break;
                }

                if (batch.Count == ImportJobRunner.BatchSize)
                {
                    (create, update) = Add((create, update), await writer.MatchesAsync(job.Kind, batch, cancellationToken));
                    batch.Clear();
                }
            }
        }

        if (batch.Count > 0)
        {
            (create, update) = Add((create, update), await writer.MatchesAsync(job.Kind, batch, cancellationToken));
        }

        return new ImportPreview(Summary(job), [.. columns.Select(c => c.Label)], rows, errors, valid, invalid, duplicates, create, update);

        static (int, int) Add((int Create, int Update) counts, bool[] matches) =>
            (counts.Create + matches.Count(m => !m), counts.Update + matches.Count(m => m));
    }

    /// <summary>Queues the import job. <paramref name="validRowsOnly"/>: skip invalid rows instead of importing nothing.</summary>
    public async Task<CommandResult> StartAsync(int id, bool validRowsOnly, CancellationToken cancellationToken)
    {
        var job = await db.ImportJobs.FirstOrDefaultAsync(j => j.Id == id, cancellationToken);
        if (job is null)
        {
            return CommandResult.Fail("This import does not exist.");
        }

        if (job.Status != ImportStatus.Mapped)
        {
            return CommandResult.Fail(job.Status == ImportStatus.Uploaded ? "Map the columns first." : "This import has already been started.");
        }

        job.ImportValidRowsOnly = validRowsOnly;
        job.Status = ImportStatus.Queued;
        job.ProcessedRows = 0;
        await db.SaveChangesAsync(cancellationToken);
        jobs.Enqueue<ImportJobRunner>(r => r.RunAsync(job.Id, CancellationToken.None));
        return CommandResult.Ok;
    }

    /// <summary>The error file of an import of the current tenant, or null.</summary>
    public async Task<(Stream Content, string FileName)?> OpenErrorFileAsync(int id, CancellationToken cancellationToken)
    {
        var job = await db.ImportJobs.AsNoTracking().Where(j => j.Id == id).Select(j => new { j.ErrorFilePath, j.FileName }).FirstOrDefaultAsync(cancellationToken);
        return job?.ErrorFilePath is { } name && storage.Exists(name)
            ? (storage.OpenRead(name), Path.GetFileNameWithoutExtension(job.FileName) + "-errors.csv")
            : null;
    }

    public static IReadOnlyList<PreviewColumn> PreviewColumns(ImportRowParser parser)
    {
        var columns = new List<PreviewColumn>();
        foreach (var field in parser.MappedFields)
        {
            switch (field.Kind)
            {
                case ImportValueKind.FullName:
                    columns.Add(new("First name", d => d.Get(ImportFields.FirstName)));
                    columns.Add(new("Last name", d => d.Get(ImportFields.LastName)));
                    break;
                case ImportValueKind.Tags:
                    columns.Add(new("Tags", d => string.Join("; ", d.Tags)));
                    break;
                case ImportValueKind.Custom:
                    var fieldId = field.Custom!.Id;
                    columns.Add(new(field.Label, d => d.Custom.TryGetValue(fieldId, out var v) ? v : null));
                    break;
                default:
                    var key = field.Key;
                    columns.Add(new(field.Label, d => d.Get(key)));
                    break;
            }
        }

        return columns;
    }

    private string? Region() => ContactRules.RegionFromTimeZone(tenants.RequireTenant().TimeZoneId);

    private async Task<List<CustomFieldDefinition>> ActiveCustomFieldsAsync(CancellationToken cancellationToken) =>
        await db.CustomFields.AsNoTracking().Where(f => !f.IsArchived).ToListAsync(cancellationToken);

    /// <summary>Decodes the upload with its encoding and stores it as UTF-8 without BOM; false when a byte cannot be decoded.</summary>
    private async Task<bool> TranscodeAsync(string rawName, string storedName, CsvEncoding encoding, CancellationToken cancellationToken)
    {
        try
        {
            await using var raw = storage.OpenRead(rawName);
            raw.Seek(encoding.PreambleLength, SeekOrigin.Begin);
            using var reader = new StreamReader(raw, encoding.Encoding!, detectEncodingFromByteOrderMarks: false, 65536);
            await using var output = storage.Create(storedName);
            await using var text = new StreamWriter(output, new UTF8Encoding(false), 65536);
            var buffer = new char[65536];
            int read;
            while ((read = await reader.ReadAsync(buffer, cancellationToken)) > 0)
            {
                await text.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }

            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static string SafeFileName(string fileName)
    {
        var name = Path.GetFileName(fileName.Replace('\\', '/'));
        name = string.Concat(name.Where(c => !char.IsControl(c)));
        return name.Length == 0 ? "import.csv" : name.Length > 200 ? name[..200] : name;
    }

    private static IQueryable<ImportSummary> Summaries(IQueryable<ImportJob> jobs) => jobs.AsNoTracking().Select(j => new ImportSummary(
        j.Id, j.Kind, j.FileName, j.Status, j.TotalRows, j.ProcessedRows, j.CreatedCount, j.UpdatedCount, j.SkippedCount, j.ErrorCount,
        j.ErrorFilePath != null, j.ImportValidRowsOnly, j.Message, j.CreatedAt, j.CompletedAt));

    private static ImportSummary Summary(ImportJob j) => new(
        j.Id, j.Kind, j.FileName, j.Status, j.TotalRows, j.ProcessedRows, j.CreatedCount, j.UpdatedCount, j.SkippedCount, j.ErrorCount,
        j.ErrorFilePath != null, j.ImportValidRowsOnly, j.Message, j.CreatedAt, j.CompletedAt);
}
