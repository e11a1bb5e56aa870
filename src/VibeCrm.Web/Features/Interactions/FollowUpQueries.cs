using Microsoft.EntityFrameworkCore;
using VibeCrm.Data.Crm;
using VibeCrm.Data.Tenants;

namespace VibeCrm.Web.Features.Interactions;

public sealed record FollowUpRow(
    int InteractionId, int CustomerId, string CustomerName, InteractionType Type, string Subject, DateOnly? FollowUpOn,
    TicketStatus? TicketStatus, Priority? TicketPriority, bool IsOverdue);

public sealed record MyFollowUps(DateOnly Today, IReadOnlyList<FollowUpRow> FollowUps, IReadOnlyList<FollowUpRow> Tickets)
{
    public int Count => FollowUps.Count + Tickets.Count;
}

/// <summary>"My follow-ups": what a staff member must do today, what is overdue, and the open tickets assigned to them.</summary>
public sealed class FollowUpQueries(TenantDbContext db, TimeProvider clock)
{
    public const int Limit = 200;

    public async Task<MyFollowUps> ForStaffAsync(string userId, string timeZoneId, CancellationToken ct)
    {
        var today = TenantTime.Today(clock, timeZoneId);
        var followUps = await (
                from i in FollowUps(userId, today)
                join c in db.Customers on i.CustomerId equals c.Id
                orderby i.FollowUpOn, i.Id
                select new FollowUpRow(i.Id, c.Id, (c.FirstName + " " + c.LastName).Trim(), i.Type, i.Subject, i.FollowUpOn, i.TicketStatus, i.TicketPriority, i.FollowUpOn < today))
            .Take(Limit).ToListAsync(ct);
        var tickets = await (
                from i in Tickets(userId)
                join c in db.Customers on i.CustomerId equals c.Id
                orderby (i.TicketPriority == Priority.Urgent ? 0 : i.TicketPriority == Priority.High ? 1 : i.TicketPriority == Priority.Normal ? 2 : 3), i.OccurredAt // priority is stored as text
                select new FollowUpRow(i.Id, c.Id, (c.FirstName + " " + c.LastName).Trim(), i.Type, i.Subject, i.FollowUpOn, i.TicketStatus, i.TicketPriority, false))
            .Take(Limit).ToListAsync(ct);
        return new MyFollowUps(today, followUps, tickets);
    }

    /// <summary>The number shown on the dashboard: the same two lists as <see cref="ForStaffAsync"/>.</summary>
    public async Task<int> CountAsync(string userId, string timeZoneId, CancellationToken ct)
    {
        var today = TenantTime.Today(clock, timeZoneId);
        return await FollowUps(userId, today).CountAsync(i => i.CustomerId != null, ct)
            + await Tickets(userId).CountAsync(i => i.CustomerId != null, ct);
    }

    private IQueryable<Interaction> FollowUps(string userId, DateOnly today) =>
        db.Interactions.AsNoTracking().Where(i => i.StaffUserId == userId && i.FollowUpOn != null && i.FollowUpOn <= today && i.FollowUpDoneAt == null);

    private IQueryable<Interaction> Tickets(string userId) =>
        db.Interactions.AsNoTracking().Where(i => i.Type == InteractionType.Ticket && i.AssigneeUserId == userId
            && (i.TicketStatus == TicketStatus.Open || i.TicketStatus == TicketStatus.Pending));
}
