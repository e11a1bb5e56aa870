using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace VibeCrm.Data;

/// <summary>Builds connection strings and provider options for the catalog and for each tenant.</summary>
public sealed class DatabaseLocator
{
    public const string SqliteMigrations = "VibeCrm.Migrations.Sqlite";
    public const string SqlServerMigrations = "VibeCrm.Migrations.SqlServer";

    private readonly DatabaseOptions _options;

    public DatabaseLocator(IOptions<DatabaseOptions> options, string contentRoot)
    {
        _options = options.Value;
        DataFolder = Path.GetFullPath(_options.DataFolder, contentRoot);
    }

    public DatabaseProvider Provider => _options.Provider;

    /// <summary>Absolute data folder (SQLite databases, mail pickup folder).</summary>
    public string DataFolder { get; }

    public string TenantFolder => Path.Combine(DataFolder, "tenants");

    public string CatalogConnectionString => _options.Provider == DatabaseProvider.Sqlite
        ? Sqlite(Path.Combine(DataFolder, "catalog.db"), SqliteOpenMode.ReadWriteCreate)
        : _options.CatalogConnectionString ?? throw new InvalidOperationException("Database:CatalogConnectionString is required for SQL Server.");

    public string JobsConnectionString => _options.Provider == DatabaseProvider.Sqlite
        ? Path.Combine(DataFolder, "jobs.db")
        : CatalogConnectionString;

    /// <summary>A tenant's connection. On SQLite only provisioning may create the file (<paramref name="allowCreate"/>).</summary>
    public string TenantConnectionString(string databaseName, bool allowCreate = false)
    {
        if (_options.Provider == DatabaseProvider.Sqlite)
        {
            return Sqlite(TenantFile(databaseName), allowCreate ? SqliteOpenMode.ReadWriteCreate : SqliteOpenMode.ReadWrite);
        }

        var template = _options.TenantConnectionTemplate
            ?? throw new InvalidOperationException("Database:TenantConnectionTemplate is required for SQL Server.");
        return template.Replace("{database}", databaseName, StringComparison.Ordinal);
    }

    public string TenantFile(string databaseName) => Path.Combine(TenantFolder, databaseName + ".db");

    public void EnsureFolders()
    {
        if (_options.Provider == DatabaseProvider.Sqlite)
        {
            Directory.CreateDirectory(TenantFolder);
        }
    }

    public DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, string connectionString) =>
        _options.Provider == DatabaseProvider.Sqlite
            ? builder.UseSqlite(connectionString, o => o.MigrationsAssembly(SqliteMigrations)).AddInterceptors(SqliteConnectionSetup.Instance)
            : builder.UseSqlServer(connectionString, o => o.MigrationsAssembly(SqlServerMigrations).EnableRetryOnFailure());

    private static string Sqlite(string path, SqliteOpenMode mode) => new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = mode,
        Pooling = true,
        DefaultTimeout = 30,
    }.ToString();
}
