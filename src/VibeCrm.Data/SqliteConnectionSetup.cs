using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace VibeCrm.Data;

/// <summary>
/// Per-connection SQLite settings. Memory-mapped reads let index and row lookups hit the OS page cache without a read()
/// call per page: searches and lists of a large tenant that look up thousands of rows run several times faster. The
/// mapping is address space, not memory.
/// <para>
/// A setting lives as long as the native connection, which the pool keeps across opens: it is applied the first time EF
/// opens a native connection, and an open that gets one back from the pool costs no statement.
/// </para>
/// </summary>
public sealed class SqliteConnectionSetup : DbConnectionInterceptor
{
    public static readonly SqliteConnectionSetup Instance = new();

    /// <summary>1 GiB: a tenant of a million customers fits (about 500 MB).</summary>
    public const long MmapSize = 1L << 30;

    private const string Pragmas = "PRAGMA mmap_size = 1073741824;";

    /// <summary>The native connections already set up; an entry goes with its connection when the pool closes it.</summary>
    private readonly ConditionalWeakTable<object, object> _configured = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (FirstOpen(connection))
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
        }
    }

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default) =>
        ConfigureAsync(connection, cancellationToken);

    /// <summary>Applies the settings to an open connection (once per native connection); for connections opened outside EF.</summary>
    public async Task ConfigureAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (FirstOpen(connection))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>True the first time this native connection is seen (a connection of another kind: every time).</summary>
    private bool FirstOpen(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } handle } || _configured.TryAdd(handle, Configured);

    private static readonly object Configured = new();
}
