using Hangfire;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.Json;
using VibeCrm.Web.Features.Customers.Timeline;
using VibeCrm.Web.Features.Loyalty;
using VibeCrm.Web.Infrastructure.Jobs;

namespace VibeCrm.Web.Features.PosApi;

public static class PosApiRoutes
{
    public const string Root = "/api/v1";

    public const string TenantRoot = "/{tenant}/api/v1";

    public const string DocumentName = "pos";

    public const string OpenApiPath = Root + "/openapi/{documentName}.json";

    public const string ReferencePath = Root + "/reference";

    /// <summary>Whether the path is under <c>/api/v1</c> or <c>/{tenant}/api/v1</c>.</summary>
    public static bool IsApiPath(PathString path)
    {
        if (path.StartsWithSegments(Root, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var value = path.Value ?? "";
        var second = value.Length > 1 ? value.IndexOf('/', 1) : -1;
        return second > 1 && new PathString(value[second..]).StartsWithSegments(Root, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The path after <c>/api/v1</c>, the same for <c>/{tenant}/api/v1/x</c> and <c>/api/v1/x</c>.</summary>
    public static string RelativePath(PathString path)
    {
        var value = path.Value ?? "";
        var at = value.IndexOf(Root, StringComparison.OrdinalIgnoreCase);
        return at < 0 ? value : value[(at + Root.Length)..];
    }
}

public static class PosApiFeature
{
    /// <summary>The POS API: key authentication, per-key rate limit, idempotency, OpenAPI document. Program.cs: <c>services.AddPosApiFeature(configuration);</c></summary>
    public static IServiceCollection AddPosApiFeature(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<PosApiOptions>(configuration.GetSection(PosApiOptions.Section));
        services.AddScoped<ApiKeyService>();
        services.AddSingleton<ApiKeyCache>();
        services.AddScoped<PosApiQueries>();
        services.AddScoped<IdempotencyFilter>();
        services.AddScoped<IdempotencyPurgeJob>();
        services.AddSingleton<PosApiRateLimiter>();
        services.AddSingleton<PosWriteGate>();
        services.AddSingleton<InFlightKeys>();
        services.AddScoped<PosWriteUnit>();
        services.AddScoped<ILedgerTransactionSource>(sp => sp.GetRequiredService<PosWriteUnit>());
        services.AddSingleton<Tenancy.ITenantResolutionStrategy, ApiKeyTenantStrategy>();
        services.AddScoped<ITimelineSource, LoyaltyTimelineSource>();
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyDefaults.Scheme, null);
        services.AddAuthorizationBuilder().AddPolicy(ApiKeyDefaults.Policy, p => p
            .AddAuthenticationSchemes(ApiKeyDefaults.Scheme)
            .RequireAuthenticatedUser()
            .RequireClaim(Infrastructure.Auth.VibeClaims.Kind, "ApiKey"));
        services.Configure<JsonOptions>(o =>
        {
            foreach (var converter in PosJson.Options.Converters)
            {
                o.SerializerOptions.Converters.Add(converter);
            }

            o.SerializerOptions.DefaultIgnoreCondition = PosJson.Options.DefaultIgnoreCondition;
        });
        services.AddPosApiDocument();
        return services;
    }

    /// <summary>The API under <c>/{tenant}/api/v1</c> and, with the tenant taken from the key, <c>/api/v1</c>; its document and reference page.</summary>
    public static WebApplication MapPosApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var tenantScoped = Map(app.MapGroup(PosApiRoutes.TenantRoot)).ExcludeFromDescription();

        // endpoint names must be unique: they belong to the documented /api/v1 copy
        ((IEndpointConventionBuilder)tenantScoped).Finally(b =>
        {
            foreach (var name in b.Metadata.Where(m => m is IEndpointNameMetadata or IRouteNameMetadata).ToList())
            {
                b.Metadata.Remove(name);
            }
        });
        Map(app.MapGroup(PosApiRoutes.Root)).WithGroupName(PosApiRoutes.DocumentName);
        app.MapPosApiDocument();
        return app;
    }

    public static IRecurringJobManager AddPosApiRecurringJobs(this IRecurringJobManager manager)
    {
        manager.AddOrUpdateForEachTenant<IdempotencyPurgeJob>("pos-idempotency-purge", "40 * * * *");
        return manager;
    }

    private static RouteGroupBuilder Map(RouteGroupBuilder api)
    {
        api.RequireAuthorization(ApiKeyDefaults.Policy)
            .DisableAntiforgery()
            .AddEndpointFilter<PosExceptionFilter>()
            .AddEndpointFilter<PosApiRateLimitFilter>()
            .AddEndpointFilter<JsonBodyFilter>()
            .AddEndpointFilter<IdempotencyFilter>()
            .WithTags("POS");
        api.MapMemberEndpoints();
        api.MapPurchaseEndpoints();
        api.MapRewardCodeEndpoints();
        api.MapFeedbackEndpoints();
        return api;
    }
}

/// <summary>An unexpected error becomes a 500 problem with the trace id (logged with the same id), never an HTML page.</summary>
public sealed partial class PosExceptionFilter(ILogger<PosExceptionFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            return await next(context);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !context.HttpContext.RequestAborted.IsCancellationRequested)
        {
            LogFailed(logger, ex, context.HttpContext.TraceIdentifier);
            return TypedResults.Problem(PosProblems.Create(PosProblems.ServerError, $"The request failed. Quote reference {context.HttpContext.TraceIdentifier} to support.", context.HttpContext));
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "POS API request {TraceId} failed")]
    private static partial void LogFailed(ILogger logger, Exception ex, string traceId);
}
