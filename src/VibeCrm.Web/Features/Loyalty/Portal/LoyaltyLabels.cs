using System.Globalization;
using VibeCrm.Data.Loyalty;

namespace VibeCrm.Web.Features.Loyalty.Portal;

/// <summary>Member-facing words for ledger entries, bonuses, benefits and rewards.</summary>
public static class LoyaltyLabels
{
    public static string Entry(LedgerEntryType type, string? reason, string? rewardName, string? store, decimal? total, string currency) => type switch
    {
        LedgerEntryType.Earn => total is { } t ? $"Purchase of {TierProgressView.Money(t, currency)}{At(store)}" : "Purchase",
        LedgerEntryType.PendingRelease => "Points unlocked (return window over)",
        LedgerEntryType.Redeem => $"Reward: {rewardName ?? reason ?? "reward"}",
        LedgerEntryType.CancelRedemption => $"Reward cancelled, points returned{(rewardName is null ? "" : ": " + rewardName)}",
        LedgerEntryType.Expire => "Points expired",
        LedgerEntryType.RefundReversal => total is { } rt ? $"Refund on a purchase of {TierProgressView.Money(rt, currency)}" : "Refund",
        LedgerEntryType.Adjust => $"Correction by our team{(string.IsNullOrWhiteSpace(reason) ? "" : ": " + reason)}",
        LedgerEntryType.Bonus => Bonus(reason),
        _ => type.ToString(),
    };

    public static string Bonus(string? rule) => rule switch
    {
        nameof(EarnRuleKind.SignUpBonus) => "Welcome bonus",
        nameof(EarnRuleKind.BirthdayMonth) => "Birthday bonus",
        nameof(EarnRuleKind.ReviewBonus) => "Thank-you bonus for your review",
        nameof(EarnRuleKind.ReferralBonus) => "Referral bonus: a friend joined",
        _ => "Bonus",
    };

    public static string Benefit(TierBenefitKind kind, decimal? value, string? description)
    {
        if (!string.IsNullOrWhiteSpace(description))
        {
            return description;
        }

        return kind switch
        {
            TierBenefitKind.DiscountPercent => $"{Number(value ?? 0)}% off your orders",
            TierBenefitKind.FreeShipping => "Free delivery",
            TierBenefitKind.ExclusiveOffers => "Exclusive member offers",
            TierBenefitKind.PrioritySupport => "Priority service",
            TierBenefitKind.EarnMultiplier => $"{Number(value ?? 1)}× points on every purchase",
            _ => kind.ToString(),
        };
    }

    public static string Reward(RewardKind kind, decimal? value, string currency) => kind switch
    {
        RewardKind.AmountOff => value is { } v ? $"{TierProgressView.Money(v, currency)} off" : "Money off",
        RewardKind.PercentOff => value is { } p ? $"{Number(p)}% off" : "Discount",
        RewardKind.FreeItem => "Free item",
        RewardKind.Voucher => "Partner voucher",
        _ => kind.ToString(),
    };

    public static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public static string Points(int points) => points.ToString("#,##0", CultureInfo.InvariantCulture);

    private static string At(string? store) => string.IsNullOrWhiteSpace(store) ? "" : $" at {store}";
}
