using VibeCrm.Data.Crm;
using VibeCrm.Web.Features.Imports;

namespace VibeCrm.UnitTests.Imports;

public sealed class ImportRowParserTests
{
    private static readonly CustomFieldDefinition Visits = new() { Id = 1, Key = "visits", Label = "Visits", Type = CustomFieldType.Number };
    private static readonly CustomFieldDefinition Since = new() { Id = 2, Key = "since", Label = "Member since", Type = CustomFieldType.Date };
    private static readonly CustomFieldDefinition Vip = new() { Id = 3, Key = "vip", Label = "VIP", Type = CustomFieldType.YesNo };
    private static readonly CustomFieldDefinition Size = new() { Id = 4, Key = "size", Label = "Size", Type = CustomFieldType.Choice, Choices = "Small\nMedium\nLarge" };
    private static readonly CustomFieldDefinition Store = new() { Id = 5, Key = "store", Label = "Store", Type = CustomFieldType.Text, IsRequired = true };

    private static readonly string[] Targets =
    [
        "full_name", "email", "phone", "birthday", "country", "language", "tags", "status", "preferred_channel",
        "custom:visits", "custom:since", "custom:vip", "custom:size", "custom:store",
    ];

    private static ImportRowParser Parser(string? region = "FR") =>
        new(ImportFields.For(ImportKind.Customers, [Visits, Since, Vip, Size, Store]), Targets, region);

    private static string[] Row(
        string name = "Chloé Dupont", string email = "Chloe@Example.com", string phone = "06 12 34 56 78", string birthday = "31/12/1990",
        string country = "France", string language = "fr", string tags = "VIP; Coffee|vip", string status = "active", string channel = "sms",
        string visits = "3,5", string since = "2020-01-31", string vip = "oui", string size = "medium", string store = "Paris") =>
        [name, email, phone, birthday, country, language, tags, status, channel, visits, since, vip, size, store];

    [Fact]
    public void A_good_row_is_normalized_like_the_customer_forms()
    {
        var (draft, errors) = Parser().Parse(2, Row());
        Assert.Empty(errors);
        Assert.Equal("Chloé", draft.Get("first_name"));
        Assert.Equal("Dupont", draft.Get("last_name"));
        Assert.Equal("Chloe@Example.com", draft.Get("email"));
        Assert.Equal("chloe@example.com", draft.NormalizedEmail);
        Assert.Equal("+33612345678", draft.Phone);
        Assert.Equal("1990-12-31", draft.Get("birthday"));
        Assert.Equal("FR", draft.Get("country"));
        Assert.Equal("fr", draft.Get("language"));
        Assert.Equal(["vip", "coffee"], draft.Tags);
        Assert.Equal("Active", draft.Get("status"));
        Assert.Equal("Sms", draft.Get("preferred_channel"));
        Assert.Equal("3.5", draft.Custom[1]);
        Assert.Equal("2020-01-31", draft.Custom[2]);
        Assert.Equal("true", draft.Custom[3]);
        Assert.Equal("Medium", draft.Custom[4]);
        Assert.Equal("Paris", draft.Custom[5]);
    }

    [Theory]
    [InlineData(1, "not-an-email", "Email", "not a valid email")]
    [InlineData(2, "12", "Phone", "not a valid phone")]
    [InlineData(3, "1990-13-45", "Birthday", "not a date")]
    [InlineData(4, "Atlantis", "Country", "not a country")]
    [InlineData(5, "klingon-xx-yy", "Language", "not a language")]
    [InlineData(7, "gold", "Status", "not a status")]
    [InlineData(8, "pigeon", "Preferred channel", "not a channel")]
    [InlineData(9, "lots", "Visits", "not a number")]
    [InlineData(10, "yesterday", "Member since", "not a date")]
    [InlineData(11, "maybe", "VIP", "not yes or no")]
    [InlineData(12, "XXL", "Size", "not one of: Small, Medium, Large")]
    [InlineData(13, "", "Store", "is required")]
    public void Each_bad_cell_is_reported_with_its_row_field_and_reason(int column, string value, string field, string reason)
    {
        var cells = Row();
        cells[column] = value;
        var (_, errors) = Parser().Parse(17, cells);
        var error = Assert.Single(errors);
        Assert.Equal(17, error.Row);
        Assert.Equal(field, error.Field);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tag_longer_than_50_characters_is_refused()
    {
        var cells = Row(tags: new string('x', 51));
        Assert.Contains("longer than 50", Assert.Single(Parser().Parse(2, cells).Errors).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_phone_without_country_code_needs_the_tenant_region()
    {
        var (_, errors) = Parser(region: null).Parse(2, Row());
        Assert.Contains("country code", Assert.Single(errors).Reason, StringComparison.Ordinal);
        Assert.Empty(Parser(region: null).Parse(2, Row(phone: "+44 20 7946 0958")).Errors);
    }

    [Fact]
    public void A_row_with_no_name_email_or_phone_is_refused()
    {
        var parser = new ImportRowParser(ImportFields.For(ImportKind.Customers, []), ["first_name", "email", "city"], "FR");
        var error = Assert.Single(parser.Parse(4, ["", " ", "Paris"]).Errors);
        Assert.Equal(4, error.Row);
        Assert.Contains("no name, email or phone", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_longer_than_the_column_is_refused()
    {
        var parser = new ImportRowParser(ImportFields.For(ImportKind.Customers, []), ["first_name", "city"], "FR");
        Assert.Contains("longer than 100", Assert.Single(parser.Parse(2, ["Anna", new string('c', 101)]).Errors).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Values_we_exported_with_a_formula_guard_read_back()
    {
        var parser = new ImportRowParser(ImportFields.For(ImportKind.Customers, []), ["phone"], "FR");
        Assert.Equal("+33612345678", parser.Parse(2, ["'+33612345678"]).Draft.Phone);
    }

    [Theory]
    [InlineData("Chloé Dupont", "Chloé", "Dupont")]
    [InlineData("Dupont, Chloé", "Chloé", "Dupont")]
    [InlineData("Jean-Luc de la Tour", "Jean-Luc", "de la Tour")]
    [InlineData("Madonna", "Madonna", "")]
    public void Full_names_are_split(string raw, string first, string last) =>
        Assert.Equal((first, last), ImportRowParser.SplitFullName(raw));

    [Fact]
    public void Lead_sources_are_read_loosely()
    {
        var parser = new ImportRowParser(ImportFields.For(ImportKind.Leads, []), ["email", "source"], "FR");
        Assert.Equal("WalkIn", parser.Parse(2, ["a@example.com", "Walk-in"]).Draft.Get("source"));
        Assert.Contains("not a lead source", Assert.Single(parser.Parse(3, ["a@example.com", "carrier pigeon"]).Errors).Reason, StringComparison.Ordinal);
    }
}
