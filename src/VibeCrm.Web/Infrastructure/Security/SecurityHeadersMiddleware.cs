namespace VibeCrm.Web.Infrastructure.Security;

/// <summary>
/// Security headers on every response. The CSP allows only our own scripts and styles: htmx runs with
/// eval off and its inline indicator styles disabled, Chart.js is configured from data attributes.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    private const string Csp =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    /// <summary>
    /// The POS API reference page only: Scalar (served from our own origin) injects its styles at run time. Scripts stay
    /// limited to our own files.
    /// </summary>
    private const string ApiReferenceCsp =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            if (!context.Request.Path.StartsWithSegments("/hangfire", StringComparison.OrdinalIgnoreCase))
            {
                headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/api/v1/reference", StringComparison.OrdinalIgnoreCase) ? ApiReferenceCsp : Csp;
            }

            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
