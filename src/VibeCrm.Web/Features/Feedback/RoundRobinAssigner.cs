using Microsoft.EntityFrameworkCore;
using VibeCrm.Data.Feedback;
using VibeCrm.Data.Identity;
using VibeCrm.Data.Tenants;
using VibeCrm.Tenancy;

namespace VibeCrm.Web.Features.Feedback;

/// <summary>
/// Hands new items to the active agents in turn. The pointer (the last agent given an item) is one row guarded by a
/// version: two assignments at once cannot both take the same turn — the second one's update finds the version moved,
/// reads the new pointer and takes the next agent. Agents are ordered by id, so a newly added or deactivated agent
/// simply joins or leaves the circle.
/// </summary>
public sealed class RoundRobinAssigner(TenantDbContextFactory contexts, ITenantContextAccessor tenants)
{
    private const int MaxAttempts = 50;

    /// <summary>The next agent's id, with the pointer moved to them; null when the merchant has no active agent.</summary>
    public async Task<string?> NextAsync(CancellationToken ct)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            await using var db = contexts.Create(tenants.RequireTenant());
            var agents = await ActiveAgentsAsync(db, ct);
            if (agents.Count == 0)
            {
                return null;
            }

            var cursor = await db.FeedbackAssignmentCursors.FirstOrDefaultAsync(c => c.Id == FeedbackAssignmentCursor.SingletonId, ct);
            if (cursor is null)
            {
                cursor = new FeedbackAssignmentCursor();
                db.FeedbackAssignmentCursors.Add(cursor);
            }

            var next = agents.FirstOrDefault(a => string.CompareOrdinal(a, cursor.LastUserId) > 0) ?? agents[0];
            cursor.LastUserId = next;
            cursor.Version++;
            try
            {
                await db.SaveChangesAsync(ct);
                return next;
            }
            catch (DbUpdateException)
            {
                // Another assignment moved the pointer first (or created the row): read it again and take the next turn.
                await Task.Delay(Random.Shared.Next(1, 10 + (attempt * 5)), ct);
            }
        }

        throw new InvalidOperationException("The round-robin pointer stayed contended; try again.");
    }

    public static Task<List<string>> ActiveAgentsAsync(TenantDbContext db, CancellationToken ct) =>
        (from u in db.Users
         where u.Kind == AccountKind.Staff && u.IsActive
         join ur in db.UserRoles on u.Id equals ur.UserId
         join r in db.Roles on ur.RoleId equals r.Id
         where r.Name == Roles.Agent
         orderby u.Id
         select u.Id).ToListAsync(ct);
}
