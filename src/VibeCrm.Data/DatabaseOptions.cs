namespace VibeCrm.Data;

public enum DatabaseProvider
{
    Sqlite = 0,
    SqlServer = 1,
}

/// <summary>Where the catalog and the tenants' databases live. Bound from the <c>Database</c> section.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>SQLite: folder for catalog.db, jobs.db and tenants/*.db. Relative paths are taken from the content root.</summary>
    public string DataFolder { get; set; } = "App_Data";

    /// <summary>SQL Server: the catalog database (also holds the job storage and data-protection keys).</summary>
    public string? CatalogConnectionString { get; set; }

    /// <summary>SQL Server: template for a tenant database, <c>{database}</c> is replaced by the tenant's database name.</summary>
    public string? TenantConnectionTemplate { get; set; }
}
