using VibeCrm.Web.Features.Loyalty;

namespace VibeCrm.Web.Features.PosApi;

/// <summary>
/// The problem the POS API answers for a refusal of the loyalty engine, chosen by its <see cref="CommandResult.Code"/>
/// (<see cref="LoyaltyErrors"/>), never by its message. Refusals of the input (and any refusal without a known code) are
/// validation problems on the field the endpoint names.
/// </summary>
public static class LoyaltyRefusals
{
    /// <summary>The kind of problem for a refusal code; null for a refusal of the input (a validation problem).</summary>
    public static PosProblemKind? KindOf(string? code) => code switch
    {
        LoyaltyErrors.ProgramNotActive => PosProblems.ProgramClosed,
        LoyaltyErrors.NotAMember => PosProblems.UnknownMember,
        LoyaltyErrors.CustomerNotEligible => PosProblems.CustomerRefused,
        LoyaltyErrors.UnknownPurchase => PosProblems.UnknownPurchase,
        LoyaltyErrors.AlreadyRefunded => PosProblems.AlreadyRefunded,
        LoyaltyErrors.InsufficientPoints => PosProblems.InsufficientPoints,
        LoyaltyErrors.UnknownReward => PosProblems.UnknownReward,
        _ when LoyaltyErrors.IsRewardUnavailable(code) => PosProblems.RewardUnavailable,
        LoyaltyErrors.UnknownCode => PosProblems.UnknownCode,
        LoyaltyErrors.CodeExpired => PosProblems.CodeExpired,
        LoyaltyErrors.CodeUsed => PosProblems.CodeUsed,
        LoyaltyErrors.CodeCancelled => PosProblems.CodeCancelled,
        _ => null,
    };

    /// <summary>
    /// The problem for a failed <paramref name="result"/>: its kind by code, with <paramref name="detail"/> (default: the
    /// engine's message). A refusal of the input is a validation problem on <paramref name="field"/> (the currency for a
    /// currency mismatch).
    /// </summary>
    public static IResult Problem(CommandResult result, string field, string? detail = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var message = detail ?? result.Error ?? "The request was refused.";
        return KindOf(result.Code) is { } kind
            ? PosProblems.Result(kind, message)
            : PosProblems.Invalid(result.Code == LoyaltyErrors.CurrencyMismatch ? "currency" : field, message);
    }
}
