using Microsoft.EntityFrameworkCore;
using VibeCrm.Data.Surveys;
using VibeCrm.Data.Tenants;
using VibeCrm.Web.Features.Customers.Timeline;

namespace VibeCrm.Web.Features.Surveys;

/// <summary>Survey responses on the customer's timeline, with the NPS / CSAT given and a link to the survey's results.</summary>
public sealed class SurveyTimelineSource(TenantDbContext db, Tenancy.ITenantContextAccessor tenants) : ITimelineSource
{
    public const string Kind = "survey";

    public async Task<IReadOnlyList<TimelineItem>> GetAsync(int customerId, DateTimeOffset? before, int take, CancellationToken ct)
    {
        var query = db.SurveyResponses.AsNoTracking().Where(r => r.CustomerId == customerId);
        if (before is { } cursor)
        {
            query = query.Where(r => r.SubmittedAt < cursor);
        }

        var rows = await query.OrderByDescending(r => r.SubmittedAt).ThenByDescending(r => r.Id).Take(take)
            .Join(db.Surveys, r => r.SurveyId, s => s.Id, (r, s) => new { r.Id, r.SurveyId, r.SubmittedAt, s.Name })
            .ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var scores = await db.SurveyAnswers.AsNoTracking()
            .Where(a => ids.Contains(a.ResponseId) && (a.Number != null || a.Text != null))
            .Join(db.SurveyQuestions, a => a.QuestionId, q => q.Id, (a, q) => new { a.ResponseId, q.Kind, a.Number, a.Text, a.SentimentLabel })
            .ToListAsync(ct);
        var tenant = tenants.Current?.Identifier;
        return [.. rows.OrderByDescending(r => r.SubmittedAt).ThenByDescending(r => r.Id).Select(r => new TimelineItem(
            r.SubmittedAt,
            Kind,
            "✎",
            $"Answered the survey “{r.Name}”",
            Detail(scores.Where(s => s.ResponseId == r.Id).Select(s => (s.Kind, s.Number, s.Text, s.SentimentLabel))),
            Link: tenant is null ? null : $"/{tenant}/admin/surveys/results/{r.SurveyId}")
        {
            RecordId = r.Id,
        })];
    }

    private static string? Detail(IEnumerable<(QuestionKind Kind, int? Number, string? Text, string? Sentiment)> answers)
    {
        var parts = new List<string>();
        foreach (var (kind, number, text, sentiment) in answers)
        {
            if (kind == QuestionKind.Nps && number is { } nps)
            {
                parts.Add($"NPS {nps}/10");
            }
            else if (kind == QuestionKind.Csat && number is { } csat)
            {
                parts.Add($"CSAT {csat}/5");
            }
            else if (text is not null)
            {
                var shortText = text.Length > 160 ? text[..160] + "…" : text;
                parts.Add(sentiment is null ? $"“{shortText}”" : $"“{shortText}” ({sentiment})");
            }
        }

        return parts.Count == 0 ? null : string.Join(" · ", parts);
    }
}
