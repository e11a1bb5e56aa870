using Hangfire;

namespace VibeCrm.Web.Features.Loyalty.Portal.Emails;

/// <summary>The engine's events become email jobs (enqueued in the tenant's scope, after the change is committed).</summary>
public sealed partial class LoyaltyEmailTriggers(IBackgroundJobClient jobs, ILogger<LoyaltyEmailTriggers> logger) : ILoyaltyEvents
{
    public void MemberJoined(int membershipId) =>
        Enqueue(() => jobs.Enqueue<LoyaltyEmailJob>(j => j.SendWelcomeAsync(membershipId, CancellationToken.None)));

    public void TierChanged(int membershipId, long tierChangeId, bool upgrade)
    {
        if (upgrade)
        {
            Enqueue(() => jobs.Enqueue<LoyaltyEmailJob>(j => j.SendTierUpAsync(tierChangeId, CancellationToken.None)));
        }
    }

    public void RewardRedeemed(int membershipId, int redemptionId) =>
        Enqueue(() => jobs.Enqueue<LoyaltyEmailJob>(j => j.SendRewardRedeemedAsync(redemptionId, CancellationToken.None)));

    private void Enqueue(Func<string> enqueue)
    {
        try
        {
            enqueue();
        }
#pragma warning disable CA1031 // the points change is committed: a lost email must not turn it into an error for the till or the member
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A loyalty email job could not be enqueued")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
