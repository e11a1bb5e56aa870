using Microsoft.EntityFrameworkCore;
using VibeCrm.Data.Feedback;
using VibeCrm.Data.Tenants;

namespace VibeCrm.Web.Features.Feedback;

/// <summary>The tenant's feedback settings row, created with the defaults on first use.</summary>
public sealed class FeedbackSettingsService(TenantDbContext db, TimeProvider clock)
{
    public const int MaxHours = 24 * 90;

    public async Task<FeedbackSettings> GetAsync(CancellationToken ct) =>
        await db.FeedbackSettings.AsNoTracking().FirstOrDefaultAsync(s => s.Id == FeedbackSettings.SingletonId, ct) ?? new FeedbackSettings();

    /// <summary>Saves the settings; returns the message per field when a value is out of range.</summary>
    public async Task<IReadOnlyDictionary<string, string>> SaveAsync(FeedbackSettings input, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (input.AutoPublishMinRating is < 1 or > 6)
        {
            errors[nameof(input.AutoPublishMinRating)] = "Choose 1 to 5 stars, or never.";
        }

        foreach (var (name, hours) in Hours(input))
        {
            if (hours is < 1 or > MaxHours)
            {
                errors[name] = $"Between 1 and {MaxHours} hours.";
            }
        }

        foreach (var (first, resolution, name) in new[]
        {
            (input.UrgentFirstResponseHours, input.UrgentResolutionHours, nameof(input.UrgentResolutionHours)),
            (input.HighFirstResponseHours, input.HighResolutionHours, nameof(input.HighResolutionHours)),
            (input.NormalFirstResponseHours, input.NormalResolutionHours, nameof(input.NormalResolutionHours)),
            (input.LowFirstResponseHours, input.LowResolutionHours, nameof(input.LowResolutionHours)),
        })
        {
            if (resolution < first && !errors.ContainsKey(name))
            {
                errors[name] = "Resolution cannot be due before the first response.";
            }
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        var row = await db.FeedbackSettings.FirstOrDefaultAsync(s => s.Id == FeedbackSettings.SingletonId, ct);
        if (row is null)
        {
            row = new FeedbackSettings();
            db.FeedbackSettings.Add(row);
        }

        row.AutoPublishMinRating = input.AutoPublishMinRating;
        row.AutoAssign = input.AutoAssign;
        row.UrgentFirstResponseHours = input.UrgentFirstResponseHours;
        row.UrgentResolutionHours = input.UrgentResolutionHours;
        row.HighFirstResponseHours = input.HighFirstResponseHours;
        row.HighResolutionHours = input.HighResolutionHours;
        row.NormalFirstResponseHours = input.NormalFirstResponseHours;
        row.NormalResolutionHours = input.NormalResolutionHours;
        row.LowFirstResponseHours = input.LowFirstResponseHours;
        row.LowResolutionHours = input.LowResolutionHours;
        row.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return errors;
    }

    private static IEnumerable<(string Name, int Hours)> Hours(FeedbackSettings s)
    {
        yield return (nameof(s.UrgentFirstResponseHours), s.UrgentFirstResponseHours);
        yield return (nameof(s.UrgentResolutionHours), s.UrgentResolutionHours);
        yield return (nameof(s.HighFirstResponseHours), s.HighFirstResponseHours);
        yield return (nameof(s.HighResolutionHours), s.HighResolutionHours);
        yield return (nameof(s.NormalFirstResponseHours), s.NormalFirstResponseHours);
        yield return (nameof(s.NormalResolutionHours), s.NormalResolutionHours);
        yield return (nameof(s.LowFirstResponseHours), s.LowFirstResponseHours);
        yield return (nameof(s.LowResolutionHours), s.LowResolutionHours);
    }
}
