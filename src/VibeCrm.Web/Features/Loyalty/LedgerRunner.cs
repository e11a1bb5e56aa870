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
public sealed partial class LedgerRunner(TenantDbContext db, TimeProvider clock, ILogger<LedgerRunner> logger, ILoyaltyEvents events,
    ILedgerTransactionSource? transactions = null, LoyaltyProgramCache? programs = null)
{
    private readonly List<Action> _afterCommit = [];

    public const int MaxAttempts = 10;

    /// <summary>
    /// When the caller already holds a transaction (bulk loads such as the demo data, the POS API's group commit), each change
    /// runs in this savepoint of it instead of a transaction of its own: the caller commits, nothing is retried, and events
    /// wait for the caller's <see cref="Committed"/>.
    /// </summary>
    private const string Savepoint = "ledger_change";

    /// <summary>The membership, tracked: read at the start of every change (compiled: it is on the POS API's hot path).</summary>
    private static readonly Func<TenantDbContext, int, CancellationToken, Task<LoyaltyMembership?>> MembershipById =
        EF.CompileAsyncQuery((TenantDbContext db, int id, CancellationToken ct) => db.LoyaltyMemberships.SingleOrDefault(m => m.Id == id));

    /// <param name="program">
    /// The membership's program with its earn rules, tiers and benefits, when the caller has read it already (outside the
    /// transaction: what the rules were a moment before is what they are); null reads it inside.
    /// </param>
    public async Task<T> RunAsync<T>(int membershipId, Func<LedgerSession, Task<T>> work, CancellationToken ct, bool scheduledTierCheck = false, LoyaltyProgram? program = null)
    {
        // joining late: the membership read and the change prepared before joining the shared transaction, which is held
        // only for the save; the membership's concurrency stamp catches any change of it saved meanwhile, and the retry
        // then reads inside the transaction, where nothing can change under it
        var joinLate = transactions is { CanJoinLate: true };
        if (transactions is not null && !joinLate)
        {
            await transactions.JoinAsync(ct);
        }

        var strategy = db.Database.CreateExecutionStrategy();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await strategy.ExecuteAsync(() => RunOnceAsync(membershipId, work, scheduledTierCheck, program, joinLate, ct));
            }
            catch (Exception ex) when (attempt < MaxAttempts && IsConflict(ex) && (db.Database.CurrentTransaction is null || joinLate))
            {
                db.ChangeTracker.Clear();
                LogRetry(logger, ex, membershipId, attempt);
                if (joinLate)
                {
                    joinLate = false; // joined now
                    continue;
                }

                await Task.Delay(Random.Shared.Next(5, 25 * attempt), ct);
            }
        }
    }

    /// <summary>The program as the ledger needs it: earn rules, tiers and their benefits.</summary>
    /// <remarks>From the <see cref="LoyaltyProgramCache"/> when there is one: shared, never to be changed.</remarks>
    public Task<LoyaltyProgram> LoadProgramAsync(int programId, CancellationToken ct) =>
        programs is not null && db.Database.GetConnectionString() is { } database
            ? programs.GetAsync(database, programId, () => ProgramQuery(db, programId).SingleAsync(ct))
            : ProgramQuery(db, programId).SingleAsync(ct);

    private static IQueryable<LoyaltyProgram> ProgramQuery(TenantDbContext db, int programId) =>
        db.LoyaltyPrograms.AsNoTracking()
            .Include(p => p.EarnRules)
            .Include(p => p.Tiers).ThenInclude(t => t.Benefits)
            .AsSplitQuery()
            .Where(p => p.Id == programId);

    private async Task<T> RunOnceAsync<T>(int membershipId, Func<LedgerSession, Task<T>> work, bool scheduledTierCheck, LoyaltyProgram? preloaded, bool joinLate,
        CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var ambient = db.Database.CurrentTransaction;
        await using var tx = ambient is null && !joinLate ? await db.Database.BeginTransactionAsync(ct) : null;
        if (ambient is not null)
        {
            await ambient.CreateSavepointAsync(Savepoint, ct);
        }

        // in the caller's transaction the savepoint above undoes a failed change whole: EF's own savepoint around each
        // save would be two more statements per save for nothing
        var autoSavepoints = db.Database.AutoSavepointsEnabled;
        db.Database.AutoSavepointsEnabled = ambient is null && !joinLate && autoSavepoints;
        Outcome<T> outcome;
        try
        {
            outcome = await ChangeAsync();
        }
        catch when (ambient is not null)
        {
            // the caller's transaction goes on: leave nothing of this change in it
            await ambient.RollbackToSavepointAsync(Savepoint, CancellationToken.None);
            db.ChangeTracker.Clear();
            throw;
        }
        finally
        {
            db.Database.AutoSavepointsEnabled = autoSavepoints;
        }

        var (result, aborted, tierChange) = outcome;
        if (aborted)
        {
            return result;
        }

        await (tx is not null ? tx.CommitAsync(ct) : ambient!.ReleaseSavepointAsync(Savepoint, ct));
        if (tierChange is { Change: var change, Upgrade: var upgrade })
        {
            AfterCommit(() => events.TierChanged(membershipId, change.Id, upgrade));
        }

        return result;

        // joining late: the shared transaction, and this change's savepoint in it, right before the first save
        async Task JoinAsync(CancellationToken token)
        {
            if (ambient is null && joinLate)
            {
                await transactions!.JoinAsync(token);
                ambient = db.Database.CurrentTransaction ?? throw new InvalidOperationException("Joining the shared transaction opened none.");
                await ambient.CreateSavepointAsync(Savepoint, token);
            }
        }

        async Task<Outcome<T>> ChangeAsync()
        {
            var membership = await MembershipById(db, membershipId, ct)
                ?? throw new KeyNotFoundException($"Loyalty membership {membershipId} does not exist.");
            var program = preloaded is { } p && p.Id == membership.ProgramId ? p : await LoadProgramAsync(membership.ProgramId, ct);
            // SQL Server: a new stamp on the first save locks the membership's row for the whole change; on SQLite
            // BEGIN IMMEDIATE has locked the database already (or, joining late, the stamp read is checked by the save),
            // so the stamp is renewed with the last save only
            var lockRowFirst = !db.Database.IsSqlite();
            if (lockRowFirst)
            {
                membership.ConcurrencyStamp = Guid.NewGuid().ToString("N");
            }

            var session = new LedgerSession(db, membership, program, LoyaltyTime.ZoneOf(program), clock.GetUtcNow())
            {
                TierActivity = scheduledTierCheck,
                BeforeSave = JoinAsync,
            };
            var done = await work(session);
            if (session.Aborted)
            {
                if (tx is not null)
                {
                    await tx.RollbackAsync(ct);
                }
                else if (ambient is not null)
                {
                    await ambient.RollbackToSavepointAsync(Savepoint, ct);
                }

                db.ChangeTracker.Clear();
                return new(done, true, null);
            }

            if (!lockRowFirst)
            {
                membership.ConcurrencyStamp = Guid.NewGuid().ToString("N");
            }

            await JoinAsync(ct);
            await db.SaveChangesAsync(ct);
            var tier = session.TierActivity ? await TierCalculation.ApplyAsync(session, scheduledTierCheck, ct) : null;
            if (tier is not null)
            {
                await db.SaveChangesAsync(ct);
            }

            return new(done, false, tier);
        }
    }

    private readonly record struct Outcome<T>(T Result, bool Aborted, (TierChange Change, bool Upgrade)? TierChange);

    /// <summary>
    /// Runs <paramref name="action"/> (telling the rest of the app about a change) once the change is committed: now,
    /// when no transaction is open any more; after <see cref="Committed"/> when the change ran in the caller's transaction.
    /// </summary>
    public void AfterCommit(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (db.Database.CurrentTransaction is null)
        {
            action();
        }
        else
        {
            _afterCommit.Add(action);
        }
    }

    /// <summary>The owner of the caller's transaction committed it: what waited for that runs now.</summary>
    public void Committed()
    {
        var pending = _afterCommit.ToList();
        _afterCommit.Clear();
        pending.ForEach(a => a());
    }

    /// <summary>The caller's transaction was rolled back: what waited for its commit is dropped.</summary>
    public void RolledBack() => _afterCommit.Clear();

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
