using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using VibeCrm.Tenancy;

namespace VibeCrm.Web.Infrastructure.Auth;

/// <summary>
/// Gives each tenant its own cookie name (<c>.vibecrm.{tenant}.staff</c>), so signing in at one merchant never
/// replaces or reveals the session of another in the same browser. The tenant claim check does the rest.
/// </summary>
public sealed class TenantCookieManager : ICookieManager
{
    private readonly ChunkingCookieManager _inner = new();

    public string? GetRequestCookie(HttpContext context, string key) => _inner.GetRequestCookie(context, Name(context, key));

    public void AppendResponseCookie(HttpContext context, string key, string? value, CookieOptions options) =>
        _inner.AppendResponseCookie(context, Name(context, key), value, options);

    public void DeleteCookie(HttpContext context, string key, CookieOptions options) =>
        _inner.DeleteCookie(context, Name(context, key), options);

    private static string Name(HttpContext context, string key) =>
        context.GetTenant() is { } tenant ? $"{key}.{tenant.Identifier}" : key;
}
