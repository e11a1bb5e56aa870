namespace VibeCrm.Data.Loyalty;

public enum ProgramStatus
{
    Draft = 0,
    Active = 1,
    Closed = 2,
}

/// <summary>How fractional points of a purchase are rounded (once per purchase, after multipliers).</summary>
public enum EarnRounding
{
    Down = 0,
    Nearest = 1,
}

public enum ExpiryKind
{
    /// <summary>Points never expire.</summary>
    Never = 0,

    /// <summary>Each lot expires <c>ExpiryDays</c> after it was earned.</summary>
    AfterDays = 1,

    /// <summary>Each lot expires at the end of the calendar month it was earned in (program time zone).</summary>
    EndOfMonth = 2,

    /// <summary>Each lot expires at the end of the calendar year it was earned in (program time zone).</summary>
    EndOfYear = 3,

    /// <summary>Everything expires after <c>ExpiryDays</c> without activity.</summary>
    Inactivity = 4,
}

public enum EarnRuleKind
{
    /// <summary>Multiplies the points of lines in <c>Category</c>.</summary>
    CategoryMultiplier = 0,

    /// <summary>Multiplies the points of lines with <c>Sku</c>; wins over a category multiplier on the same line.</summary>
    SkuMultiplier = 1,

    /// <summary>Flat points when a customer joins.</summary>
    SignUpBonus = 2,

    /// <summary>Flat points on the member's first purchase.</summary>
    FirstPurchaseBonus = 3,

    /// <summary>Multiplier on purchases made in the member's birthday month; flat points through the bonus API.</summary>
    BirthdayMonth = 4,

    /// <summary>Multiplier on purchases within a date range and/or on chosen weekdays (e.g. double points days).</summary>
    PromotionMultiplier = 5,

    /// <summary>Flat points for a review (awarded through the bonus API).</summary>
    ReviewBonus = 6,

    /// <summary>Flat points for referring a new customer (awarded through the bonus API).</summary>
    ReferralBonus = 7,
}

/// <summary>What tier qualification counts.</summary>
public enum TierBasis
{
    PointsEarned = 0,
    AmountSpent = 1,
}

/// <summary>When a member may drop to a lower tier. Upgrades always happen at once.</summary>
public enum TierDowngradePolicy
{
    /// <summary>Tiers never go down.</summary>
    Never = 0,

    /// <summary>The scheduled recalculation drops the member to the tier the qualification window supports.</summary>
    Recalculate = 1,

    /// <summary>As <see cref="Recalculate"/>, but a tier is kept at least <c>TierRetentionMonths</c> after it was reached.</summary>
    AfterRetention = 2,
}

public enum TierBenefitKind
{
    DiscountPercent = 0,
    FreeShipping = 1,
    ExclusiveOffers = 2,
    PrioritySupport = 3,

    /// <summary>Multiplies the points earned on purchases (Value, e.g. 1.5).</summary>
    EarnMultiplier = 4,

    /// <summary>Any other perk, described in free text.</summary>
    Custom = 5,
}

public enum LedgerEntryType
{
    Earn = 0,
    PendingRelease = 1,
    Redeem = 2,
    Expire = 3,
    Adjust = 4,
    RefundReversal = 5,
    Bonus = 6,
    CancelRedemption = 7,
}

/// <summary>How a lot came to exist (tier qualification counts Earn and Bonus lots).</summary>
public enum LotKind
{
    Earn = 0,
    Bonus = 1,
    Adjust = 2,
}

public enum RewardKind
{
    AmountOff = 0,
    PercentOff = 1,
    FreeItem = 2,

    /// <summary>A code taken from the reward's pool (<see cref="RewardCode"/>), e.g. a partner voucher.</summary>
    Voucher = 3,
}

public enum RedemptionStatus
{
    Issued = 0,
    Consumed = 1,
    Cancelled = 2,
}

public enum TierChangeReason
{
    Activity = 0,
    Scheduled = 1,
}
