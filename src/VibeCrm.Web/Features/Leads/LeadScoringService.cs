using Microsoft.EntityFrameworkCore;
using VibeCrm.Data.Crm;
using VibeCrm.Data.Tenants;
using VibeCrm.Web.Infrastructure.Jobs;

namespace VibeCrm.Web.Features.Leads;

public sealed record ScoreRuleRow(int Id, string Kind, string? Argument, int Points, int? MaxPoints, bool IsActive)
{
    public string Description => LeadScorer.Describe(new ScoreRule(Kind, Argument, Points, MaxPoints, IsActive));
}

/// <summary>
/// Keeps lead scores up to date with the tenant's rules. Call <see cref="RecomputeAsync"/> whenever one of a lead's
/// inputs changes (the lead is saved, an interaction with it is logged or removed).
/// </summary>
public sealed class LeadScoringService(TenantDbContext db, TimeProvider clock)
{
    private const int BatchSize = 500;

    private static readonly ScoreRule[] Defaults =
    [
        new(LeadScorer.HasField, "email", 10),
        new(LeadScorer.HasField, "phone", 10),
        new(LeadScorer.HasField, "company", 5),
        new(LeadScorer.Source, nameof(LeadSource.Referral), 15),
        new(LeadScorer.PerInteraction, null, 5, 25),
        new(LeadScorer.RecentContact, "14", 10),
    ];

    /// <summary>Creates the default rules the first time; does nothing when the tenant already has rules.</summary>
    public async Task EnsureDefaultRulesAsync(CancellationToken cancellationToken)
    {
        if (await db.LeadScoreRules.AnyAsync(cancellationToken))
        {
            return;
        }

        db.LeadScoreRules.AddRange(Defaults.Select(r => new LeadScoreRule { Kind = r.Kind, Argument = r.Argument, Points = r.Points, MaxPoints = r.MaxPoints }));
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ScoreRuleRow>> RulesAsync(CancellationToken cancellationToken)
    {
        await EnsureDefaultRulesAsync(cancellationToken);
        return await db.LeadScoreRules.AsNoTracking().OrderBy(r => r.Id)
            .Select(r => new ScoreRuleRow(r.Id, r.Kind, r.Argument, r.Points, r.MaxPoints, r.IsActive))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Adds a rule (id 0) or changes one.</summary>
    public async Task<CommandResult> SaveRuleAsync(int id, string? kind, string? argument, int points, int? maxPoints, bool isActive, CancellationToken cancellationToken)
    {
        if (LeadScorer.Validate(kind, argument, points, maxPoints) is { } error)
        {
            return CommandResult.Fail(error);
        }

        LeadScoreRule? rule;
        if (id == 0)
        {
            await EnsureDefaultRulesAsync(cancellationToken);
            rule = new LeadScoreRule { Kind = kind! };
            db.LeadScoreRules.Add(rule);
        }
        else
        {
            rule = await db.LeadScoreRules.FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
            if (rule is null)
            {
                return CommandResult.Fail("That rule no longer exists.");
            }
        }

        rule.Kind = kind!;
        rule.Argument = LeadScorer.Canonical(kind!, argument);
        rule.Points = points;
        rule.MaxPoints = maxPoints;
        rule.IsActive = isActive;
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Ok;
    }

    public async Task<CommandResult> DeleteRuleAsync(int id, CancellationToken cancellationToken)
    {
        var deleted = await db.LeadScoreRules.Where(r => r.Id == id).ExecuteDeleteAsync(cancellationToken);
        return deleted == 0 ? CommandResult.Fail("That rule no longer exists.") : CommandResult.Ok;
    }

    /// <summary>Recomputes one lead's score (and its last contact, from its latest interaction); returns the score, or null when the lead is gone.</summary>
    public async Task<int?> RecomputeAsync(int leadId, CancellationToken cancellationToken)
    {
        var rules = await ActiveRulesAsync(cancellationToken);
        var scored = await ScoreAsync(db.Leads.Where(l => l.Id == leadId), rules, cancellationToken);
        return scored.Count == 0 ? null : scored[0];
    }

    /// <summary>Recomputes the given leads (e.g. a batch of imported leads) with one read of the rules.</summary>
    public async Task<int> RecomputeAsync(IReadOnlyCollection<int> leadIds, CancellationToken cancellationToken)
    {
        if (leadIds.Count == 0)
        {
            return 0;
        }

        var rules = await ActiveRulesAsync(cancellationToken);
        var count = 0;
        foreach (var chunk in leadIds.Chunk(BatchSize))
        {
            count += (await ScoreAsync(db.Leads.Where(l => chunk.Contains(l.Id)), rules, cancellationToken)).Count;
        }

        return count;
    }

    /// <summary>Recomputes every lead of the tenant, in batches; returns how many leads were scored.</summary>
    public async Task<int> RecomputeAllAsync(CancellationToken cancellationToken)
    {
        var rules = await ActiveRulesAsync(cancellationToken);
        var lastId = 0;
        var count = 0;
        while (true)
        {
            var ids = await db.Leads.AsNoTracking().Where(l => l.Id > lastId).OrderBy(l => l.Id).Take(BatchSize).Select(l => l.Id).ToListAsync(cancellationToken);
            if (ids.Count == 0)
            {
                return count;
            }

            count += (await ScoreAsync(db.Leads.Where(l => ids.Contains(l.Id)), rules, cancellationToken)).Count;
            lastId = ids[^1];
        }
    }

    private async Task<IReadOnlyList<ScoreRule>> ActiveRulesAsync(CancellationToken cancellationToken)
    {
        await EnsureDefaultRulesAsync(cancellationToken);
        return await db.LeadScoreRules.AsNoTracking().Where(r => r.IsActive)
            .Select(r => new ScoreRule(r.Kind, r.Argument, r.Points, r.MaxPoints, true)).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Scores the leads and writes score and last contact with a direct update: both are derived values,
    /// so they do not go through the audit trail or the concurrency stamp of people editing the lead.
    /// </summary>
    private async Task<IReadOnlyList<int>> ScoreAsync(IQueryable<Lead> leads, IReadOnlyList<ScoreRule> rules, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var facts = await leads.AsNoTracking()
            .Select(l => new
            {
                l.Id,
                l.Score,
                l.FirstName,
                l.LastName,
                l.Email,
                l.Phone,
                l.Company,
                l.Source,
                l.Status,
                l.LastContactedAt,
                Interactions = db.Interactions.Count(i => i.LeadId == l.Id),
                LatestInteraction = db.Interactions.Where(i => i.LeadId == l.Id && i.OccurredAt <= now).Max(i => (DateTimeOffset?)i.OccurredAt),
            })
            .ToListAsync(cancellationToken);
        var scores = new List<int>(facts.Count);
        foreach (var f in facts)
        {
            var lastContact = f.LatestInteraction > f.LastContactedAt || f.LastContactedAt is null ? f.LatestInteraction : f.LastContactedAt;
            var score = LeadScorer.Score(
                new LeadFacts(
                    !string.IsNullOrWhiteSpace(f.FirstName) || !string.IsNullOrWhiteSpace(f.LastName),
                    !string.IsNullOrWhiteSpace(f.Email),
                    !string.IsNullOrWhiteSpace(f.Phone),
                    !string.IsNullOrWhiteSpace(f.Company),
                    f.Source,
                    f.Status,
                    f.Interactions,
                    lastContact),
                rules,
                now);
            if (score != f.Score || lastContact != f.LastContactedAt)
            {
                await db.Leads.Where(l => l.Id == f.Id).ExecuteUpdateAsync(
                    s => s.SetProperty(l => l.Score, score).SetProperty(l => l.LastContactedAt, lastContact), cancellationToken);
            }

            scores.Add(score);
        }

        return scores;
    }
}

/// <summary>Recomputes every lead score of the tenant it runs for (after the scoring rules change).</summary>
public sealed class LeadRescoreJob(LeadScoringService scoring) : ITenantJob
{
    public Task RunAsync(CancellationToken cancellationToken) => scoring.RecomputeAllAsync(cancellationToken);
}
