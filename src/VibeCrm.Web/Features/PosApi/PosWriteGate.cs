using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using VibeCrm.Data;
using VibeCrm.Data.Tenants;

namespace VibeCrm.Web.Features.PosApi;

/// <summary>
/// Group commit for the API's writes on SQLite. SQLite has one writer per database: concurrent tills of one merchant
/// would otherwise each begin a write transaction and spin on the busy lock, and each pay a commit (a WAL write and an
/// fsync). Here the writes of one tenant queue in arrival order; one leader opens a single <c>BEGIN IMMEDIATE</c>
/// transaction and hands it to the waiting requests one at a time, each running its part inside its own savepoint on
/// its own async flow (its scope, its tenant); when no one else is waiting (or <see cref="MaxBatch"/> took part), the
/// leader commits once and every request of the batch learns the outcome. A request answers only after its batch is
/// committed, so nothing is acknowledged that is not durable; a request that fails rolls back its own savepoint and
/// leaves the others alone; a failed commit fails the whole batch. Not used on SQL Server (row locks let requests run
/// side by side, see <see cref="IdempotencyFilter"/>).
/// </summary>
public sealed partial class PosWriteGate(ILogger<PosWriteGate> logger)
{
    private readonly ILogger _logger = logger;

    /// <summary>At most this many requests share one commit, so that a batch's latency stays bounded.</summary>
    public const int MaxBatch = 64;

    private const string Savepoint = "pos_request";

    private readonly ConcurrentDictionary<string, TenantQueue> _queues = new(StringComparer.Ordinal);

    /// <summary>
    /// Waits for this request's turn, then binds <paramref name="db"/> to the batch's connection and transaction inside
    /// a savepoint. End the turn with <see cref="WriteTurn.EndAsync"/>.
    /// </summary>
    public Task<WriteTurn> EnterAsync(TenantDbContext db, string tenantId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var connectionString = db.Database.GetConnectionString() ?? throw new InvalidOperationException("The tenant context has no connection string.");
        return _queues.GetOrAdd(tenantId, _ => new TenantQueue(this, connectionString)).EnterAsync(db, ct);
    }

    /// <summary>How many requests of the tenant wait for their turn (for diagnostics and tests).</summary>
    public int Waiting(string tenantId) => _queues.TryGetValue(tenantId, out var queue) ? queue.Waiting : 0;

    [LoggerMessage(Level = LogLevel.Error, Message = "A POS write batch of {Count} requests failed to commit")]
    private static partial void LogCommitFailed(ILogger logger, Exception exception, int count);

    /// <summary>A request's part of a batch: its savepoint on the batch's connection.</summary>
    public sealed class WriteTurn
    {
        private readonly TenantDbContext _db;
        private readonly Batch _batch;
        private readonly string _connectionString;
        private bool _ended;

        internal WriteTurn(TenantDbContext db, Batch batch, string connectionString)
        {
            _db = db;
            _batch = batch;
            _connectionString = connectionString;
        }

        internal async Task BindAsync(CancellationToken ct)
        {
            _db.Database.SetDbConnection(_batch.Connection, contextOwnsConnection: false);
            await _db.Database.UseTransactionAsync(_batch.Transaction, ct);
            await _batch.Transaction.SaveAsync(Savepoint, ct);
        }

        /// <summary>
        /// Keeps (<paramref name="keep"/>) or undoes this request's changes and gives the turn to the next request.
        /// When kept, returns once the batch is committed; throws when the commit failed (nothing of the batch was kept).
        /// </summary>
        public async Task EndAsync(bool keep)
        {
            if (_ended)
            {
                throw new InvalidOperationException("This write turn has ended already.");
            }

            _ended = true;
            try
            {
                if (keep)
                {
                    await _batch.Transaction.ReleaseAsync(Savepoint, CancellationToken.None);
                }
                else
                {
                    await _batch.Transaction.RollbackAsync(Savepoint, CancellationToken.None);
                    await _batch.Transaction.ReleaseAsync(Savepoint, CancellationToken.None);
                }
            }
            finally
            {
                await _db.Database.UseTransactionAsync(null, CancellationToken.None);
                _db.Database.SetDbConnection(null);
                _db.Database.SetConnectionString(_connectionString);
                _batch.StepDone();
            }

            if (keep)
            {
                await _batch.Committed;
            }
        }
    }

    internal sealed class Batch(SqliteConnection connection, SqliteTransaction transaction)
    {
        private readonly TaskCompletionSource _committed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private TaskCompletionSource _step = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public SqliteConnection Connection { get; } = connection;

        public DbTransaction Transaction { get; } = transaction;

        public Task Committed => _committed.Task;

        public Task NextStep()
        {
            _step = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _step.Task;
        }

        public void StepDone() => _step.TrySetResult();

        public void Complete(Exception? failure)
        {
            if (failure is null)
            {
                _committed.TrySetResult();
            }
            else
            {
                _committed.TrySetException(failure);
            }
        }
    }

    /// <summary>A request waiting for its turn.</summary>
    private sealed class Ticket(TenantDbContext db)
    {
        public TenantDbContext Db { get; } = db;

        public TaskCompletionSource<Batch> Turn { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed class TenantQueue(PosWriteGate gate, string connectionString)
    {
        private readonly Queue<Ticket> _waiting = new();
        private readonly Lock _lock = new();
        private bool _leading;

        public int Waiting
        {
            get
            {
                lock (_lock)
                {
                    return _waiting.Count;
                }
            }
        }

        public async Task<WriteTurn> EnterAsync(TenantDbContext db, CancellationToken ct)
        {
            var ticket = new Ticket(db);
            lock (_lock)
            {
                _waiting.Enqueue(ticket);
                if (!_leading)
                {
                    _leading = true;
                    using (ExecutionContext.SuppressFlow())
                    {
                        _ = Task.Run(LeadAsync, CancellationToken.None);
                    }
                }
            }

            Batch batch;
            await using (ct.Register(() => ticket.Turn.TrySetCanceled(ct)))
            {
                batch = await ticket.Turn.Task;
            }

            var turn = new WriteTurn(db, batch, db.Database.GetConnectionString()!);
            try
            {
                await turn.BindAsync(ct);
            }
            catch
            {
                await db.Database.UseTransactionAsync(null, CancellationToken.None);
                db.Database.SetDbConnection(null);
                db.Database.SetConnectionString(connectionString);
                batch.StepDone();
                throw;
            }

            return turn;
        }

        private async Task LeadAsync()
        {
            while (true)
            {
                var members = 0;
                Exception? failure = null;
                Batch? batch = null;
                try
                {
                    await using var connection = new SqliteConnection(connectionString);
                    await connection.OpenAsync();
                    await using (var pragma = connection.CreateCommand())
                    {
                        pragma.CommandText = $"PRAGMA mmap_size = {SqliteConnectionSetup.MmapSize};";
                        await pragma.ExecuteNonQueryAsync();
                    }

                    await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
                    batch = new Batch(connection, transaction);
                    while (members < MaxBatch && Next() is { } ticket)
                    {
                        var step = batch.NextStep();
                        if (ticket.Turn.TrySetResult(batch))
                        {
                            members++;
                            await step;
                        }
                    }

                    await transaction.CommitAsync();
                }
                catch (Exception ex)
                {
                    failure = ex;
                    LogCommitFailed(gate._logger, ex, members);
                }

                batch?.Complete(failure);
                if (batch is null)
                {
                    // the batch could not even begin: tell those waiting rather than leave them hanging
                    FailWaiting(failure!);
                }

                lock (_lock)
                {
                    if (_waiting.Count == 0)
                    {
                        _leading = false;
                        return;
                    }
                }
            }
        }

        private Ticket? Next()
        {
            lock (_lock)
            {
                return _waiting.TryDequeue(out var ticket) ? ticket : null;
            }
        }

        private void FailWaiting(Exception failure)
        {
            while (Next() is { } ticket)
            {
                ticket.Turn.TrySetException(failure);
            }
        }
    }
}
