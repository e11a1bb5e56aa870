using System.Globalization;
using VibeCrm.Data.Crm;
using VibeCrm.Web.Features.Customers;

namespace VibeCrm.Web.Features.Imports;

/// <summary>A problem with one cell of one row. <see cref="Row"/> is the row as numbered in the file, the header being row 1.</summary>
public sealed record ImportRowError(int Row, string Field, string Reason);

/// <summary>One row read into normalized values, ready to be written (only the mapped, non-empty cells are present).</summary>
public sealed class ImportDraft
{
    public Dictionary<string, string> Values { get; } = new(StringComparer.Ordinal);

    public List<string> Tags { get; } = [];

    /// <summary>Custom field id → invariant text value.</summary>
    public Dictionary<int, string> Custom { get; } = [];

    public string? NormalizedEmail => ContactRules.NormalizeEmail(Get(ImportFields.Email));

    public string? Phone => Get(ImportFields.Phone);

    public string? Get(string key) => Values.TryGetValue(key, out var value) ? value : null;
}

/// <summary>
/// Reads one CSV row through the column mapping, with the same rules as the customer forms
/// (<see cref="ContactRules"/> for emails and E.164 phones, lower-case tags, custom values checked by type).
/// </summary>
public sealed class ImportRowParser
{
    private static readonly string[] DayFirstDates = ["yyyy-MM-dd", "d/M/yyyy", "d.M.yyyy", "d-M-yyyy", "yyyy/M/d", "d/M/yy", "d.M.yy"];
    private static readonly string[] MonthFirstDates = ["yyyy-MM-dd", "M/d/yyyy", "M-d-yyyy", "yyyy/M/d", "M/d/yy"];
    private static readonly Lazy<Dictionary<string, string>> CountryNames = new(BuildCountryNames);
    private static readonly Lazy<HashSet<string>> CountryCodes = new(() => CountryNames.Value.Values.ToHashSet(StringComparer.Ordinal));
    private static readonly HashSet<string> MonthFirstRegions = new(["US", "CA", "PH"], StringComparer.Ordinal);

    private readonly ImportField?[] _columns;
    private readonly string? _region;
    private readonly string[] _dateFormats;

    /// <param name="targets">One field key per CSV column (or <see cref="ImportFields.Ignore"/>).</param>
    /// <param name="region">The tenant's dialling region, for phone numbers without a country code (and the date order).</param>
    public ImportRowParser(IReadOnlyList<ImportField> fields, IReadOnlyList<string> targets, string? region)
    {
        _columns = [.. targets.Select(t => t == ImportFields.Ignore ? null : fields.FirstOrDefault(f => f.Key == t))];
        _region = region;
        _dateFormats = region is not null && MonthFirstRegions.Contains(region) ? MonthFirstDates : DayFirstDates;
    }

    public IEnumerable<ImportField> MappedFields => _columns.OfType<ImportField>();

    /// <summary>Reads <paramref name="cells"/> (row <paramref name="row"/> of the file) into a draft, or the reasons it cannot be imported.</summary>
    public (ImportDraft Draft, IReadOnlyList<ImportRowError> Errors) Parse(int row, IReadOnlyList<string> cells)
    {
        var draft = new ImportDraft();
        var errors = new List<ImportRowError>();
        for (var i = 0; i < _columns.Length && i < cells.Count; i++)
        {
            if (_columns[i] is not { } field)
            {
                continue;
            }

            var raw = Unquote(cells[i].Trim());
            if (raw.Length == 0)
            {
                if (field.Custom is { IsRequired: true })
                {
                    errors.Add(new(row, field.Label, $"{field.Label} is required."));
                }

                continue;
            }

            if (Read(field, raw, draft) is { } error)
            {
                errors.Add(new(row, field.Label, error));
            }
        }

        if (errors.Count == 0 && !draft.Values.ContainsKey(ImportFields.FirstName) && !draft.Values.ContainsKey(ImportFields.LastName)
            && draft.NormalizedEmail is null && draft.Phone is null)
        {
            errors.Add(new(row, "Row", "The row has no name, email or phone."));
        }

        return (draft, errors);
    }

    private string? Read(ImportField field, string raw, ImportDraft draft)
    {
        switch (field.Kind)
        {
            case ImportValueKind.FullName:
                var (first, last) = SplitFullName(raw);
                if (first.Length > 100 || last.Length > 100)
                {
                    return "Names are limited to 100 characters.";
                }

                Set(draft, ImportFields.FirstName, first);
                Set(draft, ImportFields.LastName, last);
                return null;
            case ImportValueKind.Email:
                var (email, emailError) = ContactRules.Email(raw);
                return emailError ?? TooLong(field, email!) ?? Set(draft, field.Key, email!);
            case ImportValueKind.Phone:
                var (phone, phoneError) = ContactRules.Phone(raw, _region);
                return phoneError ?? Set(draft, field.Key, phone!);
            case ImportValueKind.Date:
                return ParseDate(raw, out var date) ? Set(draft, field.Key, date) : $"“{raw}” is not a date (use {_dateFormats[1].ToUpperInvariant()} or YYYY-MM-DD).";
            case ImportValueKind.Country:
                return Country(raw) is { } country ? Set(draft, field.Key, country) : $"“{raw}” is not a country (use a two-letter code such as FR or GB).";
            case ImportValueKind.Language:
                return Language(raw) is { } language ? Set(draft, field.Key, language) : $"“{raw}” is not a language (use a code such as fr or en-GB).";
            case ImportValueKind.Tags:
                foreach (var tag in raw.Split([';', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    var lower = tag.ToLowerInvariant();
                    if (lower.Length > field.MaxLength)
                    {
                        return $"The tag “{tag}” is longer than {field.MaxLength} characters.";
                    }

                    if (!draft.Tags.Contains(lower, StringComparer.Ordinal))
                    {
                        draft.Tags.Add(lower);
                    }
                }

                return null;
            case ImportValueKind.CustomerStatus:
                return ParseEnum<CustomerStatus>(raw) is { } status ? Set(draft, field.Key, status.ToString()) : $"“{raw}” is not a status (Active, Inactive or Blocked).";
            case ImportValueKind.Channel:
                return ParseEnum<ContactChannel>(raw) is { } channel ? Set(draft, field.Key, channel.ToString()) : $"“{raw}” is not a channel (Email, Sms, Push or DirectMail).";
            case ImportValueKind.LeadSource:
                return ParseEnum<LeadSource>(raw) is { } source ? Set(draft, field.Key, source.ToString()) : $"“{raw}” is not a lead source ({string.Join(", ", Enum.GetNames<LeadSource>())}).";
            case ImportValueKind.Custom:
                var (value, customError) = CustomValue(field.Custom!, raw);
                if (customError is null)
                {
                    draft.Custom[field.Custom!.Id] = value!;
                }

                return customError;
            default:
                return TooLong(field, raw) ?? Set(draft, field.Key, raw);
        }
    }

    /// <summary>"Chloé Dupont" → (Chloé, Dupont); "Dupont, Chloé" → (Chloé, Dupont); "Jean-Luc de la Tour" → (Jean-Luc, de la Tour).</summary>
    public static (string First, string Last) SplitFullName(string raw)
    {
        var text = string.Join(' ', raw.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        var comma = text.IndexOf(',', StringComparison.Ordinal);
        if (comma >= 0)
        {
            return (text[(comma + 1)..].Trim(), text[..comma].Trim());
        }

        var space = text.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? (text, "") : (text[..space], text[(space + 1)..]);
    }

    /// <summary>A custom value in its invariant form (numbers with '.', dates yyyy-MM-dd, yes/no as true/false, the choice as defined).</summary>
    public (string? Value, string? Error) CustomValue(CustomFieldDefinition field, string raw)
    {
        switch (field.Type)
        {
            case CustomFieldType.Number:
                var text = raw.Replace(" ", "", StringComparison.Ordinal).Replace('\u00A0'.ToString(), "", StringComparison.Ordinal);
                if (text.Contains(',', StringComparison.Ordinal) && !text.Contains('.', StringComparison.Ordinal))
                {
                    text = text.Replace(',', '.');
                }

                return decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var number)
                    ? (number.ToString(CultureInfo.InvariantCulture), null)
                    : (null, $"“{raw}” is not a number.");
            case CustomFieldType.Date:
                return ParseDate(raw, out var date) ? (date, null) : (null, $"“{raw}” is not a date.");
            case CustomFieldType.YesNo:
                return raw.ToLowerInvariant() switch
                {
                    "yes" or "y" or "true" or "1" or "oui" or "o" or "x" or "ja" or "si" or "sí" => ("true", null),
                    "no" or "n" or "false" or "0" or "non" or "nein" => ("false", null),
                    _ => (null, $"“{raw}” is not yes or no."),
                };
            case CustomFieldType.Choice:
                return field.ChoiceList.FirstOrDefault(c => string.Equals(c, raw, StringComparison.OrdinalIgnoreCase)) is { } choice
                    ? (choice, null)
                    : (null, $"“{raw}” is not one of: {string.Join(", ", field.ChoiceList)}.");
            default:
                return raw.Length > 1000 ? (null, "The value is longer than 1000 characters.") : (raw, null);
        }
    }

    /// <summary>Values we exported were protected against formulas with a leading quote ('+33...); read them back without it.</summary>
    private static string Unquote(string raw) =>
        raw.Length > 1 && raw[0] == '\'' && raw[1] is '=' or '+' or '-' or '@' ? raw[1..] : raw;

    private bool ParseDate(string raw, out string value)
    {
        var ok = DateOnly.TryParseExact(raw, _dateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            && date.Year >= 1900 && date.Year <= 2100;
        value = ok ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "";
        return ok;
    }

    private static string? Set(ImportDraft draft, string key, string value)
    {
        if (value.Length > 0)
        {
            draft.Values[key] = value;
        }

        return null;
    }

    private static string? TooLong(ImportField field, string value) =>
        value.Length > field.MaxLength ? $"The value is longer than {field.MaxLength} characters." : null;

    private static TEnum? ParseEnum<TEnum>(string raw)
        where TEnum : struct, Enum
    {
        var compact = string.Concat(raw.Where(char.IsLetterOrDigit));
        return compact.Length > 0 && !char.IsDigit(compact[0]) && Enum.TryParse<TEnum>(compact, ignoreCase: true, out var value) ? value : null;
    }

    private static string? Country(string raw)
    {
        if (raw.Length == 2 && raw.All(char.IsAsciiLetter))
        {
            var code = raw.ToUpperInvariant();
            return CountryCodes.Value.Contains(code) ? code : null;
        }

        return CountryNames.Value.TryGetValue(ContactRules.SearchKey(raw), out var byName) ? byName : null;
    }

    private static string? Language(string raw)
    {
        try
        {
            var culture = CultureInfo.GetCultureInfo(raw.Replace('_', '-'), predefinedOnly: true);
            if (culture.Name.Length > 0)
            {
                return culture.Name;
            }
        }
        catch (CultureNotFoundException)
        {
        }

        var key = ContactRules.SearchKey(raw);
        return CultureInfo.GetCultures(CultureTypes.NeutralCultures)
            .FirstOrDefault(c => c.Name.Length > 0 && (ContactRules.SearchKey(c.EnglishName) == key || ContactRules.SearchKey(c.NativeName) == key))?.Name;
    }

    private static Dictionary<string, string> BuildCountryNames()
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var culture in CultureInfo.GetCultures(CultureTypes.SpecificCultures))
        {
            RegionInfo region;
            try
            {
                region = new RegionInfo(culture.Name);
            }
            catch (ArgumentException)
            {
                continue;
            }

            if (region.TwoLetterISORegionName.Length != 2 || !region.TwoLetterISORegionName.All(char.IsAsciiLetter))
            {
                continue;
            }

            names.TryAdd(ContactRules.SearchKey(region.EnglishName), region.TwoLetterISORegionName);
            names.TryAdd(ContactRules.SearchKey(region.NativeName), region.TwoLetterISORegionName);
            names.TryAdd(ContactRules.SearchKey(region.TwoLetterISORegionName), region.TwoLetterISORegionName);
        }

        names.TryAdd("uk", "GB");
        names.TryAdd("usa", "US");
        return names;
    }
}
