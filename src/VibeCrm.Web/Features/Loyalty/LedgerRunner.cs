using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using VibeCrm.Data.Loyalty;
using VibeCrm.Data.Tenants;

namespace VibeCrm.Web.Features.Loyalty;

/// <summary>
/// Runs one ledger change of one membership: a transaction (on SQLite BEGIN IMMEDIATE, which serialises writers), the
/// membership re-read inside it, the change, a new concurrency stamp (optimistic lock: a concurrent writer on SQL Server
/// fails with a concurrency conflict), the tier recalculation, commit. Conflicts and busy databases are retried.
/// </summary>
public sealed partial class LedgerRunner(TenantDbContext db, TimeProvider clock, ILogger<LedgerRunner> logger, ILoyaltyEvents events)
{
    public const int MaxAttempts = 10;

    /// <summary>
    /// When the caller already holds a transaction (bulk loads such as the demo data), each change runs in this savepoint of it
    /// instead of a transaction of its own: the caller commits, nothing is retried, and events fire before that commit.
    /// </summary>
    private const string Savepoint = "ledger_change";

    public async Task<T> RunAsync<T>(int membershipId, Func<LedgerSession, Task<T>> work, CancellationToken ct, bool scheduledTierCheck = false)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await strategy.ExecuteAsync(() => RunOnceAsync(membershipId, work, scheduledTierCheck, ct));
            }
            catch (Exception ex) when (attempt < MaxAttempts && IsConflict(ex) && db.Database.CurrentTransaction is null)
            {
                db.ChangeTracker.Clear();
                LogRetry(logger, ex, membershipId, attempt);
                await Task.Delay(Random.Shared.Next(5, 25 * attempt), ct);
            }
        }
    }

    private async Task<T> RunOnceAsync<T>(int membershipId, Func<LedgerSession, Task<T>> work, bool scheduledTierCheck, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var ambient = db.Database.CurrentTransaction;
        await using var tx = ambient is null ? await db.Database.BeginTransactionAsync(ct) : null;
        if (ambient is not null)
        {
            await ambient.CreateSavepointAsync(Savepoint, ct);
        }

        var membership = await db.LoyaltyMemberships.SingleOrDefaultAsync(m => m.Id == membershipId, ct)
            ?? throw new KeyNotFoundException($"Loyalty membership {membershipId} does not exist.");
        var program = await db.LoyaltyPrograms
            .Include(p => p.EarnRules)
            .Include(p => p.Tiers).ThenInclude(t => t.Benefits)
            .AsSplitQuery()
            .SingleAsync(p => p.Id == membership.ProgramId, ct);
        membership.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        var session = new LedgerSession(db, membership, program, LoyaltyTime.ZoneOf(program), clock.GetUtcNow())
        {
            TierActivity = scheduledTierCheck,
        };
        var result = await work(session);
        if (session.Aborted)
        {
            await (tx is not null ? tx.RollbackAsync(ct) : ambient!.RollbackToSavepointAsync(Savepoint, ct));
            db.ChangeTracker.Clear();
            return result;
        }

        await db.SaveChangesAsync(ct);
        var tierChange = session.TierActivity ? await TierCalculation.ApplyAsync(session, scheduledTierCheck, ct) : null;
        if (tierChange is not null)
        {
            await db.SaveChangesAsync(ct);
        }

        await (tx is not null ? tx.CommitAsync(ct) : ambient!.ReleaseSavepointAsync(Savepoint, ct));
        if (tierChange is { Change: var change, Upgrade: var upgrade })
        {
            events.TierChanged(membershipId, change.Id, upgrade);
        }

        return result;
    }

    internal static bool IsConflict(Exception ex) => ex switch
    {
        DbUpdateConcurrencyException => true,
        SqliteException { SqliteErrorCode: 5 or 6 } => true, // SQLITE_BUSY, SQLITE_LOCKED
        DbUpdateException { InnerException: SqliteException { SqliteErrorCode: 5 or 6 } } => true,
        _ => false,
    };

    [LoggerMessage(Level = LogLevel.Debug, Message = "Ledger conflict on membership {MembershipId} (attempt {Attempt}); retrying")]
    private static partial void LogRetry(ILogger logger, Exception exception, int membershipId, int attempt);
}

public static class LoyaltyTime
{
    public static TimeZoneInfo ZoneOf(LoyaltyProgram program) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(program.TimeZoneId, out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>UTC bounds of the local day and month containing <paramref name="at"/>.</summary>
    public static (DateTimeOffset DayStart, DateTimeOffset DayEnd, DateTimeOffset MonthStart, DateTimeOffset MonthEnd) Periods(DateTimeOffset at, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(at, zone).DateTime;
        var day = local.Date;
        var month = new DateTime(local.Year, local.Month, 1, 0, 0, 0, DateTimeKind.Unspecified);
        return (Utc(day, zone), Utc(day.AddDays(1), zone), Utc(month, zone), Utc(month.AddMonths(1), zone));
    }

    private static DateTimeOffset Utc(DateTime local, TimeZoneInfo zone)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(unspecified))
        {
            unspecified = unspecified.AddMinutes(30);
        }

        return new DateTimeOffset(unspecified, zone.GetUtcOffset(unspecified)).ToUniversalTime();
    }
}
