using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VibeCrm.Data.Loyalty;
using VibeCrm.Web.Features.Loyalty;
using Actor = VibeCrm.Web.Features.Interactions.StaffActor;

namespace VibeCrm.Web.Areas.Merchant.Pages.Loyalty;

/// <summary>The loyalty overview of one program: KPIs, tier distribution, points per month, recent activity, breaches.</summary>
public sealed class IndexModel(ProgramSettingsService programs, LoyaltyReports reports) : PageModel
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [BindProperty(SupportsGet = true, Name = "program")]
    public int? ProgramId { get; set; }

    public IReadOnlyList<ProgramRow> Programs { get; private set; } = [];

    public LoyaltyProgram? Program { get; private set; }

    public LoyaltyKpis? Kpis { get; private set; }

    public IReadOnlyList<TierSlice> Tiers { get; private set; } = [];

    public IReadOnlyList<MonthPoints> Months { get; private set; } = [];

    public IReadOnlyList<ActivityRow> Activity { get; private set; } = [];

    public int BreachCount { get; private set; }

    public IReadOnlyList<BreachRow> Breaches { get; private set; } = [];

    public bool IsManager => Actor.From(User).IsManager;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Programs = await programs.ListAsync(ct);
        var row = Programs.FirstOrDefault(p => p.Id == ProgramId) ?? Programs.FirstOrDefault(p => p.Status == ProgramStatus.Active) ?? (Programs.Count > 0 ? Programs[0] : null);
        if (IsManager)
        {
            (BreachCount, Breaches) = await reports.OpenBreachesAsync(ct);
        }

        if (row is null)
        {
            return;
        }

        Program = await programs.FindAsync(row.Id, ct);
        Kpis = await reports.KpisAsync(Program!, ct);
        Tiers = await reports.TierDistributionAsync(row.Id, ct);
        Months = await reports.MonthlyAsync(Program!, ct);
        Activity = await reports.RecentActivityAsync(row.Id, ct);
    }

    public string TierChart() => JsonSerializer.Serialize(new
    {
        type = "doughnut",
        data = new
        {
            labels = Tiers.Select(t => t.Name),
            datasets = new[] { new { label = "Members", data = Tiers.Select(t => t.Members), backgroundColor = Tiers.Select(t => t.Color ?? "#94a3b8"), borderColor = "#ffffff" } },
        },
        options = new { plugins = new { legend = new { position = "right" } } },
    }, Json);

    public string MonthChart() => JsonSerializer.Serialize(new
    {
        type = "bar",
        data = new
        {
            labels = Months.Select(m => m.Label),
            datasets = new object[]
            {
                new { label = "Earned", data = Months.Select(m => m.Earned) },
                new { label = "Redeemed", data = Months.Select(m => m.Redeemed) },
                new { label = "Expired", data = Months.Select(m => m.Expired) },
            },
        },
        options = new { scales = new { y = new { beginAtZero = true } } },
    }, Json);
}
