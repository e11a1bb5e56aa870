namespace VibeCrm.Web.Features.PosApi;

/// <summary>
/// Under <c>/api/v1</c> (and <c>/{tenant}/api/v1</c>), a 404 or 405 that nothing answered (no such path, an unknown tenant,
/// a method the path does not take) becomes a problem+json instead of the site's HTML error page.
/// Program.cs: <c>app.UsePosApiStatusProblems();</c> right after the status code pages.
/// </summary>
public sealed class PosApiStatusProblems(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!PosApiRoutes.IsApiPath(context.Request.Path))
        {
            await next(context);
            return;
        }

        var method = context.Request.Method;
        var path = context.Request.Path.Value ?? "";
        await next(context);
        var response = context.Response;
        if (response.HasStarted || response.ContentLength is not null || !string.IsNullOrEmpty(response.ContentType))
        {
            return;
        }

        if (response.StatusCode == StatusCodes.Status404NotFound)
        {
            await PosProblems.WriteAsync(context, PosProblems.NotFound,
                $"Nothing answers {method} {path}. The reference at {PosApiRoutes.ReferencePath} lists the endpoints.");
        }
        else if (response.StatusCode == StatusCodes.Status405MethodNotAllowed)
        {
            var allowed = response.Headers.Allow.ToString();
            await PosProblems.WriteAsync(context, PosProblems.MethodNotAllowed,
                allowed.Length > 0 ? $"{path} does not take {method}; it takes {allowed}." : $"{path} does not take {method}.");
        }
    }
}

public static class PosApiStatusProblemsExtensions
{
    public static IApplicationBuilder UsePosApiStatusProblems(this IApplicationBuilder app) => app.UseMiddleware<PosApiStatusProblems>();
}
