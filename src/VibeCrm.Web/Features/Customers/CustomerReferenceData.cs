namespace VibeCrm.Web.Features.Customers;

/// <summary>The fixed lists a customer profile chooses from: countries (ISO 3166-1 alpha-2), languages and time zones.</summary>
public static class CustomerReferenceData
{
    /// <summary>ISO 3166-1 alpha-2 codes with English names (from the tz database's iso3166.tab).</summary>
    public static readonly IReadOnlyDictionary<string, string> Countries = new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        ["AD"] = "Andorra", ["AE"] = "United Arab Emirates", ["AF"] = "Afghanistan", ["AG"] = "Antigua & Barbuda", ["AI"] = "Anguilla",
        ["AL"] = "Albania", ["AM"] = "Armenia", ["AO"] = "Angola", ["AQ"] = "Antarctica", ["AR"] = "Argentina", ["AS"] = "Samoa (American)",
        ["AT"] = "Austria", ["AU"] = "Australia", ["AW"] = "Aruba", ["AX"] = "Åland Islands", ["AZ"] = "Azerbaijan", ["BA"] = "Bosnia & Herzegovina",
        ["BB"] = "Barbados", ["BD"] = "Bangladesh", ["BE"] = "Belgium", ["BF"] = "Burkina Faso", ["BG"] = "Bulgaria", ["BH"] = "Bahrain",
        ["BI"] = "Burundi", ["BJ"] = "Benin", ["BL"] = "St Barthelemy", ["BM"] = "Bermuda", ["BN"] = "Brunei", ["BO"] = "Bolivia",
        ["BQ"] = "Caribbean NL", ["BR"] = "Brazil", ["BS"] = "Bahamas", ["BT"] = "Bhutan", ["BV"] = "Bouvet Island", ["BW"] = "Botswana",
        ["BY"] = "Belarus", ["BZ"] = "Belize", ["CA"] = "Canada", ["CC"] = "Cocos (Keeling) Islands", ["CD"] = "Congo (Dem. Rep.)",
        ["CF"] = "Central African Rep.", ["CG"] = "Congo (Rep.)", ["CH"] = "Switzerland", ["CI"] = "Côte d'Ivoire", ["CK"] = "Cook Islands",
        ["CL"] = "Chile", ["CM"] = "Cameroon", ["CN"] = "China", ["CO"] = "Colombia", ["CR"] = "Costa Rica", ["CU"] = "Cuba", ["CV"] = "Cape Verde",
        ["CW"] = "Curaçao", ["CX"] = "Christmas Island", ["CY"] = "Cyprus", ["CZ"] = "Czech Republic", ["DE"] = "Germany", ["DJ"] = "Djibouti",
        ["DK"] = "Denmark", ["DM"] = "Dominica", ["DO"] = "Dominican Republic", ["DZ"] = "Algeria", ["EC"] = "Ecuador", ["EE"] = "Estonia",
        ["EG"] = "Egypt", ["EH"] = "Western Sahara", ["ER"] = "Eritrea", ["ES"] = "Spain", ["ET"] = "Ethiopia", ["FI"] = "Finland", ["FJ"] = "Fiji",
        ["FK"] = "Falkland Islands", ["FM"] = "Micronesia", ["FO"] = "Faroe Islands", ["FR"] = "France", ["GA"] = "Gabon", ["GB"] = "Britain (UK)",
        ["GD"] = "Grenada", ["GE"] = "Georgia", ["GF"] = "French Guiana", ["GG"] = "Guernsey", ["GH"] = "Ghana", ["GI"] = "Gibraltar",
        ["GL"] = "Greenland", ["GM"] = "Gambia", ["GN"] = "Guinea", ["GP"] = "Guadeloupe", ["GQ"] = "Equatorial Guinea", ["GR"] = "Greece",
        ["GS"] = "South Georgia & the South Sandwich Islands", ["GT"] = "Guatemala", ["GU"] = "Guam", ["GW"] = "Guinea-Bissau", ["GY"] = "Guyana",
        ["HK"] = "Hong Kong", ["HM"] = "Heard Island & McDonald Islands", ["HN"] = "Honduras", ["HR"] = "Croatia", ["HT"] = "Haiti",
        ["HU"] = "Hungary", ["ID"] = "Indonesia", ["IE"] = "Ireland", ["IL"] = "Israel", ["IM"] = "Isle of Man", ["IN"] = "India",
        ["IO"] = "British Indian Ocean Territory", ["IQ"] = "Iraq", ["IR"] = "Iran", ["IS"] = "Iceland", ["IT"] = "Italy", ["JE"] = "Jersey",
        ["JM"] = "Jamaica", ["JO"] = "Jordan", ["JP"] = "Japan", ["KE"] = "Kenya", ["KG"] = "Kyrgyzstan", ["KH"] = "Cambodia", ["KI"] = "Kiribati",
        ["KM"] = "Comoros", ["KN"] = "St Kitts & Nevis", ["KP"] = "Korea (North)", ["KR"] = "Korea (South)", ["KW"] = "Kuwait",
        ["KY"] = "Cayman Islands", ["KZ"] = "Kazakhstan", ["LA"] = "Laos", ["LB"] = "Lebanon", ["LC"] = "St Lucia", ["LI"] = "Liechtenstein",
        ["LK"] = "Sri Lanka", ["LR"] = "Liberia", ["LS"] = "Lesotho", ["LT"] = "Lithuania", ["LU"] = "Luxembourg", ["LV"] = "Latvia",
        ["LY"] = "Libya", ["MA"] = "Morocco", ["MC"] = "Monaco", ["MD"] = "Moldova", ["ME"] = "Montenegro", ["MF"] = "St Martin (French)",
        ["MG"] = "Madagascar", ["MH"] = "Marshall Islands", ["MK"] = "North Macedonia", ["ML"] = "Mali", ["MM"] = "Myanmar (Burma)",
        ["MN"] = "Mongolia", ["MO"] = "Macau", ["MP"] = "Northern Mariana Islands", ["MQ"] = "Martinique", ["MR"] = "Mauritania",
        ["MS"] = "Montserrat", ["MT"] = "Malta", ["MU"] = "Mauritius", ["MV"] = "Maldives", ["MW"] = "Malawi", ["MX"] = "Mexico",
        ["MY"] = "Malaysia", ["MZ"] = "Mozambique", ["NA"] = "Namibia", ["NC"] = "New Caledonia", ["NE"] = "Niger", ["NF"] = "Norfolk Island",
        ["NG"] = "Nigeria", ["NI"] = "Nicaragua", ["NL"] = "Netherlands", ["NO"] = "Norway", ["NP"] = "Nepal", ["NR"] = "Nauru", ["NU"] = "Niue",
        ["NZ"] = "New Zealand", ["OM"] = "Oman", ["PA"] = "Panama", ["PE"] = "Peru", ["PF"] = "French Polynesia", ["PG"] = "Papua New Guinea",
        ["PH"] = "Philippines", ["PK"] = "Pakistan", ["PL"] = "Poland", ["PM"] = "St Pierre & Miquelon", ["PN"] = "Pitcairn", ["PR"] = "Puerto Rico",
        ["PS"] = "Palestine", ["PT"] = "Portugal", ["PW"] = "Palau", ["PY"] = "Paraguay", ["QA"] = "Qatar", ["RE"] = "Réunion", ["RO"] = "Romania",
        ["RS"] = "Serbia", ["RU"] = "Russia", ["RW"] = "Rwanda", ["SA"] = "Saudi Arabia", ["SB"] = "Solomon Islands", ["SC"] = "Seychelles",
        ["SD"] = "Sudan", ["SE"] = "Sweden", ["SG"] = "Singapore", ["SH"] = "St Helena", ["SI"] = "Slovenia", ["SJ"] = "Svalbard & Jan Mayen",
        ["SK"] = "Slovakia", ["SL"] = "Sierra Leone", ["SM"] = "San Marino", ["SN"] = "Senegal", ["SO"] = "Somalia", ["SR"] = "Suriname",
        ["SS"] = "South Sudan", ["ST"] = "Sao Tome & Principe", ["SV"] = "El Salvador", ["SX"] = "St Maarten (Dutch)", ["SY"] = "Syria",
        ["SZ"] = "Eswatini (Swaziland)", ["TC"] = "Turks & Caicos Is", ["TD"] = "Chad", ["TF"] = "French S. Terr.", ["TG"] = "Togo",
        ["TH"] = "Thailand", ["TJ"] = "Tajikistan", ["TK"] = "Tokelau", ["TL"] = "East Timor", ["TM"] = "Turkmenistan", ["TN"] = "Tunisia",
        ["TO"] = "Tonga", ["TR"] = "Turkey", ["TT"] = "Trinidad & Tobago", ["TV"] = "Tuvalu", ["TW"] = "Taiwan", ["TZ"] = "Tanzania",
        ["UA"] = "Ukraine", ["UG"] = "Uganda", ["UM"] = "US minor outlying islands", ["US"] = "United States", ["UY"] = "Uruguay",
        ["UZ"] = "Uzbekistan", ["VA"] = "Vatican City", ["VC"] = "St Vincent", ["VE"] = "Venezuela", ["VG"] = "Virgin Islands (UK)",
        ["VI"] = "Virgin Islands (US)", ["VN"] = "Vietnam", ["VU"] = "Vanuatu", ["WF"] = "Wallis & Futuna", ["WS"] = "Samoa (western)",
        ["YE"] = "Yemen", ["YT"] = "Mayotte", ["ZA"] = "South Africa", ["ZM"] = "Zambia", ["ZW"] = "Zimbabwe",
    };

    /// <summary>Languages offered on the profile (ISO 639-1), with their English names. A region may follow: en-GB.</summary>
    public static readonly IReadOnlyDictionary<string, string> Languages = new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        ["ar"] = "Arabic", ["bg"] = "Bulgarian", ["ca"] = "Catalan", ["cs"] = "Czech", ["da"] = "Danish", ["de"] = "German",
        ["el"] = "Greek", ["en"] = "English", ["es"] = "Spanish", ["et"] = "Estonian", ["eu"] = "Basque", ["fa"] = "Persian",
        ["fi"] = "Finnish", ["fr"] = "French", ["ga"] = "Irish", ["he"] = "Hebrew", ["hi"] = "Hindi", ["hr"] = "Croatian",
        ["hu"] = "Hungarian", ["id"] = "Indonesian", ["is"] = "Icelandic", ["it"] = "Italian", ["ja"] = "Japanese", ["ko"] = "Korean",
        ["lt"] = "Lithuanian", ["lv"] = "Latvian", ["ms"] = "Malay", ["mt"] = "Maltese", ["nb"] = "Norwegian Bokmål", ["nl"] = "Dutch",
        ["pl"] = "Polish", ["pt"] = "Portuguese", ["ro"] = "Romanian", ["ru"] = "Russian", ["sk"] = "Slovak", ["sl"] = "Slovenian",
        ["sq"] = "Albanian", ["sr"] = "Serbian", ["sv"] = "Swedish", ["th"] = "Thai", ["tr"] = "Turkish", ["uk"] = "Ukrainian",
        ["vi"] = "Vietnamese", ["zh"] = "Chinese",
    };

    /// <summary>The machine's IANA time zones (Area/City), plus UTC: the same list the sign-up page offers.</summary>
    public static readonly IReadOnlyList<string> TimeZones =
        [.. TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Where(id => id.Contains('/', StringComparison.Ordinal) || id == "UTC").Order(StringComparer.Ordinal)];

    /// <summary>"fr", "en-gb", "EN_GB" → "fr", "en-GB"; null when the language is not in the list.</summary>
    public static string? NormalizeLanguage(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var parts = raw.Trim().Replace('_', '-').Split('-');
        var language = parts[0].ToLowerInvariant();
        if (!Languages.ContainsKey(language) || parts.Length > 2)
        {
            return null;
        }

        if (parts.Length == 1)
        {
            return language;
        }

        var region = parts[1].ToUpperInvariant();
        return Countries.ContainsKey(region) ? $"{language}-{region}" : null;
    }

    public static string? NormalizeCountry(string? raw) =>
        string.IsNullOrWhiteSpace(raw) ? null : Countries.ContainsKey(raw.Trim().ToUpperInvariant()) ? raw.Trim().ToUpperInvariant() : null;

    public static bool IsTimeZone(string id) => TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);
}
