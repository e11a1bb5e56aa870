using VibeCrm.Tenancy;

namespace VibeCrm.Data.Catalog;

/// <summary>A merchant registered on the platform.</summary>
public sealed class Tenant
{
    public string Id { get; set; } = Guid.NewGuid().ToString("N");

    /// <summary>URL slug, lower case, unique.</summary>
    public required string Identifier { get; set; }

    public required string Name { get; set; }

    public TenantState State { get; set; } = TenantState.Provisioning;

    public string TimeZoneId { get; set; } = "UTC";

    public string Currency { get; set; } = "EUR";

    /// <summary>Database file stem (SQLite) or database name (SQL Server).</summary>
    public required string DatabaseName { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? StateChangedAt { get; set; }

    /// <summary>Why provisioning or migration failed, for operators.</summary>
    public string? LastError { get; set; }

    public TenantInfo ToInfo() => new(Id, Identifier, Name, State, TimeZoneId, Currency, DatabaseName);
}
