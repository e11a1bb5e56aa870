using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using VibeCrm.Data.Tenants;
using VibeCrm.Tenancy;
using VibeCrm.Web.Infrastructure.Auth;

namespace VibeCrm.Web.Features.PosApi;

public static class ApiKeyDefaults
{
    public const string Scheme = "PosApiKey";
    public const string Policy = "PosApi";
    public const string KeyIdClaim = "vibecrm:apikey";
    public const string HeaderName = "X-Api-Key";

    /// <summary>The key of the request, from <c>Authorization: Bearer</c> or <c>X-Api-Key</c>.</summary>
    public static string? Presented(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return authorization["Bearer ".Length..].Trim();
        }

        var header = request.Headers[HeaderName].ToString();
        return header.Length > 0 ? header.Trim() : null;
    }

    public static int KeyId(this ClaimsPrincipal user) =>
        int.Parse(user.FindFirstValue(KeyIdClaim) ?? throw new InvalidOperationException("Not an API key principal."), CultureInfo.InvariantCulture);
}

/// <summary>
/// Authenticates the till by its API key, in the tenant's own database: a key of tenant A is never found in tenant B
/// (and a key naming another tenant is refused before any lookup). Missing, unknown and revoked keys get a 401 problem.
/// Known keys are read through <see cref="ApiKeyCache"/>.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    TimeProvider clock,
    ApiKeyCache keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    private (PosProblemKind Kind, string Detail)? _failure;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = ApiKeyDefaults.Presented(Request);
        if (presented is null)
        {
            _failure = (PosProblems.MissingKey, "Send the key as 'Authorization: Bearer <key>' or in the X-Api-Key header. Keys are created in the back office under Settings → API keys.");
            return AuthenticateResult.NoResult();
        }

        var tenant = Context.GetTenant();
        var parts = ApiKeyParts.Parse(presented);
        if (parts is null || tenant is null || !string.Equals(parts.Tenant, tenant.Identifier, StringComparison.Ordinal))
        {
            return Fail(PosProblems.InvalidKey, "This API key is not valid for this merchant.");
        }

        var db = Context.RequestServices.GetRequiredService<TenantDbContext>();
        var key = await keys.FindAsync(tenant.Id, parts.Prefix, db, Context.RequestAborted);
        if (key is null || !ApiKeyService.HashMatches(presented, key.SecretHash))
        {
            return Fail(PosProblems.InvalidKey, "This API key is not valid for this merchant.");
        }

        if (key.RevokedAt is not null)
        {
            return Fail(PosProblems.RevokedKey, "This API key was revoked. Create a new one under Settings → API keys.");
        }

        var now = clock.GetUtcNow();
        if (key.LastUsedAt is not { } last || now - last >= LastUsedResolution)
        {
            await db.ApiKeys.Where(k => k.Id == key.Id).ExecuteUpdateAsync(u => u.SetProperty(k => k.LastUsedAt, now), Context.RequestAborted);
            keys.Used(tenant.Id, parts.Prefix, now);
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(ApiKeyDefaults.KeyIdClaim, key.Id.ToString(CultureInfo.InvariantCulture)),
                new Claim(ClaimTypes.Name, $"API key {key.Name}"),
                new Claim(VibeClaims.Tenant, tenant.Id),
                new Claim(VibeClaims.Kind, "ApiKey"),
            ],
            ApiKeyDefaults.Scheme);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), ApiKeyDefaults.Scheme));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var (kind, detail) = _failure ?? (PosProblems.MissingKey, "An API key is required.");
        Response.Headers.WWWAuthenticate = "Bearer";
        return PosProblems.WriteAsync(Context, kind, detail);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        PosProblems.WriteAsync(Context, PosProblems.Forbidden, "This API key may not call this endpoint.");

    private AuthenticateResult Fail(PosProblemKind kind, string detail)
    {
        _failure = (kind, detail);
        return AuthenticateResult.Fail(detail);
    }
}

/// <summary>For <c>/api/v1/...</c> without the tenant in the path: the tenant named inside the API key.</summary>
public sealed class ApiKeyTenantStrategy : ITenantResolutionStrategy
{
    public int Order => 300;

    public string? GetIdentifier(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Request.Path.StartsWithSegments(PosApiRoutes.Root, StringComparison.OrdinalIgnoreCase)
            ? ApiKeyParts.Parse(ApiKeyDefaults.Presented(context.Request))?.Tenant
            : null;
    }
}
