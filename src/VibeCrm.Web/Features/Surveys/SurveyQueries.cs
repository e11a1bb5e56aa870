using Microsoft.EntityFrameworkCore;
using VibeCrm.Data.Surveys;
using VibeCrm.Data.Tenants;

namespace VibeCrm.Web.Features.Surveys;

public sealed record SurveyRow(int Id, string Name, SurveyStatus Status, int Version, int Questions, int Invitations, int Responses, DateTimeOffset UpdatedAt)
{
    public double? ResponseRate => Invitations == 0 ? null : Math.Round(100.0 * Responses / Invitations, 1);
}

public sealed record QuestionRow(int Id, int Position, QuestionKind Kind, string Text, bool Required, IReadOnlyList<string> Options);

/// <summary>A survey in the builder: its texts, questions, and whether the questions are frozen (responses exist, or closed).</summary>
public sealed record SurveyDraft(int Id, string Name, string? Intro, string? ThankYou, SurveyStatus Status, int Version, int Responses, IReadOnlyList<QuestionRow> Questions)
{
    public bool Locked => Responses > 0 || Status == SurveyStatus.Closed;
}

public sealed class SurveyQueries(TenantDbContext db)
{
    public const int PageSize = 50;

    public async Task<IReadOnlyList<SurveyRow>> ListAsync(CancellationToken ct) =>
        await db.Surveys.AsNoTracking()
            .OrderBy(s => s.Status == SurveyStatus.Closed).ThenByDescending(s => s.UpdatedAt)
            .Take(PageSize)
            .Select(s => new SurveyRow(
                s.Id,
                s.Name,
                s.Status,
                s.Version,
                s.Questions.Count,
                db.SurveyInvitations.Count(i => i.SurveyId == s.Id && (i.Status == InvitationStatus.Sent || i.RespondedAt != null)),
                db.SurveyResponses.Count(r => r.SurveyId == s.Id),
                s.UpdatedAt))
            .ToListAsync(ct);

    public async Task<SurveyDraft?> DraftAsync(int id, CancellationToken ct)
    {
        var survey = await db.Surveys.AsNoTracking().Include(s => s.Questions).FirstOrDefaultAsync(s => s.Id == id, ct);
        if (survey is null)
        {
            return null;
        }

        var responses = await db.SurveyResponses.CountAsync(r => r.SurveyId == id, ct);
        return new SurveyDraft(survey.Id, survey.Name, survey.Intro, survey.ThankYou, survey.Status, survey.Version, responses,
            [.. survey.Questions.OrderBy(q => q.Position).ThenBy(q => q.Id).Select(q => new QuestionRow(q.Id, q.Position, q.Kind, q.Text, q.Required, q.OptionList()))]);
    }

    public async Task<SurveyForm?> FormAsync(int id, CancellationToken ct) =>
        await db.Surveys.AsNoTracking().Include(s => s.Questions).FirstOrDefaultAsync(s => s.Id == id, ct) is { } survey
            ? SurveyAnswering.ToForm(survey)
            : null;
}
