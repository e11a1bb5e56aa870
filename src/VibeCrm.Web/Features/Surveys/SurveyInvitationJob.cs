using Microsoft.EntityFrameworkCore;
using VibeCrm.Data.Surveys;
using VibeCrm.Data.Tenants;
using VibeCrm.Tenancy;
using VibeCrm.Web.Infrastructure.Email;

namespace VibeCrm.Web.Features.Surveys;

/// <summary>
/// Emails the pending invitations of a survey, one message per recipient with a personal signed link. Each row is claimed
/// (marked sent and saved) before its email goes out, so a retried or doubled job never emails anyone twice. Consent is
/// checked again at send time: a customer who withdrew it after being chosen is skipped.
/// </summary>
public sealed partial class SurveyInvitationJob(
    TenantDbContext db,
    SurveyAudience audience,
    SurveyLinks links,
    EmailTemplates templates,
    IEmailSender sender,
    ITenantContextAccessor tenants,
    TimeProvider clock,
    ILogger<SurveyInvitationJob> logger)
{
    public const string Template = "survey-invitation";
    private const int Batch = 200;

    public async Task RunAsync(int surveyId, string baseUrl, CancellationToken cancellationToken)
    {
        var tenant = tenants.RequireTenant();
        var survey = await db.Surveys.AsNoTracking().Where(s => s.Id == surveyId).Select(s => new { s.Name, s.Status }).FirstOrDefaultAsync(cancellationToken);
        if (survey is null)
        {
            return;
        }

        int sent = 0, skipped = 0, failed = 0;
        var lastId = 0;
        while (true)
        {
            var batch = await db.SurveyInvitations
                .Where(i => i.SurveyId == surveyId && i.Status == InvitationStatus.Pending && i.RespondedAt == null && i.Id > lastId)
                .OrderBy(i => i.Id)
                .Take(Batch)
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            lastId = batch[^1].Id;
            var ids = batch.Select(i => i.CustomerId).ToList();
            var reachable = await audience.Reachable().Where(c => ids.Contains(c.Id))
                .Select(c => new { c.Id, c.FirstName, c.LastName, c.Email })
                .ToDictionaryAsync(c => c.Id, cancellationToken);
            foreach (var invitation in batch)
            {
                if (survey.Status == SurveyStatus.Closed || !reachable.TryGetValue(invitation.CustomerId, out var customer))
                {
                    invitation.Status = InvitationStatus.Skipped;
                    invitation.Error = survey.Status == SurveyStatus.Closed ? "The survey was closed before sending." : "No email consent (or no address) at send time.";
                    await db.SaveChangesAsync(cancellationToken);
                    skipped++;
                    continue;
                }

                // Claim first: once saved as sent, no run of this job picks the row again.
                invitation.Status = InvitationStatus.Sent;
                invitation.SentAt = clock.GetUtcNow();
                invitation.Email = customer.Email!;
                await db.SaveChangesAsync(cancellationToken);
                try
                {
                    var name = $"{customer.FirstName} {customer.LastName}".Trim();
                    var model = new EmailModel(tenant.Name, customer.FirstName is { Length: > 0 } first ? first : name, links.Url(baseUrl, tenant.Identifier, invitation.Id))
                    {
                        Detail = survey.Name,
                    };
                    var message = await templates.RenderAsync(Template, model, customer.Email!, name.Length > 0 ? name : null);
                    await sender.SendAsync(message, cancellationToken);
                    sent++;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    invitation.Status = InvitationStatus.Failed;
                    invitation.Error = ex.Message.Length > 500 ? ex.Message[..500] : ex.Message;
                    await db.SaveChangesAsync(CancellationToken.None);
                    failed++;
                    LogFailed(logger, ex, invitation.Id);
                }
            }
        }

        LogDone(logger, surveyId, sent, skipped, failed);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Survey invitation {InvitationId} could not be sent")]
    private static partial void LogFailed(ILogger logger, Exception ex, int invitationId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Survey {SurveyId}: {Sent} invitations sent, {Skipped} skipped, {Failed} failed")]
    private static partial void LogDone(ILogger logger, int surveyId, int sent, int skipped, int failed);
}
