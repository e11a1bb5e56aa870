using Microsoft.EntityFrameworkCore;
using VibeCrm.Data.Identity;
using VibeCrm.Data.Tenants;
using VibeCrm.Web.Infrastructure.Jobs;

namespace VibeCrm.Web.Features.Members;

/// <summary>Per tenant, daily: member sign-ups never confirmed within 30 days are removed (keeps sign-up spam out of the data).</summary>
public sealed partial class PurgeUnconfirmedMembersJob(TenantDbContext db, TimeProvider clock, ILogger<PurgeUnconfirmedMembersJob> logger) : ITenantJob
{
    public static readonly TimeSpan Grace = TimeSpan.FromDays(30);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow() - Grace;
        var removed = await db.Users
            .Where(u => u.Kind == AccountKind.Member && !u.EmailConfirmed && u.CreatedAt < cutoff)
            .ExecuteDeleteAsync(cancellationToken);
        if (removed > 0)
        {
            LogRemoved(logger, removed);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed {Count} member sign-ups that were never confirmed")]
    private static partial void LogRemoved(ILogger logger, int count);
}
