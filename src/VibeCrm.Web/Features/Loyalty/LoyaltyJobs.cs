using VibeCrm.Web.Infrastructure.Jobs;

namespace VibeCrm.Web.Features.Loyalty;

/// <summary>Per tenant: unlocks pending points whose return window has ended (and recalculates those members' tiers).</summary>
public sealed partial class ReleasePendingPointsJob(LoyaltyLedger ledger, ILogger<ReleasePendingPointsJob> logger) : ITenantJob
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var released = await ledger.ReleasePendingAsync(cancellationToken);
        if (released > 0)
        {
            LogReleased(logger, released);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Released {Count} pending point lots")]
    private static partial void LogReleased(ILogger logger, int count);
}

/// <summary>Per tenant: expires lots past their expiry and the points of members inactive for too long.</summary>
public sealed partial class ExpirePointsJob(LoyaltyLedger ledger, ILogger<ExpirePointsJob> logger) : ITenantJob
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var expired = await ledger.ExpireAsync(cancellationToken);
        if (expired > 0)
        {
            LogExpired(logger, expired);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Expired {Points} points")]
    private static partial void LogExpired(ILogger logger, int points);
}

/// <summary>Per tenant: the scheduled tier recalculation, applying each program's downgrade policy.</summary>
public sealed partial class TierDowngradeJob(TierService tiers, ILogger<TierDowngradeJob> logger) : ITenantJob
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var changed = await tiers.RecalculateAllAsync(cancellationToken);
        if (changed > 0)
        {
            LogChanged(logger, changed);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled tier recalculation changed {Count} members' tier")]
    private static partial void LogChanged(ILogger logger, int count);
}

/// <summary>Per tenant: verifies the ledger invariants and records breaches (see <see cref="LedgerInvariants"/>).</summary>
public sealed class LedgerInvariantCheckJob(LedgerInvariants invariants) : ITenantJob
{
    public Task RunAsync(CancellationToken cancellationToken) => invariants.CheckAsync(cancellationToken);
}
