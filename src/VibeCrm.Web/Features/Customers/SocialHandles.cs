using System.Text.RegularExpressions;

namespace VibeCrm.Web.Features.Customers;

public enum SocialNetwork
{
    Instagram,
    Facebook,
    X,
    TikTok,
    LinkedIn,
}

/// <summary>
/// Social profiles are stored as bare handles ("chloe.dupont"), whatever the person typed: "@chloe.dupont",
/// "instagram.com/chloe.dupont" or the full URL with query string. Links are rebuilt from the handle.
/// </summary>
public static partial class SocialHandles
{
    private static readonly Dictionary<SocialNetwork, (string[] Hosts, Regex Valid, string Url, string Name)> Networks = new()
    {
        [SocialNetwork.Instagram] = (["instagram.com", "instagr.am"], InstagramPattern(), "https://www.instagram.com/{0}", "Instagram"),
        [SocialNetwork.Facebook] = (["facebook.com", "fb.com", "m.facebook.com"], FacebookPattern(), "https://www.facebook.com/{0}", "Facebook"),
        [SocialNetwork.X] = (["x.com", "twitter.com", "mobile.twitter.com"], XPattern(), "https://x.com/{0}", "X"),
        [SocialNetwork.TikTok] = (["tiktok.com"], TikTokPattern(), "https://www.tiktok.com/@{0}", "TikTok"),
        [SocialNetwork.LinkedIn] = (["linkedin.com"], LinkedInPattern(), "https://www.linkedin.com/in/{0}", "LinkedIn"),
    };

    public static string DisplayName(SocialNetwork network) => Networks[network].Name;

    /// <summary>The bare handle; null for empty input; an error message when it is not a handle or a profile link of that network.</summary>
    public static (string? Handle, string? Error) Normalize(SocialNetwork network, string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return (null, null);
        }

        var (hosts, valid, _, name) = Networks[network];
        var text = raw.Trim();
        var handle = text;
        if (text.Contains('/', StringComparison.Ordinal) || text.Contains("://", StringComparison.Ordinal))
        {
            var withScheme = text.Contains("://", StringComparison.Ordinal) ? text : "https://" + text;
            if (!Uri.TryCreate(withScheme, UriKind.Absolute, out var uri)
                || !hosts.Any(h => uri.Host.Equals(h, StringComparison.OrdinalIgnoreCase) || uri.Host.EndsWith("." + h, StringComparison.OrdinalIgnoreCase)))
            {
                return (null, $"“{text}” is not a {name} profile link or handle.");
            }

            var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
            if (network == SocialNetwork.LinkedIn)
            {
                // linkedin.com/in/{handle}; company pages are not people.
                handle = segments.Length >= 2 && segments[0].Equals("in", StringComparison.OrdinalIgnoreCase) ? segments[1] : "";
            }
            else if (network == SocialNetwork.Facebook && segments.Length == 1 && segments[0].Equals("profile.php", StringComparison.OrdinalIgnoreCase))
            {
                handle = System.Web.HttpUtility.ParseQueryString(uri.Query)["id"] ?? "";
            }
            else
            {
                handle = segments.Length > 0 ? segments[0] : "";
            }
        }

        handle = handle.TrimStart('@');
        if (network == SocialNetwork.LinkedIn)
        {
            handle = Uri.UnescapeDataString(handle);
        }

        return valid.IsMatch(handle) ? (handle, null) : (null, $"“{text}” is not a valid {name} handle.");
    }

    /// <summary>The public profile URL of a stored handle.</summary>
    public static string Url(SocialNetwork network, string handle) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, Networks[network].Url, Uri.EscapeDataString(handle));

    [GeneratedRegex(@"^[A-Za-z0-9._]{1,30}$", RegexOptions.None, 1000)]
    private static partial Regex InstagramPattern();

    [GeneratedRegex(@"^[A-Za-z0-9.\-]{1,50}$", RegexOptions.None, 1000)]
    private static partial Regex FacebookPattern();

    [GeneratedRegex(@"^[A-Za-z0-9_]{1,15}$", RegexOptions.None, 1000)]
    private static partial Regex XPattern();

    [GeneratedRegex(@"^[A-Za-z0-9._]{2,24}$", RegexOptions.None, 1000)]
    private static partial Regex TikTokPattern();

    [GeneratedRegex(@"^[\p{L}\p{N}\-_]{3,100}$", RegexOptions.None, 1000)]
    private static partial Regex LinkedInPattern();
}
