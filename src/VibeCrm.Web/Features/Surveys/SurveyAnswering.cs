using Hangfire;
using Microsoft.EntityFrameworkCore;
using VibeCrm.Data.Surveys;
using VibeCrm.Data.Tenants;
using VibeCrm.Web.Infrastructure.Web;

namespace VibeCrm.Web.Features.Surveys;

public enum LinkState
{
    Ready = 0,
    Invalid = 1,
    Expired = 2,
    Answered = 3,
    Closed = 4,
}

/// <summary>What a survey link leads to: the form when it can be answered, otherwise why not.</summary>
public sealed record SurveyVisit(LinkState State, SurveyForm? Form = null, int InvitationId = 0, string? ThankYou = null);

/// <summary>The result of a submission: <paramref name="Saved"/> only when this submission recorded the response.</summary>
public sealed record SubmitOutcome(LinkState State, AnswerSheet Sheet, SurveyVisit Visit, bool Saved = false);

/// <summary>
/// The public side of a survey: reads a signed link, shows the questions, and records the answers once per invitation
/// (the response row is unique per invitation, so a second submission — even a simultaneous one — is refused).
/// </summary>
public sealed class SurveyAnswering(TenantDbContext db, SurveyLinks links, IBackgroundJobClient jobs, TimeProvider clock)
{
    public async Task<SurveyVisit> OpenAsync(string? token, CancellationToken ct)
    {
        var (status, invitationId) = links.Read(token);
        if (status != SignedLinkStatus.Valid)
        {
            return new SurveyVisit(status == SignedLinkStatus.Expired ? LinkState.Expired : LinkState.Invalid);
        }

        var invitation = await db.SurveyInvitations.AsNoTracking()
            .Where(i => i.Id == invitationId)
            .Select(i => new { i.SurveyId, Answered = db.SurveyResponses.Any(r => r.InvitationId == i.Id) })
            .FirstOrDefaultAsync(ct);
        if (invitation is null)
        {
            return new SurveyVisit(LinkState.Invalid);
        }

        var survey = await db.Surveys.AsNoTracking().Include(s => s.Questions).FirstOrDefaultAsync(s => s.Id == invitation.SurveyId, ct);
        if (survey is null)
        {
            return new SurveyVisit(LinkState.Invalid);
        }

        var form = ToForm(survey);
        var state = invitation.Answered ? LinkState.Answered : survey.Status == SurveyStatus.Open ? LinkState.Ready : LinkState.Closed;
        return new SurveyVisit(state, form, invitationId, survey.ThankYou);
    }

    public async Task<SubmitOutcome> SubmitAsync(string? token, IReadOnlyDictionary<int, IReadOnlyList<string>> values, CancellationToken ct)
    {
        var visit = await OpenAsync(token, ct);
        if (visit.State != LinkState.Ready || visit.Form is null)
        {
            return new SubmitOutcome(visit.State, AnswerSheet.Empty, visit);
        }

        var (answers, sheet) = AnswerRules.Validate(visit.Form.Questions, values);
        if (sheet.Errors.Count > 0)
        {
            return new SubmitOutcome(LinkState.Ready, sheet, visit);
        }

        var invitation = await db.SurveyInvitations.FirstAsync(i => i.Id == visit.InvitationId, ct);
        var now = clock.GetUtcNow();
        var response = new SurveyResponse
        {
            SurveyId = invitation.SurveyId,
            InvitationId = invitation.Id,
            CustomerId = invitation.CustomerId,
            SubmittedAt = now,
            Answers = [.. answers],
        };
        db.SurveyResponses.Add(response);
        invitation.RespondedAt = now;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same link was submitted at the same moment in another tab: the first one won.
            return new SubmitOutcome(LinkState.Answered, AnswerSheet.Empty, visit with { State = LinkState.Answered });
        }

        await db.Customers.Where(c => c.Id == invitation.CustomerId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastActivityAt, now), ct);
        if (answers.Any(a => a.Text is not null))
        {
            jobs.Enqueue<SurveySentimentJob>(j => j.RunAsync(response.Id, CancellationToken.None));
        }

        return new SubmitOutcome(LinkState.Answered, AnswerSheet.Empty, visit with { State = LinkState.Answered }, Saved: true);
    }

    public static SurveyForm ToForm(Survey survey) => new(
        survey.Id,
        survey.Name,
        survey.Intro,
        [.. survey.Questions.OrderBy(q => q.Position).ThenBy(q => q.Id).Select((q, i) => new FormQuestion(q.Id, i + 1, q.Kind, q.Text, q.Required, q.OptionList()))]);
}
