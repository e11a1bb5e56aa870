using Microsoft.Data.Sqlite;
using VibeCrm.Data;

namespace VibeCrm.Web.Features.PosApi;

/// <summary>
/// The connection a <see cref="PosWriteGate"/> batch writes on, and how its commits are made durable.
/// <para>
/// In WAL mode the batch's commit does not wait for the disk (<c>synchronous = NORMAL</c>): it writes the batch's pages
/// to the WAL and returns, so the next batch can begin at once. The gate then flushes the WAL file to disk itself
/// (<see cref="Flush"/>), outside the write lock, and only then answers the batch's requests. An answer still leaves
/// only once what it reports is on disk, as with <c>synchronous = FULL</c>; the disk's wait just no longer holds up the
/// next writer. A checkpoint in between is no gap: in this mode SQLite flushes the WAL before and the database after each
/// checkpoint. Without WAL the commit stays synchronous and there is nothing to flush.
/// </para>
/// </summary>
internal sealed class PosBatchConnection
{
    private PosBatchConnection(SqliteConnection connection, string? walFile)
    {
        Connection = connection;
        WalFile = walFile;
    }

    public SqliteConnection Connection { get; }

    /// <summary>The WAL file to flush after each commit; null when the database is not in WAL mode (commits flush themselves).</summary>
    public string? WalFile { get; }

    public static async Task<PosBatchConnection> OpenAsync(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync();
            await SqliteConnectionSetup.Instance.ConfigureAsync(connection, CancellationToken.None);
            await using var mode = connection.CreateCommand();
            mode.CommandText = "PRAGMA journal_mode;";
            if (!string.Equals(await mode.ExecuteScalarAsync() as string, "wal", StringComparison.OrdinalIgnoreCase))
            {
                return new PosBatchConnection(connection, null);
            }

            mode.CommandText = "PRAGMA synchronous = NORMAL;";
            await mode.ExecuteNonQueryAsync();
            return new PosBatchConnection(connection, connection.DataSource + "-wal");
        }
        catch
        {
            SqliteConnection.ClearPool(connection);
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>The WAL file, opened at the first flush and kept for the connection's life (the file stays while it is open).</summary>
    private FileStream? _wal;

    /// <summary>Flushes what the commits so far wrote to the WAL to disk (fsync).</summary>
    public void Flush()
    {
        if (WalFile is null)
        {
            return;
        }

        _wal ??= new FileStream(WalFile, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1);
        _wal.Flush(flushToDisk: true);
    }

    /// <summary>
    /// Gives the connection back to the pool as it came: with synchronous commits, so that no other writer of the app
    /// commits without waiting for the disk. A connection that cannot be reset is dropped from the pool.
    /// </summary>
    public async Task ReleaseAsync()
    {
        try
        {
            if (WalFile is not null)
            {
                await using var reset = Connection.CreateCommand();
                reset.CommandText = "PRAGMA synchronous = FULL;";
                await reset.ExecuteNonQueryAsync();
            }
        }
        catch (SqliteException)
        {
            SqliteConnection.ClearPool(Connection);
        }
        finally
        {
            if (_wal is not null)
            {
                await _wal.DisposeAsync();
            }

            await Connection.DisposeAsync();
        }
    }
}
