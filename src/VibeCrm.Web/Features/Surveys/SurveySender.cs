using Hangfire;
using Microsoft.EntityFrameworkCore;
using VibeCrm.Data.Surveys;
using VibeCrm.Data.Tenants;

namespace VibeCrm.Web.Features.Surveys;

public sealed record SendResult(int Invited, int AlreadyInvited, string? Error)
{
    public bool Succeeded => Error is null;
}

/// <summary>
/// Sending a survey: one <see cref="SurveyInvitation"/> row per new recipient is written first (unique per survey and customer),
/// then a job emails the pending rows. Sending again to the same people invites nobody twice.
/// </summary>
public sealed class SurveySender(TenantDbContext db, SurveyAudience audience, IBackgroundJobClient jobs, TimeProvider clock)
{
    public async Task<SendResult> SendAsync(int surveyId, AudienceInput input, string baseUrl, CancellationToken ct)
    {
        var survey = await db.Surveys.FirstOrDefaultAsync(s => s.Id == surveyId, ct);
        if (survey is null)
        {
            return new SendResult(0, 0, "That survey no longer exists.");
        }

        if (survey.Status == SurveyStatus.Closed)
        {
            return new SendResult(0, 0, "This survey is closed; duplicate it as a new version to send it again.");
        }

        if (!await db.SurveyQuestions.AnyAsync(q => q.SurveyId == surveyId, ct))
        {
            return new SendResult(0, 0, "Add at least one question before sending the survey.");
        }

        var (query, error) = audience.Select(input);
        if (query is null)
        {
            return new SendResult(0, 0, error);
        }

        var recipients = await query
            .Select(c => new { c.Id, c.Email, Invited = db.SurveyInvitations.Any(i => i.SurveyId == surveyId && i.CustomerId == c.Id) })
            .ToListAsync(ct);
        var fresh = recipients.Where(r => !r.Invited).ToList();
        if (recipients.Count == 0)
        {
            return new SendResult(0, 0, "Nobody matches: only customers with an email address and email consent can be surveyed.");
        }

        var now = clock.GetUtcNow();
        if (survey.Status == SurveyStatus.Draft)
        {
            survey.Status = SurveyStatus.Open;
            survey.OpenedAt = now;
            survey.UpdatedAt = now;
        }

        db.SurveyInvitations.AddRange(fresh.Select(r => new SurveyInvitation
        {
            SurveyId = surveyId,
            CustomerId = r.Id,
            Email = r.Email!,
            Status = InvitationStatus.Pending,
            CreatedAt = now,
        }));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return new SendResult(0, 0, "Another send of this survey was running at the same moment. Check the count and send again.");
        }

        if (fresh.Count > 0)
        {
            // The tenant scope of the request goes with the job (TenantJobFilter).
            jobs.Enqueue<SurveyInvitationJob>(j => j.RunAsync(surveyId, baseUrl, CancellationToken.None));
        }

        return new SendResult(fresh.Count, recipients.Count - fresh.Count, null);
    }
}
