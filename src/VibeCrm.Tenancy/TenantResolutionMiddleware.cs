using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace VibeCrm.Tenancy;

/// <summary>
/// Runs after routing and before authentication. Finds the tenant, refuses unknown or unavailable ones,
/// and opens the tenant scope for the rest of the request.
/// </summary>
public sealed partial class TenantResolutionMiddleware(
    RequestDelegate next,
    IEnumerable<ITenantResolutionStrategy> strategies,
    ILogger<TenantResolutionMiddleware> logger)
{
    private readonly ITenantResolutionStrategy[] _strategies = [.. strategies.OrderBy(s => s.Order)];

    public async Task InvokeAsync(HttpContext context, ITenantStore store, ITenantContextAccessor accessor)
    {
        var identifier = ResolveIdentifier(context);
        if (identifier is null)
        {
            await next(context);
            return;
        }

        var tenant = await store.FindByIdentifierAsync(identifier, context.RequestAborted);
        if (tenant is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (tenant.State != TenantState.Active)
        {
            LogUnavailable(logger, tenant.Identifier, tenant.State);
            await WriteUnavailableAsync(context, tenant);
            return;
        }

        context.Features.Set(new TenantFeature(tenant));
        using (accessor.BeginScope(tenant))
        using (logger.BeginScope(new Dictionary<string, object> { ["TenantId"] = tenant.Id, ["Tenant"] = tenant.Identifier }))
        {
            await next(context);
        }
    }

    private string? ResolveIdentifier(HttpContext context)
    {
        foreach (var strategy in _strategies)
        {
            var identifier = strategy.GetIdentifier(context);
            if (!string.IsNullOrEmpty(identifier))
            {
                return identifier.ToLowerInvariant();
            }
        }

        return null;
    }

    private static Task WriteUnavailableAsync(HttpContext context, TenantInfo tenant)
    {
        var (title, message) = tenant.State switch
        {
            TenantState.Provisioning => ("Almost ready", "This account is being set up. Please try again in a few seconds."),
            TenantState.Suspended => ("Account suspended", "This account is currently suspended. If you run this business, please contact support."),
            _ => ("Temporarily unavailable", "This account is unavailable right now. Our team has been notified."),
        };

        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        if (tenant.State == TenantState.Provisioning)
        {
            context.Response.Headers.RetryAfter = "5";
        }

        context.Response.ContentType = "text/html; charset=utf-8";
        var name = WebUtility.HtmlEncode(tenant.Name);
        var html = $$"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{title}} · {{name}}</title><link rel="stylesheet" href="/lib/bootstrap/css/bootstrap.min.css"><link rel="stylesheet" href="/css/site.css"></head>
            <body><main class="container py-5 unavailable-page"><h1 class="h3">{{title}}</h1>
            <p class="lead">{{name}}</p><p>{{message}}</p></main></body></html>
            """;
        return context.Response.WriteAsync(html, context.RequestAborted);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Tenant {Tenant} refused: state {State}")]
    private static partial void LogUnavailable(ILogger logger, string tenant, TenantState state);
}

/// <summary>The resolved tenant of a request.</summary>
public sealed record TenantFeature(TenantInfo Tenant);

public static class HttpContextTenantExtensions
{
    public static TenantInfo? GetTenant(this HttpContext context) => context.Features.Get<TenantFeature>()?.Tenant;

    public static TenantInfo RequireTenant(this HttpContext context) =>
        context.GetTenant() ?? throw new InvalidOperationException("This request has no tenant.");
}
