using Microsoft.EntityFrameworkCore;
using VibeCrm.Data.Crm;
using VibeCrm.Data.Tenants;
using VibeCrm.Web.Features.Customers;

namespace VibeCrm.Web.Features.Surveys;

public enum AudienceKind
{
    /// <summary>Every customer with an email and email consent.</summary>
    All = 0,

    /// <summary>Those of them with a tag.</summary>
    Tag = 1,

    /// <summary>Those of them picked one by one.</summary>
    Picked = 2,
}

/// <summary>Who a survey goes to, as chosen on the send page.</summary>
public sealed class AudienceInput
{
    public AudienceKind Audience { get; set; }

    public string? Tag { get; set; }

    /// <summary>Customer ids ticked in the picker.</summary>
    public List<int> Picked { get; set; } = [];

    public IReadOnlyList<int> PickedIds() => [.. Picked.Where(id => id > 0).Distinct().Take(10_000)];
}

/// <summary>A customer the picker offers.</summary>
public sealed record AudienceCandidate(int Id, string Name, string Email);

/// <summary>
/// The recipients of a survey, computed in the database. Only live customers (not merged, not erased) with an email address
/// whose latest email consent is a grant are ever included: a withdrawal (or never having been asked) keeps them out.
/// </summary>
public sealed class SurveyAudience(TenantDbContext db)
{
    public IQueryable<Customer> Reachable() =>
        db.Customers.AsNoTracking()
            .Where(c => c.MergedIntoId == null && c.ErasedAt == null && c.Email != null && c.Email != "")
            .Where(c => db.ConsentRecords
                .Where(r => r.CustomerId == c.Id && r.Channel == ContactChannel.Email)
                .OrderByDescending(r => r.RecordedAt).ThenByDescending(r => r.Id)
                .Select(r => r.Granted)
                .FirstOrDefault());

    /// <summary>The chosen recipients, or an error message (no tag typed, nobody picked).</summary>
    public (IQueryable<Customer>? Query, string? Error) Select(AudienceInput input)
    {
        var reachable = Reachable();
        switch (input.Audience)
        {
            case AudienceKind.All:
                return (reachable, null);
            case AudienceKind.Tag:
                var tag = input.Tag?.Trim().ToLowerInvariant();
                return string.IsNullOrEmpty(tag)
                    ? (null, "Type the tag of the customers to survey.")
                    : (reachable.Where(c => c.Tags.Any(t => t.Tag == tag)), null);
            case AudienceKind.Picked:
                var ids = input.PickedIds();
                return ids.Count == 0
                    ? (null, "Pick at least one customer.")
                    : (reachable.Where(c => ids.Contains(c.Id)), null);
            default:
                return (null, "Choose who receives the survey.");
        }
    }

    /// <summary>How many would receive it now, and how many of those were already invited to this survey.</summary>
    public async Task<AudienceCount> CountAsync(int surveyId, AudienceInput input, CancellationToken ct)
    {
        var (query, error) = Select(input);
        if (query is null)
        {
            return new AudienceCount(0, 0, error);
        }

        var total = await query.CountAsync(ct);
        var already = await query.CountAsync(c => db.SurveyInvitations.Any(i => i.SurveyId == surveyId && i.CustomerId == c.Id), ct);
        return new AudienceCount(total, already, null);
    }

    /// <summary>Reachable customers matching a name or email prefix, for the picker.</summary>
    public async Task<IReadOnlyList<AudienceCandidate>> FindAsync(IReadOnlyList<int> ids, CancellationToken ct) =>
        ids.Count == 0 ? [] : await Reachable().Where(c => ids.Contains(c.Id)).OrderBy(c => c.SearchName).Take(500)
            .Select(c => new AudienceCandidate(c.Id, (c.FirstName + " " + c.LastName).Trim(), c.Email!))
            .ToListAsync(ct);

    public async Task<IReadOnlyList<AudienceCandidate>> SearchAsync(string? q, CancellationToken ct)
    {
        var key = ContactRules.SearchKey(q ?? "");
        if (key.Length < 2)
        {
            return [];
        }

        var email = (q ?? "").Trim().ToLowerInvariant();
        return await Reachable()
            .Where(c => c.SearchName.StartsWith(key) || c.SearchLastName.StartsWith(key) || (c.NormalizedEmail != null && c.NormalizedEmail.StartsWith(email)))
            .OrderBy(c => c.SearchName)
            .Take(20)
            .Select(c => new AudienceCandidate(c.Id, (c.FirstName + " " + c.LastName).Trim(), c.Email!))
            .ToListAsync(ct);
    }
}

/// <summary><paramref name="Total"/> recipients match; <paramref name="AlreadyInvited"/> of them will not be emailed again.</summary>
public sealed record AudienceCount(int Total, int AlreadyInvited, string? Error)
{
    public int New => Total - AlreadyInvited;
}
