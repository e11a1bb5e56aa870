using System.Text.RegularExpressions;

namespace VibeCrm.Web.Features.Tenants;

/// <summary>What a tenant's URL slug may be.</summary>
public static partial class SlugRules
{
    /// <summary>Names that are, or may become, platform paths or host names.</summary>
    public static readonly IReadOnlySet<string> Reserved = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "admin", "api", "app", "assets", "auth", "account", "billing", "css", "dev", "docs", "error", "errors",
        "favicon.ico", "hangfire", "health", "help", "img", "js", "lib", "login", "logout", "mail", "platform",
        "portal", "robots.txt", "root", "signin", "signup", "sign-in", "sign-up", "static", "status", "support",
        "system", "www", "webhooks", "openapi", "scalar", "swagger", "vibecrm", "test", "null", "undefined",
    };

    public const int MinLength = 3;
    public const int MaxLength = 40;

    /// <summary>Lower-case letters, digits and single hyphens, starting with a letter.</summary>
    [GeneratedRegex("^[a-z][a-z0-9]*(-[a-z0-9]+)*$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 200)]
    private static partial Regex Pattern();

    /// <summary>A problem with the slug, or null when it can be used (uniqueness is checked by the caller).</summary>
    public static string? Validate(string? slug)
    {
        if (string.IsNullOrWhiteSpace(slug))
        {
            return "Choose a URL name for your business.";
        }

        if (slug.Length < MinLength || slug.Length > MaxLength)
        {
            return $"The URL name must be {MinLength} to {MaxLength} characters long.";
        }

        if (!Pattern().IsMatch(slug))
        {
            return "Use lower-case letters, digits and single hyphens, starting with a letter (for example: corner-cafe).";
        }

        return Reserved.Contains(slug) ? $"“{slug}” is reserved. Please choose another URL name." : null;
    }

    public static bool IsValid(string? slug) => Validate(slug) is null;

    /// <summary>A slug suggestion from a business name: "Café du Coin" → "cafe-du-coin".</summary>
    public static string Suggest(string name)
    {
        var normalized = name.Normalize(System.Text.NormalizationForm.FormD);
        var chars = normalized
            .Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)
            .Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-');
        var slug = HyphenRuns().Replace(new string([.. chars]), "-").Trim('-');
        return slug.Length > MaxLength ? slug[..MaxLength].TrimEnd('-') : slug;
    }

    [GeneratedRegex("-{2,}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex HyphenRuns();
}

/// <summary>Keeps <c>{tenant}</c> routes away from platform paths such as /platform and /signup.</summary>
public sealed class TenantSlugRouteConstraint : IRouteConstraint
{
    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
        values.TryGetValue(routeKey, out var value) && value is string slug && SlugRules.IsValid(slug.ToLowerInvariant());
}
