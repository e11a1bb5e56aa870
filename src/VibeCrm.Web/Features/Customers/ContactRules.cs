using System.Globalization;
using System.Net.Mail;
using System.Text;
using PhoneNumbers;

namespace VibeCrm.Web.Features.Customers;

/// <summary>
/// How names, emails and phones are normalized for storage, matching and search. Shared by the customer
/// forms, leads, imports and the POS API, so the same person is recognised whichever way they arrive.
/// </summary>
public static class ContactRules
{
    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();

    /// <summary>Lower case, accents removed, single spaces: "  Chloé  Dupont " → "chloe dupont".</summary>
    public static string SearchKey(params string?[] parts)
    {
        var joined = string.Join(' ', parts.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim()));
        var decomposed = joined.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var lastWasSpace = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                if (!lastWasSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                lastWasSpace = true;
                continue;
            }

            builder.Append(char.ToLowerInvariant(c));
            lastWasSpace = false;
        }

        return builder.ToString().TrimEnd();
    }

    /// <summary>A valid email, trimmed; null for empty input; an error message for a malformed one.</summary>
    public static (string? Email, string? Error) Email(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return (null, null);
        }

        var trimmed = raw.Trim();
        return MailAddress.TryCreate(trimmed, out var address) && address.Address == trimmed && trimmed.Contains('.', StringComparison.Ordinal)
            ? (trimmed, null)
            : (null, $"“{trimmed}” is not a valid email address.");
    }

    public static string? NormalizeEmail(string? email) => string.IsNullOrWhiteSpace(email) ? null : email.Trim().ToLowerInvariant();

    /// <summary>
    /// A phone number in E.164 (+33612345678). Numbers without a country code are read in
    /// <paramref name="defaultRegion"/> (ISO 3166 alpha-2), when known.
    /// </summary>
    public static (string? Phone, string? Error) Phone(string? raw, string? defaultRegion)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return (null, null);
        }

        var trimmed = raw.Trim();
        try
        {
            var parsed = Phones.Parse(trimmed, trimmed.StartsWith('+') ? null : defaultRegion ?? "ZZ");
            return Phones.IsValidNumber(parsed)
                ? (Phones.Format(parsed, PhoneNumberFormat.E164), null)
                : (null, $"“{trimmed}” is not a valid phone number.");
        }
        catch (NumberParseException)
        {
            return (null, defaultRegion is null
                ? $"“{trimmed}” needs a country code, for example +44 20 7946 0958."
                : $"“{trimmed}” is not a valid phone number.");
        }
    }

    /// <summary>The country a tenant most likely dials in, from its time zone; null when unknown.</summary>
    public static string? RegionFromTimeZone(string? timeZoneId) =>
        timeZoneId is not null && TimeZoneRegions.TryGetValue(timeZoneId, out var region) ? region : null;

    private static readonly Dictionary<string, string> TimeZoneRegions = new(StringComparer.Ordinal)
    {
        ["Europe/Paris"] = "FR", ["Europe/London"] = "GB", ["Europe/Dublin"] = "IE", ["Europe/Berlin"] = "DE",
        ["Europe/Madrid"] = "ES", ["Europe/Rome"] = "IT", ["Europe/Lisbon"] = "PT", ["Europe/Amsterdam"] = "NL",
        ["Europe/Brussels"] = "BE", ["Europe/Luxembourg"] = "LU", ["Europe/Zurich"] = "CH", ["Europe/Vienna"] = "AT",
        ["Europe/Stockholm"] = "SE", ["Europe/Oslo"] = "NO", ["Europe/Copenhagen"] = "DK", ["Europe/Helsinki"] = "FI",
        ["Europe/Warsaw"] = "PL", ["Europe/Prague"] = "CZ", ["Europe/Budapest"] = "HU", ["Europe/Athens"] = "GR",
        ["Europe/Bucharest"] = "RO", ["Europe/Istanbul"] = "TR", ["Europe/Kyiv"] = "UA", ["America/New_York"] = "US",
        ["America/Chicago"] = "US", ["America/Denver"] = "US", ["America/Los_Angeles"] = "US", ["America/Phoenix"] = "US",
        ["America/Toronto"] = "CA", ["America/Vancouver"] = "CA", ["America/Mexico_City"] = "MX", ["America/Sao_Paulo"] = "BR",
        ["America/Argentina/Buenos_Aires"] = "AR", ["America/Bogota"] = "CO", ["America/Lima"] = "PE", ["America/Santiago"] = "CL",
        ["Australia/Sydney"] = "AU", ["Australia/Melbourne"] = "AU", ["Australia/Perth"] = "AU", ["Pacific/Auckland"] = "NZ",
        ["Asia/Tokyo"] = "JP", ["Asia/Seoul"] = "KR", ["Asia/Shanghai"] = "CN", ["Asia/Hong_Kong"] = "HK",
        ["Asia/Singapore"] = "SG", ["Asia/Kolkata"] = "IN", ["Asia/Dubai"] = "AE", ["Africa/Johannesburg"] = "ZA",
        ["Africa/Casablanca"] = "MA", ["Africa/Lagos"] = "NG", ["Africa/Nairobi"] = "KE", ["Africa/Cairo"] = "EG",
    };
}
