using Microsoft.AspNetCore.Http;

namespace VibeCrm.Tenancy;

/// <summary>Finds the tenant identifier of a request. Strategies run in ascending <see cref="Order"/>; the first non-null wins.</summary>
public interface ITenantResolutionStrategy
{
    int Order { get; }

    string? GetIdentifier(HttpContext context);
}

/// <summary>First path segment: <c>/{tenant}/...</c>. Reads the routed value, so it only matches real tenant routes.</summary>
public sealed class RouteTenantStrategy : ITenantResolutionStrategy
{
    public const string RouteKey = "tenant";

    public int Order => 200;

    public string? GetIdentifier(HttpContext context) =>
        context.Request.RouteValues.TryGetValue(RouteKey, out var value) ? value as string : null;
}

/// <summary><c>{tenant}.example.com</c>, when a host suffix is configured.</summary>
public sealed class HostTenantStrategy(string hostSuffix) : ITenantResolutionStrategy
{
    public int Order => 100;

    public string? GetIdentifier(HttpContext context) => FromHost(context.Request.Host.Host, hostSuffix);

    public static string? FromHost(string host, string hostSuffix)
    {
        var suffix = "." + hostSuffix.TrimStart('.');
        if (!host.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var label = host[..^suffix.Length];
        return label.Length == 0 || label.Contains('.', StringComparison.Ordinal) ? null : label.ToLowerInvariant();
    }
}
