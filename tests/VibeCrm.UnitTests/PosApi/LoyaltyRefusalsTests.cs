using System.Reflection;
using VibeCrm.Web.Features.Loyalty;
using VibeCrm.Web.Features.PosApi;

namespace VibeCrm.UnitTests.PosApi;

public sealed class LoyaltyRefusalsTests
{
    /// <summary>Codes that are about the request itself (a 400 validation problem), or that the POS API never meets.</summary>
    private static readonly string[] NotApiKinds =
    [
        LoyaltyErrors.InvalidInput, LoyaltyErrors.CurrencyMismatch, LoyaltyErrors.RefundExceedsPurchase,
        LoyaltyErrors.CodeChanged, LoyaltyErrors.TermsNotAccepted, LoyaltyErrors.AccountNotLinked, LoyaltyErrors.NotManager, LoyaltyErrors.ReasonRequired,
        LoyaltyErrors.UnknownRule, LoyaltyErrors.UnknownTier, LoyaltyErrors.TierInUse,
    ];

    private static IReadOnlyList<string> AllCodes() =>
        [.. typeof(LoyaltyErrors).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)];

    [Fact]
    public void Every_code_is_distinct()
    {
        var codes = AllCodes();
        Assert.True(codes.Count > 20);
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Every_code_maps_to_a_problem_kind_or_is_a_known_request_refusal()
    {
        var unmapped = AllCodes().Where(c => LoyaltyRefusals.KindOf(c) is null).Order(StringComparer.Ordinal);
        Assert.Equal(NotApiKinds.Order(StringComparer.Ordinal), unmapped);
    }

    [Theory]
    [InlineData(LoyaltyErrors.UnknownPurchase, "unknown-purchase", 404)]
    [InlineData(LoyaltyErrors.AlreadyRefunded, "already-refunded", 409)]
    [InlineData(LoyaltyErrors.ProgramNotActive, "program-closed", 409)]
    [InlineData(LoyaltyErrors.NotAMember, "unknown-member", 404)]
    [InlineData(LoyaltyErrors.CustomerNotEligible, "customer-not-eligible", 409)]
    [InlineData(LoyaltyErrors.InsufficientPoints, "insufficient-points", 409)]
    [InlineData(LoyaltyErrors.UnknownReward, "unknown-reward", 404)]
    [InlineData(LoyaltyErrors.RewardNotAvailableNow, "reward-unavailable", 409)]
    [InlineData(LoyaltyErrors.RewardOutOfStock, "reward-unavailable", 409)]
    [InlineData(LoyaltyErrors.RewardForOtherTiers, "reward-unavailable", 409)]
    [InlineData(LoyaltyErrors.RewardLimitReached, "reward-unavailable", 409)]
    [InlineData(LoyaltyErrors.UnknownCode, "unknown-code", 404)]
    [InlineData(LoyaltyErrors.CodeExpired, "code-expired", 409)]
    [InlineData(LoyaltyErrors.CodeUsed, "code-already-used", 409)]
    [InlineData(LoyaltyErrors.CodeCancelled, "code-cancelled", 409)]
    public void A_code_maps_to_its_problem_type_and_status(string code, string slug, int status)
    {
        var kind = LoyaltyRefusals.KindOf(code);
        Assert.NotNull(kind);
        Assert.Equal(slug, kind.Slug);
        Assert.Equal(status, kind.Status);
    }

    [Fact]
    public void A_refusal_without_a_code_is_a_validation_problem_not_a_guess_from_its_message()
    {
        Assert.Null(LoyaltyRefusals.KindOf(null));
        Assert.Null(LoyaltyRefusals.KindOf("Not enough points"));
    }

    [Theory]
    [InlineData("/api/v1/purchases", true)]
    [InlineData("/API/V1", true)]
    [InlineData("/acme/api/v1/reward-codes/X", true)]
    [InlineData("/acme/api/v1", true)]
    [InlineData("/api/v10/purchases", false)]
    [InlineData("/acme/api/v2/purchases", false)]
    [InlineData("/acme/x/api/v1", false)]
    [InlineData("/acme/customers", false)]
    [InlineData("/", false)]
    [InlineData("", false)]
    public void Api_paths_are_recognised_with_or_without_the_tenant(string path, bool expected) =>
        Assert.Equal(expected, PosApiRoutes.IsApiPath(new Microsoft.AspNetCore.Http.PathString(path.Length == 0 ? null : path)));
}
