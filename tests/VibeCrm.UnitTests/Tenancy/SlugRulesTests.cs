using VibeCrm.Web.Features.Tenants;

namespace VibeCrm.UnitTests.Tenancy;

public sealed class SlugRulesTests
{
    [Theory]
    [InlineData("corner-cafe")]
    [InlineData("bakery42")]
    [InlineData("abc")]
    public void Good_slugs_pass(string slug) => Assert.Null(SlugRules.Validate(slug));

    [Theory]
    [InlineData("admin", "reserved")]
    [InlineData("api", "reserved")]
    [InlineData("signup", "reserved")]
    [InlineData("health", "reserved")]
    [InlineData("lib", "reserved")]
    [InlineData("Corner", "lower-case")]
    [InlineData("corner--cafe", "single hyphens")]
    [InlineData("-corner", "starting with a letter")]
    [InlineData("4corners", "starting with a letter")]
    [InlineData("ab", "3 to 40")]
    [InlineData("", "Choose")]
    public void Bad_slugs_say_why(string slug, string reason) =>
        Assert.Contains(reason, SlugRules.Validate(slug), StringComparison.Ordinal);

    [Theory]
    [InlineData("Café du Coin", "cafe-du-coin")]
    [InlineData("  Joe's  Pizza!! ", "joe-s-pizza")]
    [InlineData("Smørrebrød & Co", "sm-rrebr-d-co")]
    public void A_slug_is_suggested_from_the_business_name(string name, string expected) =>
        Assert.Equal(expected, SlugRules.Suggest(name));
}
