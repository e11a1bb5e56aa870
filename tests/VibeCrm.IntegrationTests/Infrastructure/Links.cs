using System.Net;
using System.Text.RegularExpressions;
using MimeKit;

namespace VibeCrm.IntegrationTests.Infrastructure;

public static partial class Links
{
    /// <summary>The first link in the text part that contains <paramref name="pathPart"/>, as a path and query.</summary>
    public static string Find(MimeMessage message, string pathPart)
    {
        var text = message.TextBody ?? "";
        var url = UrlPattern().Matches(text).Select(m => m.Value).FirstOrDefault(u => u.Contains(pathPart, StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException($"No link with '{pathPart}' in: {text}");
        var uri = new Uri(WebUtility.HtmlDecode(url));
        return uri.PathAndQuery;
    }

    [GeneratedRegex(@"https?://\S+", RegexOptions.None, 1000)]
    private static partial Regex UrlPattern();
}
