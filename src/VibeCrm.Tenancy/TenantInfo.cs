namespace VibeCrm.Tenancy;

/// <summary>The lifecycle state of a tenant.</summary>
public enum TenantState
{
    Provisioning = 0,
    Active = 1,
    Suspended = 2,
    Failed = 3,
}

/// <summary>A merchant, as the request pipeline sees it.</summary>
/// <param name="Id">Stable id; never changes, used in job parameters and claims.</param>
/// <param name="Identifier">The slug in URLs and host names.</param>
/// <param name="DatabaseName">The tenant's own database: a file stem on SQLite, a database name on SQL Server.</param>
public sealed record TenantInfo(
    string Id,
    string Identifier,
    string Name,
    TenantState State,
    string TimeZoneId,
    string Currency,
    string DatabaseName)
{
    public bool IsActive => State == TenantState.Active;
}
