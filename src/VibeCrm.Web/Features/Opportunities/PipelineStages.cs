using Microsoft.EntityFrameworkCore;
using VibeCrm.Data.Crm;
using VibeCrm.Data.Tenants;

namespace VibeCrm.Web.Features.Opportunities;

public sealed record StageRow(int Id, string Name, int SortOrder, int DefaultProbability, StageKind Kind, bool IsArchived, int OpenCount);

/// <summary>
/// The tenant's pipeline columns. Open stages come first in their order, then exactly one Won and one Lost stage
/// (those are created with the defaults and can be renamed but never added, archived or duplicated).
/// </summary>
public sealed class PipelineStages(TenantDbContext db)
{
    public const int MaxNameLength = 60;

    private static readonly (string Name, int Probability, StageKind Kind)[] Defaults =
    [
        ("Qualification", 10, StageKind.Open),
        ("Proposal", 40, StageKind.Open),
        ("Negotiation", 70, StageKind.Open),
        ("Won", 100, StageKind.Won),
        ("Lost", 0, StageKind.Lost),
    ];

    /// <summary>Creates the default stages the first time; does nothing when the tenant already has stages.</summary>
    public async Task EnsureDefaultStagesAsync(CancellationToken cancellationToken)
    {
        if (await db.PipelineStages.AnyAsync(cancellationToken))
        {
            return;
        }

        var order = 0;
        foreach (var (name, probability, kind) in Defaults)
        {
            db.PipelineStages.Add(new PipelineStage { Name = name, DefaultProbability = probability, Kind = kind, SortOrder = order++ });
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Stages in board order (open stages by their order, then Won, then Lost).</summary>
    public async Task<IReadOnlyList<StageRow>> ListAsync(bool includeArchived, CancellationToken cancellationToken)
    {
        await EnsureDefaultStagesAsync(cancellationToken);
        return await db.PipelineStages.AsNoTracking()
            .Where(s => includeArchived || !s.IsArchived)
            .OrderBy(s => s.IsArchived).ThenBy(s => s.Kind == StageKind.Open ? 0 : s.Kind == StageKind.Won ? 1 : 2).ThenBy(s => s.SortOrder).ThenBy(s => s.Id)
            .Select(s => new StageRow(s.Id, s.Name, s.SortOrder, s.DefaultProbability, s.Kind, s.IsArchived,
                db.Opportunities.Count(o => o.StageId == s.Id)))
            .ToListAsync(cancellationToken);
    }

    public async Task<CommandResult> AddAsync(string? name, int probability, CancellationToken cancellationToken)
    {
        await EnsureDefaultStagesAsync(cancellationToken);
        if (await ValidateAsync(null, name, probability, cancellationToken) is { } error)
        {
            return CommandResult.Fail(error);
        }

        var last = await db.PipelineStages.Where(s => s.Kind == StageKind.Open && !s.IsArchived).MaxAsync(s => (int?)s.SortOrder, cancellationToken) ?? -1;
        db.PipelineStages.Add(new PipelineStage { Name = name!.Trim(), DefaultProbability = probability, Kind = StageKind.Open, SortOrder = last + 1 });
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Ok;
    }

    public async Task<CommandResult> UpdateAsync(int id, string? name, int probability, CancellationToken cancellationToken)
    {
        var stage = await db.PipelineStages.FirstOrDefaultAsync(s => s.Id == id && !s.IsArchived, cancellationToken);
        if (stage is null)
        {
            return CommandResult.Fail("That stage no longer exists.");
        }

        if (await ValidateAsync(id, name, probability, cancellationToken) is { } error)
        {
            return CommandResult.Fail(error);
        }

        if (stage.Kind != StageKind.Open && probability != stage.DefaultProbability)
        {
            return CommandResult.Fail(stage.Kind == StageKind.Won ? "The Won stage is always 100%." : "The Lost stage is always 0%.");
        }

        stage.Name = name!.Trim();
        stage.DefaultProbability = probability;
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Ok;
    }

    /// <summary>Moves an open stage one place up (-1) or down (+1) among the open stages.</summary>
    public async Task<CommandResult> MoveAsync(int id, int direction, CancellationToken cancellationToken)
    {
        var open = await db.PipelineStages.Where(s => s.Kind == StageKind.Open && !s.IsArchived)
            .OrderBy(s => s.SortOrder).ThenBy(s => s.Id).ToListAsync(cancellationToken);
        var index = open.FindIndex(s => s.Id == id);
        if (index < 0)
        {
            return CommandResult.Fail("Only open stages can be reordered; Won and Lost always come last.");
        }

        var other = index + Math.Sign(direction);
        if (direction == 0 || other < 0 || other >= open.Count)
        {
            return CommandResult.Ok;
        }

        (open[index], open[other]) = (open[other], open[index]);
        for (var i = 0; i < open.Count; i++)
        {
            open[i].SortOrder = i;
        }

        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Ok;
    }

    /// <summary>Archives an open stage that no longer holds opportunities; at least one open stage stays.</summary>
    public async Task<CommandResult> ArchiveAsync(int id, CancellationToken cancellationToken)
    {
        var stage = await db.PipelineStages.FirstOrDefaultAsync(s => s.Id == id && !s.IsArchived, cancellationToken);
        if (stage is null)
        {
            return CommandResult.Fail("That stage no longer exists.");
        }

        if (stage.Kind != StageKind.Open)
        {
            return CommandResult.Fail($"The {stage.Kind} stage cannot be archived: the pipeline needs exactly one Won and one Lost stage.");
        }

        var holding = await db.Opportunities.CountAsync(o => o.StageId == id, cancellationToken);
        if (holding > 0)
        {
            return CommandResult.Fail($"“{stage.Name}” still holds {holding} open {(holding == 1 ? "opportunity" : "opportunities")}. Move them first.");
        }

        if (await db.PipelineStages.CountAsync(s => s.Kind == StageKind.Open && !s.IsArchived, cancellationToken) <= 1)
        {
            return CommandResult.Fail("The pipeline needs at least one open stage.");
        }

        stage.IsArchived = true;
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Ok;
    }

    private async Task<string?> ValidateAsync(int? id, string? name, int probability, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "Give the stage a name.";
        }

        var trimmed = name.Trim();
        if (trimmed.Length > MaxNameLength)
        {
            return $"A stage name has at most {MaxNameLength} characters.";
        }

        if (probability is < 0 or > 100)
        {
            return "The probability is a percentage between 0 and 100.";
        }

        var names = await db.PipelineStages.Where(s => !s.IsArchived && s.Id != id).Select(s => s.Name).ToListAsync(cancellationToken);
        var taken = names.Contains(trimmed, StringComparer.OrdinalIgnoreCase);
        return taken ? $"There is already a stage called “{trimmed}”." : null;
    }
}
