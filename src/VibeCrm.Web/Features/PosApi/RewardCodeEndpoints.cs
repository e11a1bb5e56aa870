using VibeCrm.Data.Loyalty;
using VibeCrm.Web.Features.Loyalty;

namespace VibeCrm.Web.Features.PosApi;

/// <summary>Redeeming at the till, and the life of a reward code: validate, consume, cancel.</summary>
public static class RewardCodeEndpoints
{
    public static RouteGroupBuilder MapRewardCodeEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/members/{membershipId:int}/redemptions", RedeemAsync)
            .WithName("RedeemReward").WithSummary("Spend points on a reward at the till: a code is issued (and can be consumed at once)")
            .Accepts<RedeemRequest>("application/json")
            .Produces<RewardCodeResponse>(201).ProducesProblem(400).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);

        api.MapGet("/reward-codes/{rewardCode}", async (string rewardCode, RewardRedemptions redemptions, TimeProvider clock, CancellationToken ct) =>
                await redemptions.ValidateAsync(rewardCode, ct) is { } view
                    ? Results.Ok(ToResponse(view, clock))
                    : UnknownCode(rewardCode))
            .WithName("ValidateRewardCode").WithSummary("What a code gives, and whether it can be used now (status issued, consumed, cancelled or expired)")
            .WithDescription("Case, spaces and dashes are ignored; O, I and L are read as 0, 1 and 1. An unusable code is still answered with 200 and `usable: false`; consuming it gives the matching error.")
            .Produces<RewardCodeResponse>().ProducesProblem(404);

        api.MapPost("/reward-codes/{rewardCode}/consume", ConsumeAsync)
            .WithName("ConsumeRewardCode").WithSummary("Use a code at the till: once, before it expires")
            .Accepts<ConsumeRequest>("application/json")
            .Produces<RewardCodeResponse>().ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);

        api.MapPost("/reward-codes/{rewardCode}/cancel", CancelAsync)
            .WithName("CancelRewardCode").WithSummary("Cancel an unused code: its points go back to the member")
            .Accepts<CancelCodeRequest>("application/json")
            .Produces<CodeCancelledResponse>().ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);
        return api;
    }

    private static async Task<IResult> RedeemAsync(int membershipId, JsonBody<RedeemRequest> body, PosApiQueries queries, RewardRedemptions redemptions, TimeProvider clock, CancellationToken ct)
    {
        if (body.Required.RewardId is not { } rewardId)
        {
            return PosProblems.Invalid("rewardId", "Give the reward to redeem (GET /members/{membershipId}/rewards lists them).");
        }

        var member = await queries.MembershipRefAsync(membershipId, ct);
        if (member is null)
        {
            return PosProblems.Result(PosProblems.UnknownMember, $"No membership {membershipId}.");
        }

        if (member.ProgramStatus != ProgramStatus.Active)
        {
            return PosProblems.Result(PosProblems.ProgramClosed, $"Program {member.ProgramId} is not active.");
        }

        var outcome = await redemptions.RedeemAsync(membershipId, rewardId, ct);
        if (outcome.Redemption is { } view)
        {
            return Results.Json(ToResponse(view, clock), statusCode: StatusCodes.Status201Created);
        }

        return LoyaltyRefusals.Problem(outcome.Result, "rewardId", outcome.Result.Code == LoyaltyErrors.UnknownReward
            ? $"No reward {rewardId} in program {member.ProgramId}."
            : null);
    }

    private static async Task<IResult> ConsumeAsync(string rewardCode, JsonBody<ConsumeRequest> body, RewardRedemptions redemptions, TimeProvider clock, CancellationToken ct)
    {
        if (body.Required.StoreCode is { Length: > 64 })
        {
            return PosProblems.Invalid("storeCode", "Up to 64 characters.");
        }

        var before = await redemptions.ValidateAsync(rewardCode, ct);
        if (before is null)
        {
            return UnknownCode(rewardCode);
        }

        if (!before.IsUsable)
        {
            return Unusable(before);
        }

        var result = await redemptions.ConsumeAsync(rewardCode, body.Required.StoreCode, ct);
        var after = await redemptions.ValidateAsync(rewardCode, ct);
        return result.Succeeded ? Results.Ok(ToResponse(after!, clock)) : Unusable(after!);
    }

    private static async Task<IResult> CancelAsync(string rewardCode, JsonBody<CancelCodeRequest> body, RewardRedemptions redemptions, PosApiQueries queries, CancellationToken ct)
    {
        _ = body.Required;
        var before = await redemptions.ValidateAsync(rewardCode, ct);
        if (before is null)
        {
            return UnknownCode(rewardCode);
        }

        if (before.Status != RedemptionStatus.Issued)
        {
            return Unusable(before);
        }

        var result = await redemptions.CancelAsync(rewardCode, ct);
        var after = await redemptions.ValidateAsync(rewardCode, ct);
        if (!result.Succeeded)
        {
            return Unusable(after!);
        }

        var balance = await queries.MembershipAsync(after!.MembershipId, ct);
        return Results.Ok(new CodeCancelledResponse(after.Code, "cancelled", after.Points, balance?.ActivePoints ?? 0));
    }

    public static string StatusOf(RedemptionView view, TimeProvider clock) => view.Status switch
    {
        RedemptionStatus.Consumed => "consumed",
        RedemptionStatus.Cancelled => "cancelled",
        _ when view.ExpiresAt <= clock.GetUtcNow() => "expired",
        _ => "issued",
    };

    private static RewardCodeResponse ToResponse(RedemptionView v, TimeProvider clock) =>
        new(v.Code, StatusOf(v, clock), v.IsUsable, v.MembershipId, v.RewardId, v.RewardName, v.Kind, v.Value, v.FreeItemSku, v.VoucherCode, v.Points, v.IssuedAt, v.ExpiresAt);

    private static IResult UnknownCode(string code) =>
        PosProblems.Result(PosProblems.UnknownCode, $"No reward code '{code}'. Codes have 10 characters (letters and digits).");

    private static IResult Unusable(RedemptionView view) => view.Status switch
    {
        RedemptionStatus.Consumed => PosProblems.Result(PosProblems.CodeUsed, $"Code {view.Code} was already used."),
        RedemptionStatus.Cancelled => PosProblems.Result(PosProblems.CodeCancelled, $"Code {view.Code} was cancelled."),
        _ => PosProblems.Result(PosProblems.CodeExpired, $"Code {view.Code} expired on {view.ExpiresAt:yyyy-MM-dd HH:mm} UTC."),
    };
}
