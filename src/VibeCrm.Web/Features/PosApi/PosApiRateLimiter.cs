using System.Globalization;
using System.Threading.RateLimiting;

namespace VibeCrm.Web.Features.PosApi;

public sealed class PosApiOptions
{
    public const string Section = "PosApi";

    /// <summary>Requests one API key may make per minute (a token bucket refilled every second; bursts up to the same number).</summary>
    public int PermitsPerMinute { get; set; } = 600;

    /// <summary>How long a replayable response is kept for its Idempotency-Key.</summary>
    public TimeSpan IdempotencyRetention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>A claimed key whose request never finished (a crash) may be taken over after this long.</summary>
    public TimeSpan IdempotencyLockTimeout { get; set; } = TimeSpan.FromMinutes(2);
}

/// <summary>
/// The per-key rate limit: ASP.NET's partitioned rate limiter keyed by tenant and API key id. It runs as an endpoint
/// filter because the key is only known after authentication (the app's rate-limiting middleware runs before it).
/// </summary>
public sealed class PosApiRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public PosApiRateLimiter(Microsoft.Extensions.Options.IOptions<PosApiOptions> options)
    {
        var perMinute = Math.Max(1, options.Value.PermitsPerMinute);
        _limiter = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = perMinute,
            TokensPerPeriod = Math.Max(1, perMinute / 60),
            ReplenishmentPeriod = perMinute >= 60 ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(60.0 / perMinute),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
    }

    public RateLimitLease Acquire(string partition) => _limiter.AttemptAcquire(partition);

    public void Dispose() => _limiter.Dispose();
}

public sealed class PosApiRateLimitFilter(PosApiRateLimiter limiter) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var partition = $"{http.User.FindFirst(Infrastructure.Auth.VibeClaims.Tenant)?.Value}:{http.User.KeyId()}";
        using var lease = limiter.Acquire(partition);
        if (lease.IsAcquired)
        {
            return await next(context);
        }

        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : 1;
        http.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        return PosProblems.Result(PosProblems.RateLimited, $"This API key made too many requests. Wait {retryAfter} s and retry (with the same Idempotency-Key for a POST).");
    }
}
