using Microsoft.EntityFrameworkCore;
using VibeCrm.Data.Feedback;
using VibeCrm.Data.Tenants;
using VibeCrm.Tenancy;
using VibeCrm.Web.Features.Interactions;
using VibeCrm.Web.Infrastructure.Email;
using VibeCrm.Web.Infrastructure.Web;

namespace VibeCrm.Web.Features.Feedback;

/// <summary>What a customer-facing link page shows: whether the link can be used and what it is about.</summary>
public sealed record LinkState(SignedLinkStatus Status, bool AlreadyAnswered, int ItemId = 0, string? Context = null)
{
    public bool Usable => Status == SignedLinkStatus.Valid && !AlreadyAnswered;
}

/// <summary>
/// Replies to customers: a public reply under a review, a private email reply (with a signed link the customer answers
/// without signing in), and resolving with the one-question CSAT follow-up. <paramref name="portalRoot"/> arguments are the
/// tenant's absolute portal address (<c>https://host/{tenant}</c>) the emailed links start with.
/// </summary>
public sealed class FeedbackReplies(
    TenantDbContext db,
    FeedbackLinks links,
    EmailTemplates templates,
    IEmailSender sender,
    ITenantContextAccessor tenants,
    TimeProvider clock)
{
    public async Task<CommandResult> PublicReplyAsync(int id, string? body, StaffActor actor, CancellationToken ct)
    {
        if (FeedbackWorkflow.Body(body) is { } error)
        {
            return CommandResult.Fail(error);
        }

        var item = await db.FeedbackItems.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (item is null)
        {
            return CommandResult.Fail("That feedback no longer exists.");
        }

        if (item.Type != FeedbackType.Review)
        {
            return CommandResult.Fail("Public replies are for reviews; answer complaints and suggestions by email.");
        }

        var now = clock.GetUtcNow();
        db.FeedbackMessages.Add(new FeedbackMessage { ItemId = id, Kind = FeedbackMessageKind.PublicReply, Body = body!.Trim(), AuthorUserId = actor.UserId, CreatedAt = now });
        Responded(item, now);
        await db.SaveChangesAsync(ct);
        return CommandResult.Ok;
    }

    public async Task<CommandResult> EmailReplyAsync(int id, string? body, StaffActor actor, string portalRoot, CancellationToken ct)
    {
        if (FeedbackWorkflow.Body(body) is { } error)
        {
            return CommandResult.Fail(error);
        }

        var item = await db.FeedbackItems.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (item is null)
        {
            return CommandResult.Fail("That feedback no longer exists.");
        }

        var (email, name) = await RecipientAsync(item, ct);
        if (email is null)
        {
            return CommandResult.Fail("There is no email address for this customer: add one to their profile first.");
        }

        var now = clock.GetUtcNow();
        var message = new FeedbackMessage { ItemId = id, Kind = FeedbackMessageKind.EmailReply, Body = body!.Trim(), AuthorUserId = actor.UserId, SentTo = email, CreatedAt = now };
        db.FeedbackMessages.Add(message);
        await db.SaveChangesAsync(ct);

        var staffName = await db.Users.AsNoTracking().Where(u => u.Id == actor.UserId).Select(u => u.FirstName).FirstOrDefaultAsync(ct);
        var model = new EmailModel(tenants.RequireTenant().Name, name ?? email, portalRoot + links.AnswerPath(message.Id))
        {
            Detail = message.Body,
            Sender = staffName,
        };
        await sender.SendAsync(await templates.RenderAsync("feedback-reply", model, email, name), ct);

        message.SentAt = clock.GetUtcNow();
        Responded(item, now);
        FeedbackWorkflow.SetStatus(item, FeedbackStatus.WaitingOnCustomer, now);
        await db.SaveChangesAsync(ct);
        return CommandResult.Ok;
    }

    public async Task<LinkState> AnswerStateAsync(string? token, CancellationToken ct)
    {
        var (status, messageId) = links.ReadAnswer(token);
        if (status != SignedLinkStatus.Valid)
        {
            return new LinkState(status, false);
        }

        var row = await (
            from m in db.FeedbackMessages.AsNoTracking()
            join i in db.FeedbackItems on m.ItemId equals i.Id
            where m.Id == messageId && m.Kind == FeedbackMessageKind.EmailReply
            select new { m.ItemId, m.Body, m.AnsweredAt }).FirstOrDefaultAsync(ct);
        return row is null ? new LinkState(SignedLinkStatus.Invalid, false) : new LinkState(status, row.AnsweredAt is not null, row.ItemId, row.Body);
    }

    /// <summary>The customer's answer to an email reply: added to the thread once, and the item is back with staff.</summary>
    public async Task<CommandResult> AnswerAsync(string? token, string? body, CancellationToken ct)
    {
        var state = await AnswerStateAsync(token, ct);
        if (!state.Usable)
        {
            return CommandResult.Fail(state.AlreadyAnswered ? "You already answered this message. Thank you!" : "This link cannot be used.");
        }

        if (FeedbackWorkflow.Body(body) is { } error)
        {
            return CommandResult.Fail(error);
        }

        var (_, messageId) = links.ReadAnswer(token);
        var now = clock.GetUtcNow();
        var claimed = await db.FeedbackMessages.Where(m => m.Id == messageId && m.AnsweredAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.AnsweredAt, now), ct);
        if (claimed == 0)
        {
            return CommandResult.Fail("You already answered this message. Thank you!");
        }

        var item = await db.FeedbackItems.FirstAsync(i => i.Id == state.ItemId, ct);
        db.FeedbackMessages.Add(new FeedbackMessage { ItemId = item.Id, Kind = FeedbackMessageKind.CustomerAnswer, Body = body!.Trim(), InReplyToId = messageId, CreatedAt = now });
        if (item.Status == FeedbackStatus.WaitingOnCustomer)
        {
            FeedbackWorkflow.SetStatus(item, FeedbackStatus.InProgress, now);
        }

        item.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        return CommandResult.Ok;
    }

    /// <summary>Resolves the item; with <paramref name="sendCsat"/>, emails the one-question satisfaction follow-up (once per item).</summary>
    public async Task<CommandResult> ResolveAsync(int id, bool sendCsat, StaffActor actor, string portalRoot, CancellationToken ct)
    {
        var item = await db.FeedbackItems.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (item is null)
        {
            return CommandResult.Fail("That feedback no longer exists.");
        }

        var now = clock.GetUtcNow();
        var (email, name) = await RecipientAsync(item, ct);
        if (sendCsat && email is null)
        {
            return CommandResult.Fail("There is no email address to send the satisfaction question to; resolve without it.");
        }

        var wasOpen = FeedbackRules.IsOpen(item.Status);
        if (wasOpen)
        {
            FeedbackWorkflow.SetStatus(item, FeedbackStatus.Resolved, now);
            db.FeedbackMessages.Add(new FeedbackMessage { ItemId = id, Kind = FeedbackMessageKind.Event, Body = "Resolved", AuthorUserId = actor.UserId, CreatedAt = now });
        }

        item.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        if (sendCsat && item.CsatSentAt is null)
        {
            var model = new EmailModel(tenants.RequireTenant().Name, name ?? email!, portalRoot + links.CsatPath(item.Id)) { Detail = item.Title ?? Snippet(item.Text) };
            await sender.SendAsync(await templates.RenderAsync("feedback-csat", model, email!, name), ct);
            item.CsatSentAt = clock.GetUtcNow();
            db.FeedbackMessages.Add(new FeedbackMessage { ItemId = id, Kind = FeedbackMessageKind.Event, Body = "Satisfaction question sent to " + email, AuthorUserId = actor.UserId, CreatedAt = now });
            await db.SaveChangesAsync(ct);
        }

        return CommandResult.Ok;
    }

    public async Task<LinkState> CsatStateAsync(string? token, CancellationToken ct)
    {
        var (status, itemId) = links.ReadCsat(token);
        if (status != SignedLinkStatus.Valid)
        {
            return new LinkState(status, false);
        }

        var row = await db.FeedbackItems.AsNoTracking().Where(i => i.Id == itemId).Select(i => new { i.CsatAnsweredAt, i.Title, i.Text }).FirstOrDefaultAsync(ct);
        return row is null ? new LinkState(SignedLinkStatus.Invalid, false) : new LinkState(status, row.CsatAnsweredAt is not null, itemId, row.Title ?? Snippet(row.Text));
    }

    /// <summary>Stores the 1–5 answer to the CSAT follow-up; the first answer counts, later ones are refused.</summary>
    public async Task<CommandResult> AnswerCsatAsync(string? token, int? rating, CancellationToken ct)
    {
        var state = await CsatStateAsync(token, ct);
        if (!state.Usable)
        {
            return CommandResult.Fail(state.AlreadyAnswered ? "You already answered. Thank you!" : "This link cannot be used.");
        }

        if (rating is not (>= 1 and <= 5))
        {
            return CommandResult.Fail("Choose from 1 (very unsatisfied) to 5 (very satisfied).");
        }

        var now = clock.GetUtcNow();
        var saved = await db.FeedbackItems.Where(i => i.Id == state.ItemId && i.CsatAnsweredAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.CsatRating, rating).SetProperty(i => i.CsatAnsweredAt, now), ct);
        return saved == 1 ? CommandResult.Ok : CommandResult.Fail("You already answered. Thank you!");
    }

    private static void Responded(FeedbackItem item, DateTimeOffset now)
    {
        FeedbackWorkflow.MarkResponded(item, now);
        if (item.Status is FeedbackStatus.New or FeedbackStatus.Assigned)
        {
            FeedbackWorkflow.SetStatus(item, FeedbackStatus.InProgress, now);
        }

        item.UpdatedAt = now;
    }

    private async Task<(string? Email, string? Name)> RecipientAsync(FeedbackItem item, CancellationToken ct)
    {
        if (item.CustomerId is { } customerId)
        {
            var customer = await db.Customers.AsNoTracking().Where(c => c.Id == customerId && c.ErasedAt == null)
                .Select(c => new { c.Email, c.FirstName, c.LastName }).FirstOrDefaultAsync(ct);
            if (customer?.Email is { Length: > 0 } email)
            {
                return (email, $"{customer.FirstName} {customer.LastName}".Trim());
            }
        }

        return (item.ContactEmail, item.ContactName);
    }

    public static string Snippet(string text, int length = 80) => text.Length <= length ? text : text[..(length - 1)].TrimEnd() + "…";
}
