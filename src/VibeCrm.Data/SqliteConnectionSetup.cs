using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace VibeCrm.Data;

/// <summary>
/// Per-connection SQLite settings, applied each time EF opens a (pooled) connection. Memory-mapped reads let index
/// and row lookups hit the OS page cache without a read() call per page: searches and lists of a large tenant that
/// look up thousands of rows run several times faster. The mapping is address space, not memory.
/// </summary>
public sealed class SqliteConnectionSetup : DbConnectionInterceptor
{
    public static readonly SqliteConnectionSetup Instance = new();

    /// <summary>1 GiB: a tenant of a million customers fits (about 500 MB).</summary>
    public const long MmapSize = 1L << 30;

    private const string Pragmas = "PRAGMA mmap_size = 1073741824;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
