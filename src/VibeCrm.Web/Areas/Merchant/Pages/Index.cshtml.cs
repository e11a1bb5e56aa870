using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using VibeCrm.Data.Identity;
using VibeCrm.Data.Tenants;
using VibeCrm.Tenancy;
using VibeCrm.Web.Infrastructure.Auth;

namespace VibeCrm.Web.Areas.Merchant.Pages;

public sealed record DashboardFigures(int ActiveStaff, int Members, int ConfirmedMembers, int MembersLast30Days, int MarketingOptIns);

public sealed class IndexModel(TenantDbContext db, TimeProvider clock, Features.Interactions.FollowUpQueries followUps) : PageModel
{
    public DashboardFigures Figures { get; private set; } = new(0, 0, 0, 0, 0);

    public int MyFollowUps { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var since = clock.GetUtcNow().AddDays(-30);
        var members = db.Users.AsNoTracking().Where(u => u.Kind == AccountKind.Member);
        Figures = new DashboardFigures(
            await db.Users.CountAsync(u => u.Kind == AccountKind.Staff && u.IsActive, cancellationToken),
            await members.CountAsync(cancellationToken),
            await members.CountAsync(u => u.EmailConfirmed, cancellationToken),
            await members.CountAsync(u => u.CreatedAt >= since, cancellationToken),
            await members.CountAsync(u => u.MarketingEmailOptIn, cancellationToken));
        MyFollowUps = await followUps.CountAsync(User.UserId(), HttpContext.RequireTenant().TimeZoneId, cancellationToken);
    }
}
