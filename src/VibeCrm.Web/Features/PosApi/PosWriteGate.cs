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
/// fsync). Here the writes of one tenant queue in arrival order and share one <c>BEGIN IMMEDIATE</c> transaction: the
/// turn passes from request to request, each running its part inside its own savepoint on its own async flow (its
/// scope, its tenant); when no one else is waiting (or <see cref="MaxBatch"/> took part), the
/// batch is committed once and every request of the batch learns the outcome. A request answers only after its batch is
/// committed and on disk, so nothing is acknowledged that is not durable; the disk's wait does not hold the write lock
/// (<see cref="PosBatchConnection"/>), and the next batch begins on the same connection meanwhile. A request that fails rolls back its own savepoint and
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
    public async Task<WriteTurn> EnterAsync(TenantDbContext db, string tenantId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var connectionString = db.Database.GetConnectionString() ?? throw new InvalidOperationException("The tenant context has no connection string.");

        // the request's own connection (its reads) goes back to the pool while it waits: the turn binds the batch's
        await db.Database.CloseConnectionAsync();
        return await _queues.GetOrAdd(tenantId, _ => new TenantQueue(this, connectionString)).EnterAsync(db, ct);
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
        private readonly TenantQueue _queue;
        private readonly string _connectionString;
        private bool _ended;

        internal WriteTurn(TenantDbContext db, Batch batch, TenantQueue queue, string connectionString)
        {
            _db = db;
            _batch = batch;
            _queue = queue;
            _connectionString = connectionString;
        }

        internal async Task BindAsync(CancellationToken ct)
        {
            _db.Database.SetDbConnection(_batch.Connection, contextOwnsConnection: false);
            await _db.Database.UseTransactionAsync(_batch.Transaction, ct);
            await _batch.Transaction.SaveAsync(Savepoint, ct);
        }

        internal async Task UnbindAsync()
        {
            await _db.Database.UseTransactionAsync(null, CancellationToken.None);
            _db.Database.SetDbConnection(null);
            _db.Database.SetConnectionString(_connectionString);
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
                await UnbindAsync();
                await _queue.PassAsync(_batch);
            }

            if (keep)
            {
                await _batch.Committed;
            }
        }
    }

    /// <summary>One transaction shared by the requests that took their turn in it.</summary>
    internal sealed class Batch(PosBatchConnection writer, SqliteTransaction transaction)
    {
        private readonly TaskCompletionSource _committed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public PosBatchConnection Writer { get; } = writer;

        public SqliteConnection Connection => Writer.Connection;

        public DbTransaction Transaction { get; } = transaction;

        public int Members { get; set; } = 1;

        public Task Committed => _committed.Task;

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
    private sealed class Ticket
    {
        public TaskCompletionSource<Batch> Turn { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>
    /// The tenant's queue. The turn passes straight from the request that ends its part to the next one waiting; the last
    /// one (nobody waiting, or <see cref="MaxBatch"/> reached) commits, then begins the next batch for whoever arrived
    /// meanwhile. A request arriving when nothing runs begins a batch itself.
    /// </summary>
    internal sealed class TenantQueue(PosWriteGate gate, string connectionString)
    {
        private readonly Queue<Ticket> _waiting = new();
        private readonly Lock _lock = new();
        private bool _busy;

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
            Ticket? ticket = null;
            lock (_lock)
            {
                if (_busy)
                {
                    ticket = new Ticket();
                    _waiting.Enqueue(ticket);
                }
                else
                {
                    _busy = true;
                }
            }

            Batch batch;
            if (ticket is null)
            {
                try
                {
                    batch = await BeginAsync();
                }
                catch
                {
                    await HandOnAsync();
                    throw;
                }
            }
            else
            {
                await using (ct.Register(() => ticket.Turn.TrySetCanceled(ct)))
                {
                    batch = await ticket.Turn.Task;
                }
            }

            var turn = new WriteTurn(db, batch, this, db.Database.GetConnectionString()!);
            try
            {
                await turn.BindAsync(ct);
            }
            catch
            {
                await turn.UnbindAsync();
                await PassAsync(batch);
                throw;
            }

            return turn;
        }

        /// <summary>The turn's holder is done: the next request waiting takes the turn, or the batch is committed.</summary>
        public async Task PassAsync(Batch batch)
        {
            while (batch.Members < MaxBatch && Next() is { } next)
            {
                if (next.Turn.TrySetResult(batch))
                {
                    batch.Members++;
                    return;
                }
            }

            Exception? failure = null;
            try
            {
                await batch.Transaction.CommitAsync();
            }
            catch (Exception ex)
            {
                LogCommitFailed(gate._logger, ex, batch.Members);
                failure = ex;
            }

            // the writer is idle only while SQLite commits: the next batch begins on the same connection and its first turn
            // is handed out; then this batch's WAL pages are flushed to disk and only then are its requests answered
            await batch.Transaction.DisposeAsync();
            PosBatchConnection? reusable = failure is null ? batch.Writer : null;
            if (reusable is null)
            {
                await batch.Writer.ReleaseAsync();
            }

            await HandOnAsync(reusable, () => batch.Complete(failure ?? Flush(batch)));
        }

        /// <summary>Makes the batch's commit durable; the failure, if it could not.</summary>
        private IOException? Flush(Batch batch)
        {
            try
            {
                batch.Writer.Flush();
                return null;
            }
            catch (IOException ex)
            {
                LogCommitFailed(gate._logger, ex, batch.Members);
                return ex;
            }
        }

        /// <summary>
        /// Nothing runs: begins a batch for the first request waiting, if any (those whose batch fails to begin are told),
        /// on <paramref name="connection"/> when one is left open; <paramref name="handedOut"/> runs once the turn is
        /// handed out (or nobody waits).
        /// </summary>
        private async Task HandOnAsync(PosBatchConnection? connection = null, Action? handedOut = null)
        {
            try
            {
                while (true)
                {
                    Ticket next;
                    lock (_lock)
                    {
                        if (!_waiting.TryDequeue(out next!))
                        {
                            _busy = false;
                            return;
                        }
                    }

                    if (next.Turn.Task.IsCompleted)
                    {
                        continue; // cancelled while waiting
                    }

                    Batch batch;
                    try
                    {
                        batch = await BeginAsync(connection);
                        connection = null;
                    }
                    catch (Exception ex)
                    {
                        connection = null;
                        next.Turn.TrySetException(ex);
                        continue;
                    }

                    if (next.Turn.TrySetResult(batch))
                    {
                        return;
                    }

                    // cancelled meanwhile: the batch is this flow's to pass on
                    handedOut?.Invoke();
                    handedOut = null;

                    batch.Members = 0;
                    await PassAsync(batch);
                    return;
                }
            }
            finally
            {
                handedOut?.Invoke();
                if (connection is not null)
                {
                    await connection.ReleaseAsync();
                }
            }
        }

        /// <summary>Begins a batch: <c>BEGIN IMMEDIATE</c> on <paramref name="open"/> (the last batch's connection), or on a new one.</summary>
        private async Task<Batch> BeginAsync(PosBatchConnection? open = null)
        {
            var writer = open ?? await PosBatchConnection.OpenAsync(connectionString);
            try
            {
                return new Batch(writer, (SqliteTransaction)await writer.Connection.BeginTransactionAsync());
            }
            catch
            {
                await writer.ReleaseAsync();
                throw;
            }
        }

        private Ticket? Next()
        {
            lock (_lock)
            {
                return _waiting.TryDequeue(out var ticket) ? ticket : null;
            }
        }
    }
}
