using VibeCrm.Data.Crm;
using VibeCrm.Web.Features.Customers;

namespace VibeCrm.UnitTests.Customers;

public sealed class SocialHandlesTests
{
    [Theory]
    [InlineData(SocialNetwork.Instagram, "@chloe.dpt", "chloe.dpt")]
    [InlineData(SocialNetwork.Instagram, "chloe.dpt", "chloe.dpt")]
    [InlineData(SocialNetwork.Instagram, "https://www.instagram.com/chloe.dpt/?hl=fr", "chloe.dpt")]
    [InlineData(SocialNetwork.Instagram, "instagram.com/chloe.dpt", "chloe.dpt")]
    [InlineData(SocialNetwork.X, "https://twitter.com/chloe_d", "chloe_d")]
    [InlineData(SocialNetwork.X, "x.com/chloe_d/status/123", "chloe_d")]
    [InlineData(SocialNetwork.X, "@Chloe_D", "Chloe_D")]
    [InlineData(SocialNetwork.TikTok, "https://www.tiktok.com/@chloe.d", "chloe.d")]
    [InlineData(SocialNetwork.Facebook, "https://m.facebook.com/chloe.dupont.75", "chloe.dupont.75")]
    [InlineData(SocialNetwork.Facebook, "https://www.facebook.com/profile.php?id=100012345", "100012345")]
    [InlineData(SocialNetwork.LinkedIn, "https://www.linkedin.com/in/chloe-dupont-123/", "chloe-dupont-123")]
    [InlineData(SocialNetwork.LinkedIn, "chloé-dupont", "chloé-dupont")]
    public void Handles_and_profile_links_become_a_bare_handle(SocialNetwork network, string raw, string expected)
    {
        var (handle, error) = SocialHandles.Normalize(network, raw);
        Assert.Null(error);
        Assert.Equal(expected, handle);
    }

    [Theory]
    [InlineData(SocialNetwork.Instagram, "https://example.com/chloe", "is not a Instagram profile link or handle")]
    [InlineData(SocialNetwork.Instagram, "chloe dupont", "is not a valid Instagram handle")]
    [InlineData(SocialNetwork.X, "a_handle_that_is_far_too_long", "is not a valid X handle")]
    [InlineData(SocialNetwork.LinkedIn, "https://www.linkedin.com/company/acme", "is not a valid LinkedIn handle")]
    [InlineData(SocialNetwork.TikTok, "https://instagram.com/chloe", "is not a TikTok profile link or handle")]
    public void Other_sites_and_bad_characters_are_refused(SocialNetwork network, string raw, string message)
    {
        var (handle, error) = SocialHandles.Normalize(network, raw);
        Assert.Null(handle);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_input_is_no_handle_and_no_error() => Assert.Equal((null, null), SocialHandles.Normalize(SocialNetwork.X, "  "));

    [Theory]
    [InlineData(SocialNetwork.Instagram, "chloe.dpt", "https://www.instagram.com/chloe.dpt")]
    [InlineData(SocialNetwork.X, "chloe_d", "https://x.com/chloe_d")]
    [InlineData(SocialNetwork.TikTok, "chloe.d", "https://www.tiktok.com/@chloe.d")]
    [InlineData(SocialNetwork.LinkedIn, "chloe-dupont", "https://www.linkedin.com/in/chloe-dupont")]
    public void Links_are_rebuilt_from_the_handle(SocialNetwork network, string handle, string url) =>
        Assert.Equal(url, SocialHandles.Url(network, handle));
}

public sealed class CustomerRulesTests
{
    [Theory]
    [InlineData("0612345", "FR", new[] { "+33612345" })]
    [InlineData("612345", "FR", new[] { "+33612345", "+612345" })]
    [InlineData("+4420", "FR", new[] { "+4420" })]
    [InlineData("004420", "FR", new[] { "+4420" })]
    [InlineData("4155550", "US", new[] { "+14155550", "+4155550" })]
    [InlineData("0612", null, new string[0])]
    public void Typed_numbers_become_E164_prefixes(string digits, string? region, string[] expected) =>
        Assert.Equal(expected, CustomerQueries.PhonePrefixes(digits, region));

    [Theory]
    [InlineData("Favourite drink", "favourite_drink")]
    [InlineData("  Âge (années) ", "age_annees")]
    [InlineData("Oat milk?", "oat_milk")]
    [InlineData("2nd address", "f_2nd_address")]
    [InlineData("!!!", "field")]
    public void Custom_field_keys_come_from_the_label(string label, string key) => Assert.Equal(key, CustomFieldService.KeyFrom(label));

    [Theory]
    [InlineData(CustomFieldType.Number, "1 234,50", "1234.50")]
    [InlineData(CustomFieldType.Number, "-3", "-3")]
    [InlineData(CustomFieldType.Date, "2024-02-29", "2024-02-29")]
    [InlineData(CustomFieldType.YesNo, "Oui", "true")]
    [InlineData(CustomFieldType.YesNo, "no", "false")]
    [InlineData(CustomFieldType.Choice, "latte", "Latte")]
    [InlineData(CustomFieldType.Text, "  free text ", "free text")]
    public void Custom_values_are_stored_invariantly(CustomFieldType type, string raw, string stored)
    {
        var field = new CustomFieldDefinition { Key = "k", Label = "Field", Type = type, Choices = "Espresso\nLatte" };
        Assert.Equal((stored, null), CustomerService.NormalizeCustomValue(field, raw));
    }

    [Theory]
    [InlineData(CustomFieldType.Number, "12abc")]
    [InlineData(CustomFieldType.Date, "2023-02-29")]
    [InlineData(CustomFieldType.Date, "29/02/2024")]
    [InlineData(CustomFieldType.YesNo, "perhaps")]
    [InlineData(CustomFieldType.Choice, "Mocha")]
    public void Wrong_custom_values_are_refused(CustomFieldType type, string raw)
    {
        var field = new CustomFieldDefinition { Key = "k", Label = "Field", Type = type, Choices = "Espresso\nLatte" };
        var (value, error) = CustomerService.NormalizeCustomValue(field, raw);
        Assert.Null(value);
        Assert.StartsWith("Field must", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Tags_are_trimmed_lower_case_unique_and_at_most_50_characters()
    {
        var (tags, error) = CustomerService.NormalizeTags([" VIP ", "vip", "", "Office   Lunch"]);
        Assert.Null(error);
        Assert.Equal(["vip", "office lunch"], tags);
        Assert.Contains("longer than 50", CustomerService.NormalizeTags([new string('a', 51)]).Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fr", "fr")]
    [InlineData("EN_gb", "en-GB")]
    [InlineData("xx", null)]
    [InlineData("en-ZZ", null)]
    public void Languages_are_normalized_or_refused(string raw, string? expected) => Assert.Equal(expected, CustomerReferenceData.NormalizeLanguage(raw));

    [Fact]
    public void Countries_are_the_ISO_list()
    {
        Assert.Equal("FR", CustomerReferenceData.NormalizeCountry(" fr "));
        Assert.Null(CustomerReferenceData.NormalizeCountry("XX"));
        Assert.True(CustomerReferenceData.Countries.Count > 240);
    }

    [Fact]
    public void List_links_keep_the_filters_and_drop_defaults()
    {
        var query = new CustomerListQuery { Q = " chlo ", Status = CustomerStatus.Active, Tag = "vip", Owner = "none", CreatedFrom = new DateOnly(2025, 1, 2), Size = 50, Page = 3 };
        Assert.Equal("?q=chlo&status=Active&tag=vip&owner=none&createdFrom=2025-01-02&size=50&page=3", query.With());
        Assert.Equal("?q=chlo&status=Active&tag=vip&owner=none&createdFrom=2025-01-02&sort=name&dir=asc&size=50", query.With(page: 1, sort: "name", dir: "asc"));
        Assert.Equal("activity", query.EffectiveSort); // searching shows recently active people first by default
        Assert.Equal("created", new CustomerListQuery().EffectiveSort);
        Assert.True(new CustomerListQuery().Descending);
    }
}
