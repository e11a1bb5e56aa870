using Microsoft.AspNetCore.Http;

namespace VibeCrm.Tenancy;

/// <summary>
/// With host resolution configured, <c>https://cafe.example.com/admin</c> is served by the same routes as
/// <c>/cafe/admin</c>: before routing, the tenant segment is put in front of the path unless it is already there.
/// </summary>
public sealed class HostTenantPathMiddleware(RequestDelegate next, string hostSuffix)
{
    public Task InvokeAsync(HttpContext context)
    {
        var identifier = HostTenantStrategy.FromHost(context.Request.Host.Host, hostSuffix);
        if (identifier is not null)
        {
            var prefix = new PathString("/" + identifier);
            if (!context.Request.Path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase))
            {
                context.Request.Path = prefix.Add(context.Request.Path == "/" ? PathString.Empty : context.Request.Path);
            }
        }

        return next(context);
    }
}
