namespace VibeCrm.Web.Features.Loyalty;

/// <summary>
/// The codes of the loyalty engine's refusals (<see cref="CommandResult.Code"/>): callers branch on these, never on the
/// message, which is for people and may change. Each code names one kind of refusal; the POS API maps them to its problem types.
/// </summary>
public static class LoyaltyErrors
{
    /// <summary>The input is incomplete or malformed (a missing id, a negative total, a bad line...).</summary>
    public const string InvalidInput = "invalid-input";

    public const string ProgramNotActive = "program-not-active";

    public const string CurrencyMismatch = "currency-mismatch";

    /// <summary>No such membership, or the customer is not a member of the program.</summary>
    public const string NotAMember = "not-a-member";

    /// <summary>The customer may not join (blocked, merged, erased or unknown).</summary>
    public const string CustomerNotEligible = "customer-not-eligible";

    public const string TermsNotAccepted = "terms-not-accepted";

    public const string AccountNotLinked = "account-not-linked";

    public const string UnknownPurchase = "unknown-purchase";

    /// <summary>The purchase has nothing left to refund.</summary>
    public const string AlreadyRefunded = "already-refunded";

    /// <summary>More of a SKU refunded than was bought (or is left to refund).</summary>
    public const string RefundExceedsPurchase = "refund-exceeds-purchase";

    /// <summary>Not enough spendable points (to redeem, or for a negative adjustment).</summary>
    public const string InsufficientPoints = "insufficient-points";

    public const string UnknownReward = "unknown-reward";

    /// <summary>The reward is inactive or outside its availability window.</summary>
    public const string RewardNotAvailableNow = "reward-not-available-now";

    public const string RewardOutOfStock = "reward-out-of-stock";

    /// <summary>The reward is limited to tiers the member does not hold.</summary>
    public const string RewardForOtherTiers = "reward-for-other-tiers";

    /// <summary>The member has redeemed the reward as often as its per-member limit allows.</summary>
    public const string RewardLimitReached = "reward-limit-reached";

    public const string UnknownCode = "unknown-code";

    public const string CodeExpired = "code-expired";

    public const string CodeUsed = "code-used";

    public const string CodeCancelled = "code-cancelled";

    /// <summary>The code was used or cancelled by a concurrent request: read it again to know which.</summary>
    public const string CodeChanged = "code-changed";

    /// <summary>Adjustments need a manager (or owner).</summary>
    public const string NotManager = "not-manager";

    /// <summary>An adjustment needs a reason (of at most <see cref="LoyaltyLedger.MaxReasonLength"/> characters).</summary>
    public const string ReasonRequired = "reason-required";

    public const string UnknownRule = "unknown-rule";

    public const string UnknownTier = "unknown-tier";

    /// <summary>The tier has members, rewards or tier history, so it cannot be removed.</summary>
    public const string TierInUse = "tier-in-use";

    /// <summary>Whether <paramref name="code"/> means the reward cannot be redeemed now (inactive, window, stock, tier, limit).</summary>
    public static bool IsRewardUnavailable(string? code) =>
        code is RewardNotAvailableNow or RewardOutOfStock or RewardForOtherTiers or RewardLimitReached;
}
