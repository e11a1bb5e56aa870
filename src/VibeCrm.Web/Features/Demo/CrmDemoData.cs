using Microsoft.EntityFrameworkCore;
using VibeCrm.Data.Crm;
using VibeCrm.Data.Identity;
using VibeCrm.Data.Tenants;
using VibeCrm.Web.Features.Customers;
using VibeCrm.Web.Features.Leads;
using VibeCrm.Web.Features.Opportunities;

namespace VibeCrm.Web.Features.Demo;

/// <summary>
/// The demo merchant's CRM activity: interactions and tickets on its customers, an opportunity pipeline
/// (catering, events, corporate orders) and leads from every source, some converted. Deterministic (fixed seed).
/// </summary>
public sealed class CrmDemoData(
    TenantDbContext db,
    PipelineStages stages,
    LeadScoringService scoring,
    TimeProvider clock)
{
    private static readonly string[] CallSubjects =
    [
        "Asked about gluten-free pastries", "Booking for a birthday brunch", "Question about opening hours on holidays",
        "Feedback on the new seasonal menu", "Catering quote for an office breakfast", "Lost loyalty card", "Wrong order on delivery",
        "Wants to host a book club on Thursdays", "Allergy information for the lemon tart", "Complaint about waiting time on Saturday",
    ];

    private static readonly string[] Deals =
    [
        "Office breakfast catering (weekly)", "Wedding dessert table", "Corporate coffee subscription", "Birthday party private room",
        "Christmas hampers for staff", "Conference lunch boxes", "Monthly pastry order for a hotel", "Team offsite catering",
    ];

    private static readonly (string First, string Last, string? Company, LeadSource Source)[] LeadPeople =
    [
        ("Julien", "Marchand", "Atelier Nord", LeadSource.Website), ("Sarah", "Cohen", null, LeadSource.WalkIn),
        ("Mehdi", "Benali", "CoWork Bastille", LeadSource.Referral), ("Anna", "Kowalska", null, LeadSource.Social),
        ("Pierre", "Fontaine", "Hôtel des Arts", LeadSource.Event), ("Laura", "Schmidt", "Studio Lumen", LeadSource.Campaign),
        ("Yann", "Le Gall", null, LeadSource.WalkIn), ("Inès", "Roche", "Librairie du Canal", LeadSource.Referral),
        ("David", "Nguyen", "Pixel & Co", LeadSource.Website), ("Camille", "Petit", null, LeadSource.Other),
        ("Omar", "Haddad", "Gym Central", LeadSource.Social), ("Elise", "Morel", "École Saint-Paul", LeadSource.Event),
    ];

    public async Task SeedAsync(int seed, string currency, CancellationToken cancellationToken)
    {
        if (await db.Interactions.AnyAsync(cancellationToken))
        {
            return;
        }

        var random = new Random(seed);
        var now = clock.GetUtcNow();
        var staff = await db.Users.Where(u => u.Kind == AccountKind.Staff).Select(u => u.Id).ToListAsync(cancellationToken);
        var customers = await db.Customers.OrderBy(c => c.Id).Select(c => c.Id).Take(300).ToListAsync(cancellationToken);
        if (staff.Count == 0 || customers.Count == 0)
        {
            return;
        }

        foreach (var customerId in customers.Take(200))
        {
            for (var i = random.Next(0, 4); i > 0; i--)
            {
                var type = (InteractionType)random.Next(0, 6);
                var at = now.AddDays(-random.Next(0, 180)).AddMinutes(-random.Next(0, 600));
                db.Interactions.Add(new Interaction
                {
                    CustomerId = customerId,
                    Type = type,
                    Direction = type == InteractionType.Note ? InteractionDirection.None : (InteractionDirection)random.Next(1, 3),
                    OccurredAt = at,
                    DurationMinutes = type is InteractionType.Call or InteractionType.Meeting ? random.Next(3, 45) : null,
                    StaffUserId = staff[random.Next(staff.Count)],
                    Subject = CallSubjects[random.Next(CallSubjects.Length)],
                    Outcome = random.Next(3) == 0 ? "Follow-up promised" : "Resolved on the spot",
                    FollowUpOn = random.Next(6) == 0 ? DateOnly.FromDateTime(now.AddDays(random.Next(-5, 10)).UtcDateTime) : null,
                    TicketStatus = type == InteractionType.Ticket ? (TicketStatus)random.Next(0, 4) : null,
                    TicketPriority = type == InteractionType.Ticket ? (Priority)random.Next(0, 4) : null,
                    AssigneeUserId = type == InteractionType.Ticket ? staff[random.Next(staff.Count)] : null,
                    CreatedAt = at,
                    UpdatedAt = at,
                });
            }
        }

        await stages.EnsureDefaultStagesAsync(cancellationToken);
        var stageList = await db.PipelineStages.OrderBy(s => s.SortOrder).ToListAsync(cancellationToken);
        for (var i = 0; i < 24; i++)
        {
            var stage = stageList[random.Next(stageList.Count)];
            var created = now.AddDays(-random.Next(5, 200));
            db.Opportunities.Add(new Opportunity
            {
                CustomerId = customers[random.Next(customers.Count)],
                Title = Deals[i % Deals.Length],
                Amount = random.Next(8, 120) * 25m,
                Currency = currency,
                StageId = stage.Id,
                ExpectedCloseOn = DateOnly.FromDateTime(now.AddDays(random.Next(-20, 90)).UtcDateTime),
                OwnerUserId = staff[random.Next(staff.Count)],
                LostReason = stage.Kind == StageKind.Lost ? "Chose a cheaper caterer" : null,
                ClosedAt = stage.Kind == StageKind.Open ? null : created.AddDays(random.Next(3, 30)),
                BoardOrder = i,
                CreatedAt = created,
                UpdatedAt = created,
            });
        }

        await scoring.EnsureDefaultRulesAsync(cancellationToken);
        foreach (var (first, last, company, source) in LeadPeople)
        {
            var created = now.AddDays(-random.Next(1, 120));
            var email = $"{ContactRules.SearchKey(first).Replace(' ', '.')}.{ContactRules.SearchKey(last).Replace(' ', '-')}@example.com";
            db.Leads.Add(new Lead
            {
                FirstName = first,
                LastName = last,
                Company = company,
                Email = email,
                NormalizedEmail = email,
                Source = source,
                Status = (LeadStatus)random.Next(0, 3),
                OwnerUserId = staff[random.Next(staff.Count)],
                LastContactedAt = random.Next(2) == 0 ? created.AddDays(random.Next(0, 10)) : null,
                CreatedAt = created,
                UpdatedAt = created,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        await scoring.RecomputeAllAsync(cancellationToken);
    }
}
