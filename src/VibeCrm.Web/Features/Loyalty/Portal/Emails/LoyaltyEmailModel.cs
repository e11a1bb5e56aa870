namespace VibeCrm.Web.Features.Loyalty.Portal.Emails;

/// <summary>What the loyalty email templates read: <c>{{ model.program_name }}</c>, <c>{{ model.lines }}</c>...</summary>
public sealed record LoyaltyEmailModel
{
    public string BusinessName { get; init; } = "";

    public string RecipientName { get; init; } = "";

    /// <summary>The member's loyalty page in the portal.</summary>
    public string ActionUrl { get; init; } = "";

    public string ProgramName { get; init; } = "";

    public string UnitName { get; init; } = "points";

    public string Balance { get; init; } = "0";

    public string? TierName { get; init; }

    public string? Headline { get; init; }

    public string? RewardName { get; init; }

    public string? Code { get; init; }

    public string? VoucherCode { get; init; }

    public string? ValidUntil { get; init; }

    public string? Points { get; init; }

    /// <summary>The points-expiring warning is (also) about an inactivity deadline: any purchase before it keeps the points.</summary>
    public bool ExpiresForInactivity { get; init; }

    public List<string> Benefits { get; init; } = [];

    public List<LoyaltyEmailLine> Lines { get; init; } = [];
}

public sealed record LoyaltyEmailLine(string Label, string Value);
