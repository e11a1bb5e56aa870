using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace VibeCrm.Web.Infrastructure.Security;

/// <summary>Per-client limits on the endpoints attackers hammer: sign-in, sign-up and password reset.</summary>
public static class RateLimits
{
    public const string SignIn = "sign-in";
    public const string SignUp = "sign-up";
    public const string PasswordReset = "password-reset";

    public static IServiceCollection AddVibeCrmRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (ctx, ct) =>
            {
                ctx.HttpContext.Response.Headers.RetryAfter = "60";
                ctx.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await ctx.HttpContext.Response.WriteAsync("Too many attempts. Please wait a minute and try again.", ct);
            };
            AddPostLimit(o, SignIn, configuration.GetValue("Security:SignInPermitsPerMinute", 10));
            AddPostLimit(o, SignUp, configuration.GetValue("Security:SignUpPermitsPerMinute", 5));
            AddPostLimit(o, PasswordReset, configuration.GetValue("Security:PasswordResetPermitsPerMinute", 5));
        });
        return services;
    }

    /// <summary>Only form posts count; showing the page is free.</summary>
    private static void AddPostLimit(RateLimiterOptions options, string name, int permitsPerMinute) =>
        options.AddPolicy(name, context =>
            HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
                ? RateLimitPartition.GetNoLimiter("read")
                : RateLimitPartition.GetFixedWindowLimiter(
                    $"{name}:{context.Connection.RemoteIpAddress}",
                    _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = permitsPerMinute,
                        Window = TimeSpan.FromMinutes(1),
                        QueueLimit = 0,
                    }));
}
