using VibeCrm.Data.Crm;
using VibeCrm.Web.Features.Customers;

namespace VibeCrm.Web.Features.Imports;

/// <summary>How a CSV cell is read and checked for a target field.</summary>
public enum ImportValueKind
{
    Text,
    FullName,
    Email,
    Phone,
    Date,
    Country,
    Language,
    Tags,
    CustomerStatus,
    Channel,
    LeadSource,
    Custom,
}

/// <summary>A field a CSV column can be mapped to. <see cref="Synonyms"/> are already normalized (see <see cref="ImportFields.NormalizeHeader"/>).</summary>
public sealed record ImportField(string Key, string Label, ImportValueKind Kind, int MaxLength, IReadOnlyList<string> Synonyms, CustomFieldDefinition? Custom = null);

/// <summary>The target fields of an import and the suggestions made from the CSV header names.</summary>
public static class ImportFields
{
    /// <summary>The mapping value of a column that is not imported.</summary>
    public const string Ignore = "";

    public const string FirstName = "first_name";
    public const string LastName = "last_name";
    public const string FullName = "full_name";
    public const string Email = "email";
    public const string Phone = "phone";
    public const string CustomPrefix = "custom:";

    private static readonly ImportField[] Names =
    [
        new(FirstName, "First name", ImportValueKind.Text, 100, ["firstname", "first", "prenom", "givenname", "forename", "vorname", "nombre", "fname"]),
        new(LastName, "Last name", ImportValueKind.Text, 100, ["lastname", "last", "surname", "nom", "familyname", "nomdefamille", "nachname", "apellido", "lname"]),
        new(FullName, "Full name (split)", ImportValueKind.FullName, 201, ["name", "fullname", "nomcomplet", "customer", "customername", "contact", "contactname", "client", "nomprenom", "prenomnom"]),
        new(Email, "Email", ImportValueKind.Email, 256, ["email", "mail", "emailaddress", "courriel", "adressemail", "adresseemail", "adressecourriel", "mel", "emailadresse"]),
        new(Phone, "Phone", ImportValueKind.Phone, 20, ["phone", "mobile", "tel", "telephone", "phonenumber", "cell", "cellphone", "portable", "gsm", "mobilephone", "numerodetelephone", "telmobile", "handy"]),
    ];

    private static readonly ImportField[] CustomerFields =
    [
        .. Names,
        new("birthday", "Birthday", ImportValueKind.Date, 10, ["birthday", "birthdate", "dateofbirth", "dob", "datedenaissance", "naissance", "anniversaire", "geburtstag"]),
        new("gender", "Gender", ImportValueKind.Text, 30, ["gender", "sex", "sexe", "genre"]),
        new("address", "Address", ImportValueKind.Text, 200, ["address", "adresse", "street", "rue", "addressline", "address1", "streetaddress", "voie"]),
        new("city", "City", ImportValueKind.Text, 100, ["city", "ville", "town", "commune", "localite"]),
        new("postal_code", "Postal code", ImportValueKind.Text, 20, ["zip", "zipcode", "postalcode", "postcode", "cp", "codepostal", "plz"]),
        new("country", "Country", ImportValueKind.Country, 2, ["country", "pays", "countrycode", "land"]),
        new("language", "Language", ImportValueKind.Language, 20, ["language", "langue", "lang", "locale", "sprache"]),
        new("tags", "Tags (separated by ; or |)", ImportValueKind.Tags, 50, ["tags", "tag", "labels", "label", "etiquettes", "etiquette"]),
        new("notes", "Notes", ImportValueKind.Text, 4000, ["notes", "note", "comment", "comments", "commentaire", "commentaires", "remarks", "remarques"]),
        new("status", "Status", ImportValueKind.CustomerStatus, 16, ["status", "statut", "customerstatus"]),
        new("preferred_channel", "Preferred channel", ImportValueKind.Channel, 16, ["channel", "preferredchannel", "canal", "canalprefere", "contactpreference"]),
        new("instagram", "Instagram", ImportValueKind.Text, 100, ["instagram", "ig", "insta"]),
        new("facebook", "Facebook", ImportValueKind.Text, 100, ["facebook", "fb"]),
        new("x", "X (Twitter)", ImportValueKind.Text, 100, ["x", "twitter", "xhandle", "xtwitter"]),
        new("tiktok", "TikTok", ImportValueKind.Text, 100, ["tiktok"]),
        new("linkedin", "LinkedIn", ImportValueKind.Text, 200, ["linkedin"]),
    ];

    private static readonly ImportField[] LeadFields =
    [
        .. Names,
        new("company", "Company", ImportValueKind.Text, 200, ["company", "societe", "entreprise", "organisation", "organization", "business", "companyname", "firma"]),
        new("source", "Source", ImportValueKind.LeadSource, 16, ["source", "origin", "origine", "leadsource", "provenance"]),
        new("notes", "Notes", ImportValueKind.Text, 4000, ["notes", "note", "comment", "comments", "commentaire", "commentaires", "remarks", "remarques"]),
    ];

    /// <summary>The fields of <paramref name="kind"/>; customers also get every active custom field, by label.</summary>
    public static IReadOnlyList<ImportField> For(ImportKind kind, IEnumerable<CustomFieldDefinition> customFields) =>
        kind == ImportKind.Leads
            ? LeadFields
            : [.. CustomerFields, .. customFields.Where(f => !f.IsArchived).OrderBy(f => f.SortOrder).ThenBy(f => f.Label, StringComparer.Ordinal)
                .Select(f => new ImportField(CustomPrefix + f.Key, f.Label, ImportValueKind.Custom, 1000, [NormalizeHeader(f.Label), NormalizeHeader(f.Key)], f))];

    /// <summary>Case, accents, spaces and punctuation removed: "E-mail " → "email", "Prénom" → "prenom".</summary>
    public static string NormalizeHeader(string header) =>
        string.Concat(ContactRules.SearchKey(header).Where(char.IsLetterOrDigit));

    /// <summary>One suggested field key per header (or <see cref="Ignore"/>); a field is suggested for one column at most.</summary>
    public static IReadOnlyList<string> Suggest(IReadOnlyList<string> headers, IReadOnlyList<ImportField> fields)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        var result = new string[headers.Count];
        for (var i = 0; i < headers.Count; i++)
        {
            var normalized = NormalizeHeader(headers[i]);
            var withoutDigits = normalized.TrimEnd("0123456789".ToCharArray());
            var free = fields.Where(f => !used.Contains(f.Key)).ToList();
            var match = normalized.Length == 0
                ? null
                : free.FirstOrDefault(f => f.Custom is not null && f.Synonyms.Contains(normalized, StringComparer.Ordinal))
                  ?? free.FirstOrDefault(f => f.Synonyms.Contains(normalized, StringComparer.Ordinal))
                  ?? free.FirstOrDefault(f => withoutDigits.Length > 0 && f.Synonyms.Contains(withoutDigits, StringComparer.Ordinal))
                  ?? free.FirstOrDefault(f => f.Custom is null && f.Synonyms.Any(s => s.Length >= 4 && normalized.Length > s.Length && normalized.EndsWith(s, StringComparison.Ordinal)));
            result[i] = match?.Key ?? Ignore;
            if (match is not null)
            {
                used.Add(match.Key);
            }
        }

        return result;
    }

    /// <summary>Checks a mapping chosen by the person: known fields, each at most once, and something to identify the person.</summary>
    public static string? Validate(IReadOnlyList<string> targets, IReadOnlyList<ImportField> fields)
    {
        var mapped = targets.Where(t => t != Ignore).ToList();
        if (mapped.FirstOrDefault(t => fields.All(f => f.Key != t)) is { } unknown)
        {
            return $"“{unknown}” is not a field you can import.";
        }

        if (mapped.GroupBy(t => t, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            return $"“{fields.First(f => f.Key == twice.Key).Label}” is chosen for more than one column. Choose it once.";
        }

        if (!mapped.Any(t => t is FirstName or LastName or FullName or Email or Phone))
        {
            return "Map at least one of first name, last name, full name, email or phone.";
        }

        return mapped.Contains(FullName) && (mapped.Contains(FirstName) || mapped.Contains(LastName))
            ? "Choose either “Full name (split)” or first/last name columns, not both."
            : null;
    }
}
