namespace VibeCrm.Web.Features.Loyalty;

/// <summary>
/// What the engine tells the rest of the app after a change is committed (never inside the transaction): the member
/// portal sends its emails from these. Implementations must be quick and must not throw (enqueue a job, do not send).
/// </summary>
public interface ILoyaltyEvents
{
    void MemberJoined(int membershipId);

    /// <param name="upgrade">True when the new tier ranks above the old one.</param>
    void TierChanged(int membershipId, long tierChangeId, bool upgrade);

    void RewardRedeemed(int membershipId, int redemptionId);
}

/// <summary>No one listens (the engine on its own, the demo seeder).</summary>
public sealed class NoLoyaltyEvents : ILoyaltyEvents
{
    public static readonly NoLoyaltyEvents Instance = new();

    public void MemberJoined(int membershipId)
    {
    }

    public void TierChanged(int membershipId, long tierChangeId, bool upgrade)
    {
    }

    public void RewardRedeemed(int membershipId, int redemptionId)
    {
    }
}
