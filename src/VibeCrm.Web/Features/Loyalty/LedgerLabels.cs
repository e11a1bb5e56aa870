using System.Globalization;
using VibeCrm.Data.Loyalty;

namespace VibeCrm.Web.Features.Loyalty;

/// <summary>How ledger entries read in the back office.</summary>
public static class LedgerLabels
{
    public static string Type(LedgerEntryType type) => type switch
    {
        LedgerEntryType.PendingRelease => "Released",
        LedgerEntryType.RefundReversal => "Refund",
        LedgerEntryType.CancelRedemption => "Redemption cancelled",
        LedgerEntryType.Adjust => "Adjustment",
        _ => type.ToString(),
    };

    /// <summary>The reason as written, with bonus rule kinds ("SignUpBonus") in words.</summary>
    public static string? Reason(string? reason) =>
        reason is not null && Enum.TryParse<EarnRuleKind>(reason, out var kind) && !int.TryParse(reason, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)
            ? EarnRuleService.Label(kind)
            : reason;

    /// <summary>"Stars" for "stars": unit names start a heading.</summary>
    public static string Capitalized(string unit) =>
        string.IsNullOrEmpty(unit) ? unit : char.ToUpper(unit[0], CultureInfo.InvariantCulture) + unit[1..];
}
