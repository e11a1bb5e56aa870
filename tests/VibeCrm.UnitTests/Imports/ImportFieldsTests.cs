using VibeCrm.Data.Crm;
using VibeCrm.Web.Features.Imports;

namespace VibeCrm.UnitTests.Imports;

public sealed class ImportFieldsTests
{
    private static readonly CustomFieldDefinition Drink = new() { Id = 7, Key = "favourite_drink", Label = "Favourite drink", Type = CustomFieldType.Text };

    [Theory]
    [InlineData("E-mail", "email")]
    [InlineData("MAIL", "email")]
    [InlineData("Courriel", "email")]
    [InlineData("Adresse e-mail", "email")]
    [InlineData("Customer email", "email")]
    [InlineData("Phone", "phone")]
    [InlineData("Mobile", "phone")]
    [InlineData("Tél.", "phone")]
    [InlineData("Téléphone", "phone")]
    [InlineData("Prénom", "first_name")]
    [InlineData("First Name", "first_name")]
    [InlineData("given_name", "first_name")]
    [InlineData("Nom", "last_name")]
    [InlineData("Surname", "last_name")]
    [InlineData("Name", "full_name")]
    [InlineData("ZIP", "postal_code")]
    [InlineData("CP", "postal_code")]
    [InlineData("Code postal", "postal_code")]
    [InlineData("Date de naissance", "birthday")]
    [InlineData("Ville", "city")]
    [InlineData("Pays", "country")]
    [InlineData("Tags", "tags")]
    [InlineData("Twitter", "x")]
    [InlineData("Favourite drink", "custom:favourite_drink")]
    [InlineData("favourite_drink", "custom:favourite_drink")]
    [InlineData("Loyalty points", "")]
    public void Suggests_a_field_from_the_header(string header, string expected) =>
        Assert.Equal(expected, ImportFields.Suggest([header], ImportFields.For(ImportKind.Customers, [Drink]))[0]);

    [Fact]
    public void A_field_is_suggested_for_one_column_only()
    {
        var suggestions = ImportFields.Suggest(["Email", "E-mail", "Mobile", "Phone"], ImportFields.For(ImportKind.Customers, []));
        Assert.Equal(["email", "", "phone", ""], suggestions);
    }

    [Fact]
    public void Leads_have_their_own_fields()
    {
        var fields = ImportFields.For(ImportKind.Leads, [Drink]);
        Assert.Equal(["email", "company", "source", "notes"], ImportFields.Suggest(["Courriel", "Société", "Source", "Comments"], fields));
        Assert.DoesNotContain(fields, f => f.Key == "birthday" || f.Custom is not null);
    }

    [Fact]
    public void Archived_custom_fields_are_not_offered()
    {
        var archived = new CustomFieldDefinition { Id = 8, Key = "old", Label = "Old", IsArchived = true };
        Assert.DoesNotContain(ImportFields.For(ImportKind.Customers, [archived]), f => f.Key == "custom:old");
    }

    [Theory]
    [InlineData(new[] { "email", "email" }, "more than one column")]
    [InlineData(new[] { "city", "" }, "at least one")]
    [InlineData(new[] { "full_name", "first_name" }, "not both")]
    [InlineData(new[] { "hacked", "email" }, "not a field")]
    public void Bad_mappings_say_why(string[] targets, string reason) =>
        Assert.Contains(reason, ImportFields.Validate(targets, ImportFields.For(ImportKind.Customers, [])), StringComparison.Ordinal);

    [Fact]
    public void A_good_mapping_passes() =>
        Assert.Null(ImportFields.Validate(["first_name", "", "email"], ImportFields.For(ImportKind.Customers, [])));
}
