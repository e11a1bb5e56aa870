using Microsoft.EntityFrameworkCore;
using VibeCrm.Data.Loyalty;
using VibeCrm.Data.Tenants;
using VibeCrm.Web.Features.Members;

namespace VibeCrm.Web.Features.Loyalty.Portal;

/// <summary>A signed-in member as the loyalty pages see them: their customer and the active programs they have joined.</summary>
public sealed record PortalMember(int CustomerId, IReadOnlyList<MemberProgram> Programs)
{
    /// <summary>The membership of the program asked for, or of the member's first program when none is asked for.</summary>
    public MemberProgram? Select(int? programId) =>
        programId is { } id ? Programs.FirstOrDefault(p => p.ProgramId == id) : Programs.Count > 0 ? Programs[0] : null;
}

public sealed record PortalMemberOutcome(CommandResult Result, PortalMember? Member = null);

/// <summary>
/// The member's own loyalty actions from the portal: join (with a friend's referral code), redeem and cancel rewards.
/// Everything goes through the engine; this class only checks that the member acts on their own membership.
/// </summary>
public sealed class MemberLoyaltyService(
    TenantDbContext db,
    MemberCustomers memberCustomers,
    MemberLoyaltyQueries queries,
    LoyaltyLedger ledger,
    RewardRedemptions rewards,
    ReferralCodes referrals)
{
    public async Task<PortalMemberOutcome> CurrentAsync(string userId, CancellationToken ct)
    {
        var linked = await memberCustomers.EnsureAsync(userId, ct);
        if (!linked.Result.Succeeded || linked.CustomerId is not { } customerId)
        {
            return new PortalMemberOutcome(CommandResult.Fail(linked.Result.Error ?? "Your account is not linked to a customer record.", linked.Result.Code ?? LoyaltyErrors.AccountNotLinked));
        }

        return new PortalMemberOutcome(CommandResult.Ok, new PortalMember(customerId, await queries.MembershipsOfAsync(customerId, ct)));
    }

    public Task<int> OpenProgramCountAsync(CancellationToken ct) => queries.OpenProgramCountAsync(ct);

    /// <summary>Joins an active program (idempotent); a valid referral code of another member credits them once.</summary>
    public async Task<MembershipOutcome> JoinAsync(int customerId, int programId, bool acceptedTerms, string? referralCode, CancellationToken ct)
    {
        if (!acceptedTerms)
        {
            return new MembershipOutcome(CommandResult.Fail("Please accept the program terms to join.", LoyaltyErrors.TermsNotAccepted), null, false);
        }

        var joined = await ledger.JoinAsync(programId, customerId, ct);
        if (joined is { Created: true, MembershipId: { } membershipId } && !string.IsNullOrWhiteSpace(referralCode))
        {
            await referrals.CreditAsync(referralCode, membershipId, ct);
        }

        return joined;
    }

    public async Task<RedemptionOutcome> RedeemAsync(int membershipId, int rewardId, CancellationToken ct) =>
        await rewards.RedeemAsync(membershipId, rewardId, ct);

    /// <summary>The member's own code, or null.</summary>
    public async Task<RedemptionView?> RedemptionAsync(int membershipId, int redemptionId, CancellationToken ct) =>
        (await rewards.ListForMemberAsync(membershipId, ct)).FirstOrDefault(r => r.Id == redemptionId);

    /// <summary>Which of the member's memberships a code belongs to (for a link to it without a program), or null.</summary>
    public async Task<int?> MembershipOfRedemptionAsync(PortalMember member, int redemptionId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(member);
        var mine = member.Programs.Select(p => p.MembershipId).ToList();
        return await db.Redemptions.AsNoTracking()
            .Where(r => r.Id == redemptionId && mine.Contains(r.MembershipId))
            .Select(r => (int?)r.MembershipId)
            .SingleOrDefaultAsync(ct);
    }

    /// <summary>Cancels one of the member's unused codes; the points go back.</summary>
    public async Task<CommandResult> CancelAsync(int membershipId, int redemptionId, CancellationToken ct)
    {
        var code = await db.Redemptions.AsNoTracking()
            .Where(r => r.Id == redemptionId && r.MembershipId == membershipId)
            .Select(r => r.Code)
            .SingleOrDefaultAsync(ct);
        return code is null ? CommandResult.Fail("No such reward in your account.", LoyaltyErrors.UnknownCode) : await rewards.CancelAsync(code, ct);
    }
}
