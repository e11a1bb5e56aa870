using VibeCrm.Web.Features.Staff;
using Microsoft.EntityFrameworkCore;
using VibeCrm.Data.Crm;
using VibeCrm.Data.Tenants;

namespace VibeCrm.Web.Features.Opportunities;

public sealed record OpportunityCard(
    int Id, string Title, string PartyName, bool IsCustomer, int? PartyId, decimal Amount, string Currency,
    int Probability, bool ProbabilityIsDefault, DateOnly? ExpectedCloseOn, string? OwnerName, int StageId,
    string StageName, StageKind StageKind, string? LostReason, DateTimeOffset? ClosedAt)
{
    public string OwnerInitials => StaffOptions.InitialsOf(OwnerName);

    public decimal Weighted => Amount * Probability / 100m;
}

/// <summary>Count, amount and weighted amount of a set of opportunities in one currency.</summary>
public sealed record MoneyTotal(string Currency, int Count, decimal Amount, decimal Weighted);

public sealed record BoardColumn(StageRow Stage, IReadOnlyList<OpportunityCard> Cards, IReadOnlyList<MoneyTotal> Totals, int TotalCount)
{
    public int Hidden => TotalCount - Cards.Count;
}

public sealed record Board(IReadOnlyList<BoardColumn> Columns, IReadOnlyList<MoneyTotal> OpenTotals, int ClosedWindowDays);

public sealed record BoardFilter(string? Owner = null);

public enum OpportunityStatus
{
    Any,
    Open,
    Won,
    Lost,
}

public sealed record OpportunityListFilter(
    int? StageId = null, string? Owner = null, OpportunityStatus Status = OpportunityStatus.Any,
    DateOnly? CloseFrom = null, DateOnly? CloseTo = null, string? Sort = null, int Page = 1);

public sealed record OpportunityPage(IReadOnlyList<OpportunityCard> Rows, int Total, int Page, int PageSize, IReadOnlyList<MoneyTotal> Totals)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

public sealed record StageHistoryRow(string? From, string To, DateTimeOffset ChangedAt, string? ChangedBy);

/// <summary>The pipeline board, the list and an opportunity's history; everything filtered and summed in the database.</summary>
public sealed class OpportunityQueries(TenantDbContext db, PipelineStages stages)
{
    public const int CardsPerColumn = 50;
    public const int PageSize = 25;

    /// <summary>Won and Lost columns show what closed in this many days.</summary>
    public const int ClosedWindowDays = 30;

    public static readonly string[] Sorts = ["close", "-close", "amount", "-amount", "title", "stage", "-updated"];

    public async Task<Board> BoardAsync(BoardFilter filter, string currentUserId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var columns = await stages.ListAsync(includeArchived: false, cancellationToken);
        var since = now.AddDays(-ClosedWindowDays);
        var scoped = ByOwner(Joined(), filter.Owner, currentUserId)
            .Where(x => x.Stage.Kind == StageKind.Open || x.O.ClosedAt >= since);

        var totals = await scoped
            .GroupBy(x => new { x.O.StageId, x.O.Currency })
            .Select(g => new
            {
                g.Key.StageId,
                g.Key.Currency,
                Count = g.Count(),
                Amount = g.Sum(x => x.O.Amount),
                Weighted = g.Sum(x => x.O.Amount * (x.O.Probability ?? x.Stage.DefaultProbability)),
            })
            .ToListAsync(cancellationToken);

        // Each column's first cards in board order: one small query per stage (a pipeline has a handful).
        var cards = new List<OpportunityCard>();
        foreach (var stage in columns)
        {
            cards.AddRange(await Project(scoped.Where(x => x.O.StageId == stage.Id)
                .OrderBy(x => x.O.BoardOrder).ThenBy(x => x.O.Id).Take(CardsPerColumn)).ToListAsync(cancellationToken));
        }

        var boardColumns = columns.Select(stage =>
        {
            var stageTotals = totals.Where(t => t.StageId == stage.Id)
                .Select(t => new MoneyTotal(t.Currency, t.Count, t.Amount, t.Weighted / 100m)).OrderByDescending(t => t.Count).ToList();
            return new BoardColumn(stage, [.. cards.Where(c => c.StageId == stage.Id)], stageTotals, stageTotals.Sum(t => t.Count));
        }).ToList();

        var openTotals = boardColumns.Where(c => c.Stage.Kind == StageKind.Open).SelectMany(c => c.Totals)
            .GroupBy(t => t.Currency)
            .Select(g => new MoneyTotal(g.Key, g.Sum(t => t.Count), g.Sum(t => t.Amount), g.Sum(t => t.Weighted)))
            .OrderByDescending(t => t.Count).ToList();
        return new Board(boardColumns, openTotals, ClosedWindowDays);
    }

    public async Task<OpportunityPage> ListAsync(OpportunityListFilter filter, string currentUserId, CancellationToken cancellationToken)
    {
        await stages.EnsureDefaultStagesAsync(cancellationToken);
        var query = ByOwner(Joined(), filter.Owner, currentUserId);
        if (filter.StageId is { } stageId)
        {
            query = query.Where(x => x.O.StageId == stageId);
        }

        query = filter.Status switch
        {
            OpportunityStatus.Open => query.Where(x => x.Stage.Kind == StageKind.Open),
            OpportunityStatus.Won => query.Where(x => x.Stage.Kind == StageKind.Won),
            OpportunityStatus.Lost => query.Where(x => x.Stage.Kind == StageKind.Lost),
            _ => query,
        };
        if (filter.CloseFrom is { } from)
        {
            query = query.Where(x => x.O.ExpectedCloseOn >= from);
        }

        if (filter.CloseTo is { } to)
        {
            query = query.Where(x => x.O.ExpectedCloseOn <= to);
        }

        var totals = await query.GroupBy(x => x.O.Currency)
            .Select(g => new MoneyTotal(g.Key, g.Count(), g.Sum(x => x.O.Amount), g.Sum(x => x.O.Amount * (x.O.Probability ?? x.Stage.DefaultProbability)) / 100m))
            .ToListAsync(cancellationToken);
        var total = totals.Sum(t => t.Count);
        var sorted = filter.Sort switch
        {
            "-close" => query.OrderByDescending(x => x.O.ExpectedCloseOn == null ? 0 : 1).ThenByDescending(x => x.O.ExpectedCloseOn),
            "amount" => query.OrderBy(x => x.O.Amount),
            "-amount" => query.OrderByDescending(x => x.O.Amount),
            "title" => query.OrderBy(x => x.O.Title),
            "stage" => query.OrderBy(x => x.Stage.Kind == StageKind.Open ? 0 : x.Stage.Kind == StageKind.Won ? 1 : 2).ThenBy(x => x.Stage.SortOrder),
            "-updated" => query.OrderByDescending(x => x.O.UpdatedAt),
            _ => query.OrderBy(x => x.O.ExpectedCloseOn == null ? 1 : 0).ThenBy(x => x.O.ExpectedCloseOn),
        };
        var page = Math.Clamp(filter.Page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var rows = await Project(sorted.ThenBy(x => x.O.Id).Skip((page - 1) * PageSize).Take(PageSize)).ToListAsync(cancellationToken);
        return new OpportunityPage(rows, total, page, PageSize, [.. totals.OrderByDescending(t => t.Count)]);
    }

    public async Task<OpportunityCard?> CardAsync(int id, CancellationToken cancellationToken) =>
        await Project(Joined().Where(x => x.O.Id == id)).FirstOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<StageHistoryRow>> HistoryAsync(int id, CancellationToken cancellationToken) =>
        await db.OpportunityStageChanges.AsNoTracking()
            .Where(c => c.OpportunityId == id)
            .OrderByDescending(c => c.ChangedAt).ThenByDescending(c => c.Id)
            .Select(c => new StageHistoryRow(
                db.PipelineStages.Where(s => s.Id == c.FromStageId).Select(s => s.Name).FirstOrDefault(),
                db.PipelineStages.Where(s => s.Id == c.ToStageId).Select(s => s.Name).First(),
                c.ChangedAt,
                db.Users.Where(u => u.Id == c.ChangedByUserId).Select(u => (u.FirstName + " " + u.LastName).Trim()).FirstOrDefault()))
            .ToListAsync(cancellationToken);

    private sealed class Row
    {
        public required Opportunity O { get; init; }

        public required PipelineStage Stage { get; init; }
    }

    private IQueryable<Row> Joined() =>
        from o in db.Opportunities.AsNoTracking()
        join s in db.PipelineStages.AsNoTracking() on o.StageId equals s.Id
        select new Row { O = o, Stage = s };

    /// <summary>"me" means the current user, "none" means unassigned, anything else a staff id.</summary>
    private static IQueryable<Row> ByOwner(IQueryable<Row> query, string? owner, string currentUserId) => owner switch
    {
        null or "" => query,
        "me" => query.Where(x => x.O.OwnerUserId == currentUserId),
        "none" => query.Where(x => x.O.OwnerUserId == null),
        _ => query.Where(x => x.O.OwnerUserId == owner),
    };

    private IQueryable<OpportunityCard> Project(IQueryable<Row> query) =>
        query.Select(x => new OpportunityCard(
            x.O.Id,
            x.O.Title,
            x.O.CustomerId != null
                ? db.Customers.Where(c => c.Id == x.O.CustomerId).Select(c => (c.FirstName + " " + c.LastName).Trim() == "" ? c.Email ?? c.Phone ?? "" : (c.FirstName + " " + c.LastName).Trim()).FirstOrDefault() ?? ""
                : db.Leads.Where(l => l.Id == x.O.LeadId).Select(l => (l.FirstName + " " + l.LastName).Trim() == "" ? l.Email ?? l.Phone ?? "" : (l.FirstName + " " + l.LastName).Trim()).FirstOrDefault() ?? "",
            x.O.CustomerId != null,
            x.O.CustomerId ?? x.O.LeadId,
            x.O.Amount,
            x.O.Currency,
            x.O.Probability ?? x.Stage.DefaultProbability,
            x.O.Probability == null,
            x.O.ExpectedCloseOn,
            db.Users.Where(u => u.Id == x.O.OwnerUserId).Select(u => (u.FirstName + " " + u.LastName).Trim()).FirstOrDefault(),
            x.O.StageId,
            x.Stage.Name,
            x.Stage.Kind,
            x.O.LostReason,
            x.O.ClosedAt));
}
