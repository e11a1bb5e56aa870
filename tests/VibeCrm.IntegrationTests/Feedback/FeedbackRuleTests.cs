using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VibeCrm.Data.Feedback;
using VibeCrm.Data.Loyalty;
using VibeCrm.IntegrationTests.Infrastructure;
using VibeCrm.Web.Features.Feedback;
using VibeCrm.Web.Features.Interactions;

namespace VibeCrm.IntegrationTests.Feedback;

/// <summary>Priority, SLA, round-robin assignment, auto-publish, validation and the review bonus.</summary>
public sealed class FeedbackRuleTests(FeedbackFactory factory) : IClassFixture<FeedbackFactory>
{
    private const string Angry = "Disgusting food, rude staff and we waited an hour. Worst experience ever, never again.";

    [Theory]
    [InlineData(FeedbackType.Complaint, 1, "negative", -0.9f, FeedbackPriority.Urgent)]
    [InlineData(FeedbackType.Complaint, 2, "negative", -0.4f, FeedbackPriority.Urgent)]
    [InlineData(FeedbackType.Complaint, null, "negative", -0.8f, FeedbackPriority.Urgent)]
    [InlineData(FeedbackType.Complaint, null, "negative", -0.3f, FeedbackPriority.High)]
    [InlineData(FeedbackType.Complaint, 1, "neutral", 0f, FeedbackPriority.High)]
    [InlineData(FeedbackType.Complaint, null, null, null, FeedbackPriority.High)]
    [InlineData(FeedbackType.Review, 1, "negative", -0.9f, FeedbackPriority.High)]
    [InlineData(FeedbackType.Review, 2, "positive", 0.5f, FeedbackPriority.Normal)]
    [InlineData(FeedbackType.Review, 3, "negative", -0.5f, FeedbackPriority.Normal)]
    [InlineData(FeedbackType.Review, 5, "positive", 0.9f, FeedbackPriority.Low)]
    [InlineData(FeedbackType.Review, 4, "negative", -0.6f, FeedbackPriority.Normal)]
    [InlineData(FeedbackType.Suggestion, null, "neutral", 0f, FeedbackPriority.Low)]
    [InlineData(FeedbackType.Suggestion, null, "negative", -0.7f, FeedbackPriority.Normal)]
    [InlineData(FeedbackType.Message, null, "negative", -0.7f, FeedbackPriority.Normal)]
    public void The_priority_table_gives_the_documented_priority(FeedbackType type, int? rating, string? label, float? score, FeedbackPriority expected) =>
        Assert.Equal(expected, FeedbackRules.Priority(type, rating, label, score));

    [Fact]
    public async Task A_one_star_negative_complaint_becomes_urgent_once_scored_and_a_staff_priority_sticks()
    {
        var tenant = (await factory.CreateTenantAsync()).Info;
        var id = await factory.SubmitAsync(tenant, new FeedbackSubmission { Type = FeedbackType.Complaint, Channel = FeedbackChannel.Phone, Rating = 1, Text = Angry });
        Assert.Equal(FeedbackPriority.High, (await factory.ItemAsync(tenant, id)).Priority); // before scoring: any complaint is high

        await factory.ScoreAsync(tenant, id);
        var scored = await factory.ItemAsync(tenant, id);
        Assert.Equal("negative", scored.SentimentLabel);
        Assert.Equal(FeedbackPriority.Urgent, scored.Priority);
        Assert.NotNull(scored.ScoredAt);
        Assert.Equal("base", scored.SentimentModel);

        await factory.InTenantAsync(tenant, sp => sp.GetRequiredService<FeedbackWorkflow>().ChangeAsync(id, scored.Status, FeedbackPriority.Low, scored.AssigneeUserId, new StaffActor("staff", true), CancellationToken.None));
        await factory.ScoreAsync(tenant, id); // a rescore does not undo the staff's choice
        var kept = await factory.ItemAsync(tenant, id);
        Assert.Equal(FeedbackPriority.Low, kept.Priority);
        Assert.True(kept.PriorityManual);
    }

    [Fact]
    public async Task SLA_due_times_follow_the_tenant_settings_per_priority_and_move_with_the_priority()
    {
        var tenant = (await factory.CreateTenantAsync()).Info;
        await factory.SettingsAsync(tenant, s =>
        {
            s.HighFirstResponseHours = 3;
            s.HighResolutionHours = 30;
            s.UrgentFirstResponseHours = 1;
            s.UrgentResolutionHours = 6;
        });
        var id = await factory.SubmitAsync(tenant, new FeedbackSubmission { Type = FeedbackType.Complaint, Channel = FeedbackChannel.Email, Text = "The gift card does not work at the till." });
        var item = await factory.ItemAsync(tenant, id);
        Assert.Equal(FeedbackPriority.High, item.Priority);
        Assert.Equal(item.CreatedAt.AddHours(3), item.FirstResponseDueAt);
        Assert.Equal(item.CreatedAt.AddHours(30), item.ResolutionDueAt);

        var result = await factory.InTenantAsync(tenant, sp => sp.GetRequiredService<FeedbackWorkflow>().ChangeAsync(id, item.Status, FeedbackPriority.Urgent, null, new StaffActor("staff", true), CancellationToken.None));
        Assert.True(result.Succeeded, result.Error);
        var urgent = await factory.ItemAsync(tenant, id);
        Assert.Equal(urgent.CreatedAt.AddHours(1), urgent.FirstResponseDueAt);
        Assert.Equal(urgent.CreatedAt.AddHours(6), urgent.ResolutionDueAt);

        // Overdue once the clock passes the first-response due time, and no longer once someone answered.
        factory.Clock.Advance(TimeSpan.FromHours(2));
        Assert.True(FeedbackRules.IsFirstResponseOverdue(urgent, factory.Clock.Now));
        Assert.False(FeedbackRules.IsResolutionOverdue(urgent, factory.Clock.Now));
        var page = await factory.InTenantAsync(tenant, sp => sp.GetRequiredService<FeedbackQueries>().ListAsync(new FeedbackFilter(Overdue: true), "x", tenant.TimeZoneId, CancellationToken.None));
        Assert.Equal([id], page.Rows.Select(r => r.Id));
        Assert.True(page.Rows[0].FirstResponseOverdue);

        await factory.InTenantAsync(tenant, sp => sp.GetRequiredService<FeedbackReplies>().PublicReplyAsync(id, "x", new StaffActor("s", true), CancellationToken.None)); // refused: not a review
        await factory.InTenantAsync(tenant, sp => sp.GetRequiredService<FeedbackWorkflow>().AddNoteAsync(id, "note", new StaffActor("s", true), CancellationToken.None));
        Assert.Null((await factory.ItemAsync(tenant, id)).FirstResponseAt); // a note is not a response

        // The item page shows the due times in the tenant's time zone.
        using var staff = new BrowserClient(factory);
        await staff.SignInStaffAsync(tenant.Identifier, $"owner@{tenant.Identifier}.test");
        var html = await staff.GetPageAsync($"/{tenant.Identifier}/admin/feedback/{id}");
        Assert.Contains(TenantTime.Format(urgent.FirstResponseDueAt, "Europe/Paris") + " (overdue)", html, StringComparison.Ordinal);
        Assert.Contains(TenantTime.Format(urgent.ResolutionDueAt, "Europe/Paris"), html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SLA_settings_refuse_out_of_range_values_with_a_message()
    {
        var tenant = (await factory.CreateTenantAsync()).Info;
        var errors = await factory.InTenantAsync(tenant, sp => sp.GetRequiredService<FeedbackSettingsService>().SaveAsync(
            new FeedbackSettings { UrgentFirstResponseHours = 0, NormalFirstResponseHours = 48, NormalResolutionHours = 24, AutoPublishMinRating = 9 }, CancellationToken.None));
        Assert.Equal("Between 1 and 2160 hours.", errors[nameof(FeedbackSettings.UrgentFirstResponseHours)]);
        Assert.Equal("Resolution cannot be due before the first response.", errors[nameof(FeedbackSettings.NormalResolutionHours)]);
        Assert.Equal("Choose 1 to 5 stars, or never.", errors[nameof(FeedbackSettings.AutoPublishMinRating)]);
    }

    [Fact]
    public async Task New_items_go_to_the_active_agents_in_turn()
    {
        var tenant = (await factory.CreateTenantAsync()).Info;
        var agents = await factory.AddAgentsAsync(tenant, 3);
        var assigned = new List<string?>();
        for (var n = 0; n < 7; n++)
        {
            var id = await factory.SubmitAsync(tenant, new FeedbackSubmission { Type = FeedbackType.Suggestion, Channel = FeedbackChannel.WalkIn, Text = $"Suggestion {n}" });
            var item = await factory.ItemAsync(tenant, id);
            Assert.Equal(FeedbackStatus.Assigned, item.Status);
            assigned.Add(item.AssigneeUserId);
        }

        Assert.Equal([agents[0], agents[1], agents[2], agents[0], agents[1], agents[2], agents[0]], assigned);

        // A deactivated agent leaves the circle; the owner (not an agent) never enters it.
        await factory.DbAsync(tenant, db => db.Users.Where(u => u.Id == agents[1]).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsActive, false)));
        var next = new List<string?>();
        for (var n = 0; n < 3; n++)
        {
            next.Add((await factory.ItemAsync(tenant, await factory.SubmitAsync(tenant, new FeedbackSubmission { Type = FeedbackType.Message, Channel = FeedbackChannel.Email, Text = "Hello" }))).AssigneeUserId);
        }

        Assert.Equal([agents[2], agents[0], agents[2]], next);
    }

    [Fact]
    public async Task Concurrent_submissions_are_shared_out_evenly_and_never_take_the_same_turn()
    {
        var tenant = (await factory.CreateTenantAsync()).Info;
        var agents = await factory.AddAgentsAsync(tenant, 3);
        var tasks = Enumerable.Range(0, 30).Select(n => Task.Run(() => factory.SubmitAsync(tenant, new FeedbackSubmission { Type = FeedbackType.Complaint, Channel = FeedbackChannel.Pos, Text = $"Concurrent {n}" })));
        var ids = await Task.WhenAll(tasks);
        var counts = await factory.DbAsync(tenant, db => db.FeedbackItems.Where(i => ids.Contains(i.Id)).GroupBy(i => i.AssigneeUserId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync());
        Assert.Equal(3, counts.Count);
        Assert.All(counts, c => Assert.Equal(10, c.Count));
        Assert.Equal(agents.Order(StringComparer.Ordinal), counts.Select(c => c.Key!).Order(StringComparer.Ordinal));
        var cursor = await factory.DbAsync(tenant, db => db.FeedbackAssignmentCursors.SingleAsync());
        Assert.Equal(30, cursor.Version);
    }

    [Fact]
    public async Task Without_agents_or_with_auto_assign_off_items_stay_unassigned()
    {
        var tenant = (await factory.CreateTenantAsync()).Info;
        var lonely = await factory.ItemAsync(tenant, await factory.SubmitAsync(tenant, new FeedbackSubmission { Type = FeedbackType.Message, Channel = FeedbackChannel.Email, Text = "Hi" }));
        Assert.Null(lonely.AssigneeUserId);
        Assert.Equal(FeedbackStatus.New, lonely.Status);

        await factory.AddAgentsAsync(tenant, 2);
        await factory.SettingsAsync(tenant, s => s.AutoAssign = false);
        Assert.Null((await factory.ItemAsync(tenant, await factory.SubmitAsync(tenant, new FeedbackSubmission { Type = FeedbackType.Message, Channel = FeedbackChannel.Email, Text = "Hi" }))).AssigneeUserId);
    }

    [Fact]
    public async Task Reviews_are_published_or_held_by_the_tenant_auto_publish_rule()
    {
        var tenant = (await factory.CreateTenantAsync()).Info;
        async Task<ModerationState?> Moderation(int rating) => (await factory.ItemAsync(tenant, await factory.ReviewAsync(tenant, rating, "It was ok"))).Moderation;

        Assert.Equal(ModerationState.Published, await Moderation(5));
        Assert.Equal(ModerationState.Published, await Moderation(4));
        Assert.Equal(ModerationState.Pending, await Moderation(3));
        Assert.Equal(ModerationState.Pending, await Moderation(1));

        await factory.SettingsAsync(tenant, s => s.AutoPublishMinRating = 3);
        Assert.Equal(ModerationState.Published, await Moderation(3));
        Assert.Equal(ModerationState.Pending, await Moderation(2));

        await factory.SettingsAsync(tenant, s => s.AutoPublishMinRating = 6);
        Assert.Equal(ModerationState.Pending, await Moderation(5));

        var complaint = await factory.ItemAsync(tenant, await factory.SubmitAsync(tenant, new FeedbackSubmission { Type = FeedbackType.Complaint, Channel = FeedbackChannel.Portal, Rating = 5, Text = "Complaint" }));
        Assert.Null(complaint.Moderation); // never public
    }

    [Fact]
    public async Task Bad_input_gets_a_message_per_field_and_nothing_is_saved()
    {
        var tenant = (await factory.CreateTenantAsync()).Info;
        var result = await factory.InTenantAsync(tenant, sp => sp.GetRequiredService<FeedbackService>().SubmitAsync(
            new FeedbackSubmission { Type = FeedbackType.Review, Channel = FeedbackChannel.Pos, Text = "  ", ContactEmail = "not-an-email", CustomerId = 999 }, CancellationToken.None));
        Assert.False(result.Succeeded);
        Assert.Equal("Choose from 1 to 5 stars.", result.Errors["Rating"]);
        Assert.Equal("Tell us a few words about your experience.", result.Errors["Text"]);
        Assert.Contains("is not a valid email address", result.Errors["ContactEmail"], StringComparison.Ordinal);
        Assert.Equal("That customer no longer exists.", result.Errors["CustomerId"]);

        var tooMany = await factory.InTenantAsync(tenant, sp => sp.GetRequiredService<FeedbackService>().SubmitAsync(
            new FeedbackSubmission { Type = FeedbackType.Review, Rating = 6, Text = new string('x', 4001) }, CancellationToken.None));
        Assert.Equal("The rating is from 1 to 5 stars.", tooMany.Errors["Rating"]);
        Assert.StartsWith("Keep it under 4000 characters", tooMany.Errors["Text"], StringComparison.Ordinal);
        Assert.Equal(0, await factory.DbAsync(tenant, db => db.FeedbackItems.CountAsync()));
    }

    [Fact]
    public async Task A_published_member_review_earns_the_review_bonus_once()
    {
        var setup = await factory.SetupAsync(rules: p => p.EarnRules.Add(new EarnRule { Kind = EarnRuleKind.ReviewBonus, BonusPoints = 15, Name = "Review" }));
        var held = await factory.ReviewAsync(setup.Tenant, 2, "Meh, the coffee was cold.", setup.CustomerId);
        Assert.Equal(0, (await factory.BalanceAsync(setup)).ActivePoints); // held for review: no bonus yet

        var actor = new StaffActor("staff", true);
        Assert.True((await factory.RunAsync(setup.Tenant, sp => sp.GetRequiredService<FeedbackWorkflow>().ModerateAsync(held, ModerationState.Published, actor, CancellationToken.None))).Succeeded);
        Assert.Equal(15, (await factory.BalanceAsync(setup)).ActivePoints);

        await factory.RunAsync(setup.Tenant, sp => sp.GetRequiredService<FeedbackWorkflow>().ModerateAsync(held, ModerationState.Hidden, actor, CancellationToken.None));
        await factory.RunAsync(setup.Tenant, sp => sp.GetRequiredService<FeedbackWorkflow>().ModerateAsync(held, ModerationState.Published, actor, CancellationToken.None));
        Assert.Equal(15, (await factory.BalanceAsync(setup)).ActivePoints); // idempotent by review id

        await factory.ReviewAsync(setup.Tenant, 5, "Lovely as always", setup.CustomerId); // published at once
        Assert.Equal(30, (await factory.BalanceAsync(setup)).ActivePoints);
    }
}
