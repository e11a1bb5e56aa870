namespace VibeCrm.Tenancy;

public sealed class TenancyOptions
{
    public const string Section = "Tenancy";

    /// <summary>When set (e.g. <c>vibecrm.example</c>), <c>{tenant}.vibecrm.example</c> resolves the tenant from the host.</summary>
    public string? HostSuffix { get; set; }

    /// <summary>How long a resolved tenant stays cached.</summary>
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromSeconds(30);
}
