using Microsoft.EntityFrameworkCore;
using VibeCrm.Data;
using VibeCrm.Data.Crm;
using VibeCrm.Data.Tenants;
using VibeCrm.Tenancy;
using VibeCrm.Web.Features.Customers;

namespace VibeCrm.Web.Features.Imports;

/// <summary>
/// Runs an import in the background, in two passes over the stored file (streamed, never held in memory):
/// <list type="number">
/// <item>validate every row, find duplicates inside the file, and write the error file;</item>
/// <item>write the valid rows in batches of <see cref="BatchSize"/>.</item>
/// </list>
/// <para>
/// "Valid rows only": each batch commits in its own transaction together with the job's checkpoint
/// (<see cref="ImportJob.ProcessedRows"/> and the counts), so a retried job resumes after the last committed batch.
/// Otherwise the import is all or nothing: any invalid row stops it before anything is written, and all rows are
/// written in one transaction (the job's status is committed in the same transaction). One transaction is fine for the
/// files we accept (50 MB, a few hundred thousand rows: SQLite writes them in seconds and readers keep reading under WAL);
/// while it is open, progress is published in memory through <see cref="ImportProgress"/>.
/// </para>
/// Writes are upserts keyed by email, then phone, so running the same rows again never duplicates a record.
/// <para>
/// The rows are not audited one by one (that doubled the writes): the import is recorded as one audit entry
/// ("Import", the job's id) with its counts, by the person who started it, in the transaction that completes it.
/// </para>
/// </summary>
public sealed partial class ImportJobRunner(
    TenantDbContext db,
    ImportStorage storage,
    ImportWriter writer,
    ImportProgress progress,
    AuditInterceptor audit,
    ITenantContextAccessor tenants,
    TimeProvider clock,
    ILogger<ImportJobRunner> logger)
{
    public const int BatchSize = 1000;

    /// <summary>The audit trail's entity type for imports.</summary>
    public const string AuditType = "Import";

    public const string CheckingPhase = "Checking rows";
    public const string WritingPhase = "Importing";

    public async Task RunAsync(int importId, CancellationToken cancellationToken)
    {
        var job = await db.ImportJobs.FirstOrDefaultAsync(j => j.Id == importId, cancellationToken);
        if (job is null || job.Status is not (ImportStatus.Queued or ImportStatus.Running))
        {
            return; // unknown here, or already finished: a retry of a finished job does nothing
        }

        var tenantId = tenants.RequireTenant().Id;
        using var perRowAudit = audit.Suspend();
        try
        {
            job.Status = ImportStatus.Running;
            job.StartedAt ??= clock.GetUtcNow();
            job.Message = null;
            await db.SaveChangesAsync(cancellationToken);
            await RunPassesAsync(job, tenantId, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            throw; // the server is stopping: the job is retried and resumes
        }
        catch (Exception ex) when (ex is DbUpdateException or IOException or InvalidOperationException)
        {
            LogFailed(logger, importId, ex);
            db.ChangeTracker.Clear();
            await db.ImportJobs.Where(j => j.Id == importId).ExecuteUpdateAsync(s => s
                .SetProperty(j => j.Status, ImportStatus.Failed)
                .SetProperty(j => j.CompletedAt, clock.GetUtcNow())
                .SetProperty(j => j.Message, "The import stopped because of an unexpected error. "
                    + (job.ImportValidRowsOnly ? "Rows already imported are kept." : "Nothing was imported.")), CancellationToken.None);
            if (job.ImportValidRowsOnly)
            {
                await AuditSummaryAsync(importId, "Import failed", CancellationToken.None);
                await db.SaveChangesAsync(CancellationToken.None);
            }
        }
        finally
        {
            progress.Clear(tenantId, importId);
        }
    }

    private async Task RunPassesAsync(ImportJob job, string tenantId, CancellationToken cancellationToken)
    {
        var customFields = await db.CustomFields.AsNoTracking().Where(f => !f.IsArchived).ToListAsync(cancellationToken);
        var mapping = ImportMapping.FromJson(job.MappingJson);
        var parser = ImportAnalysis.Parser(job.Kind, mapping, customFields, ContactRules.RegionFromTimeZone(tenants.RequireTenant().TimeZoneId));
        var delimiter = job.Delimiter![0];

        // Pass 1: validate everything, write the error file, remember which rows are not to be written.
        var skip = new HashSet<int>();
        int invalid = 0, duplicates = 0;
        var errorFile = job.ErrorFilePath ?? ImportStorage.NewName(".errors.csv");
        storage.Delete(errorFile);
        await using (var output = storage.Create(errorFile))
        await using (var csv = CsvOutput.Writer(output))
        {
            await CsvOutput.WriteRecordAsync(csv, ["Row", "Field", "Reason", .. mapping.Headers], cancellationToken);
            using var text = storage.OpenText(job.StoredPath);
            await foreach (var row in ImportAnalysis.AnalyzeAsync(text, delimiter, parser, cancellationToken))
            {
                if (row.Outcome != RowOutcome.Valid)
                {
                    skip.Add(row.Index);
                    if (row.Outcome == RowOutcome.Invalid)
                    {
                        invalid++;
                    }
                    else
                    {
                        duplicates++;
                    }

                    foreach (var error in row.Errors)
                    {
                        await CsvOutput.WriteRecordAsync(csv, [error.Row.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Field, error.Reason, .. row.Source.Cells], cancellationToken);
                    }
                }

                if (row.Index % BatchSize == 0)
                {
                    progress.Report(tenantId, job.Id, CheckingPhase, row.Index);
                }
            }
        }

        job.ErrorFilePath = invalid + duplicates > 0 ? errorFile : null;
        if (job.ErrorFilePath is null)
        {
            storage.Delete(errorFile);
        }

        job.ErrorCount = invalid;
        job.SkippedCount = duplicates;
        if (invalid > 0 && !job.ImportValidRowsOnly)
        {
            job.Status = ImportStatus.Failed;
            job.CompletedAt = clock.GetUtcNow();
            job.ProcessedRows = 0;
            job.Message = $"{invalid} {(invalid == 1 ? "row has" : "rows have")} errors, so nothing was imported. Download the error file, correct the rows and upload the file again, or import the valid rows only.";
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        await db.SaveChangesAsync(cancellationToken);

        // Pass 2: write.
        if (job.ImportValidRowsOnly)
        {
            await WriteInBatchesAsync(job, parser, skip, tenantId, cancellationToken);
        }
        else
        {
            await WriteAtomicallyAsync(job, parser, skip, tenantId, cancellationToken);
        }
    }

    /// <summary>Each batch and the checkpoint commit together; rows up to <see cref="ImportJob.ProcessedRows"/> were written by an earlier attempt.</summary>
    private async Task WriteInBatchesAsync(ImportJob job, ImportRowParser parser, HashSet<int> skip, string tenantId, CancellationToken cancellationToken)
    {
        var (id, kind, resumeAfter) = (job.Id, job.Kind, job.ProcessedRows);
        var batch = new List<ImportDraft>(BatchSize);
        var lastIndex = resumeAfter;
        var strategy = db.Database.CreateExecutionStrategy();

        async Task CommitAsync()
        {
            var processed = lastIndex;
            await strategy.ExecuteAsync(async () =>
            {
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                var (created, updated) = batch.Count > 0 ? await writer.WriteAsync(kind, batch, cancellationToken) : (0, 0);
                await db.ImportJobs.Where(j => j.Id == id).ExecuteUpdateAsync(
                    s => s.SetProperty(j => j.ProcessedRows, processed)
                        .SetProperty(j => j.CreatedCount, j => j.CreatedCount + created)
                        .SetProperty(j => j.UpdatedCount, j => j.UpdatedCount + updated),
                    cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            });
            progress.Report(tenantId, id, WritingPhase, processed);
            batch.Clear();
        }

        using (var text = storage.OpenText(job.StoredPath))
        {
            await foreach (var row in ImportAnalysis.AnalyzeAsync(text, job.Delimiter![0], parser, cancellationToken))
            {
                if (row.Index <= resumeAfter)
                {
                    continue;
                }

                lastIndex = row.Index;
                if (!skip.Contains(row.Index))
                {
                    batch.Add(row.Draft);
                }

                if (lastIndex % BatchSize == 0)
                {
                    await CommitAsync();
                }
            }
        }

        await CommitAsync();
        await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.ImportJobs.Where(j => j.Id == id).ExecuteUpdateAsync(
                s => s.SetProperty(j => j.Status, ImportStatus.Completed).SetProperty(j => j.CompletedAt, clock.GetUtcNow()), cancellationToken);
            await AuditSummaryAsync(id, "Imported", cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });
    }

    /// <summary>All rows and the completed status in one transaction: either everything is imported or nothing is.</summary>
    private async Task WriteAtomicallyAsync(ImportJob job, ImportRowParser parser, HashSet<int> skip, string tenantId, CancellationToken cancellationToken)
    {
        var (id, kind, path, delimiter) = (job.Id, job.Kind, job.StoredPath, job.Delimiter![0]);
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            int created = 0, updated = 0, processed = 0;
            var batch = new List<ImportDraft>(BatchSize);
            using (var text = storage.OpenText(path))
            {
                await foreach (var row in ImportAnalysis.AnalyzeAsync(text, delimiter, parser, cancellationToken))
                {
                    processed = row.Index;
                    if (!skip.Contains(row.Index))
                    {
                        batch.Add(row.Draft);
                    }

                    if (batch.Count == BatchSize)
                    {
                        var (c, u) = await writer.WriteAsync(kind, batch, cancellationToken);
                        (created, updated) = (created + c, updated + u);
                        batch.Clear();
                        progress.Report(tenantId, id, WritingPhase, processed);
                    }
                }
            }

            if (batch.Count > 0)
            {
                var (c, u) = await writer.WriteAsync(kind, batch, cancellationToken);
                (created, updated) = (created + c, updated + u);
            }

            await db.ImportJobs.Where(j => j.Id == id).ExecuteUpdateAsync(
                s => s.SetProperty(j => j.ProcessedRows, processed)
                    .SetProperty(j => j.CreatedCount, created)
                    .SetProperty(j => j.UpdatedCount, updated)
                    .SetProperty(j => j.Status, ImportStatus.Completed)
                    .SetProperty(j => j.CompletedAt, clock.GetUtcNow()),
                cancellationToken);
            await AuditSummaryAsync(id, "Imported", cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });
    }

    /// <summary>Adds the import's one audit entry (saved by the caller): what was imported, by whom, with the counts.</summary>
    private async Task AuditSummaryAsync(int importId, string action, CancellationToken cancellationToken)
    {
        var job = await db.ImportJobs.AsNoTracking().Where(j => j.Id == importId)
            .Select(j => new
            {
                j.Kind, j.FileName, j.TotalRows, j.CreatedCount, j.UpdatedCount, j.SkippedCount, j.ErrorCount, j.ImportValidRowsOnly, j.CreatedByUserId,
                By = db.Users.Where(u => u.Id == j.CreatedByUserId).Select(u => (u.FirstName + " " + u.LastName).Trim()).FirstOrDefault(),
            })
            .SingleAsync(cancellationToken);
        db.Audit(AuditType, importId, action, new ImportAuditActor(job.CreatedByUserId, job.By), clock, new
        {
            Kind = job.Kind.ToString(),
            File = job.FileName,
            Rows = job.TotalRows,
            Created = job.CreatedCount,
            Updated = job.UpdatedCount,
            SkippedDuplicates = job.SkippedCount,
            RowsWithErrors = job.ErrorCount,
            ValidRowsOnly = job.ImportValidRowsOnly,
        });
    }

    private sealed record ImportAuditActor(string? UserId, string? UserName) : IAuditActor;

    [LoggerMessage(Level = LogLevel.Error, Message = "Import {ImportId} failed")]
    private static partial void LogFailed(ILogger logger, int importId, Exception exception);
}
