using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VibeCrm.Data.Feedback;
using VibeCrm.Data.Identity;
using VibeCrm.IntegrationTests.Infrastructure;
using VibeCrm.Web.Features.Feedback;
using VibeCrm.Web.Features.Interactions;

namespace VibeCrm.IntegrationTests.Feedback;

/// <summary>What members and the public see: published reviews and their public replies, never internal notes or private items.</summary>
public sealed class FeedbackVisibilityTests(FeedbackFactory factory) : IClassFixture<FeedbackFactory>
{
    [Fact]
    public async Task Only_published_reviews_and_their_public_replies_are_visible_and_internal_notes_never()
    {
        var tenant = (await factory.CreateTenantAsync()).Info;
        var memberEmail = $"mia.{tenant.Identifier}@example.com";
        var userId = await factory.CreateMemberAsync(tenant, memberEmail);
        var customerId = (await factory.InTenantAsync(tenant, sp => sp.GetRequiredService<VibeCrm.Web.Features.Members.MemberCustomers>().EnsureAsync(userId, CancellationToken.None))).CustomerId!.Value;
        var actor = new StaffActor("staff", true);

        var published = await factory.ReviewAsync(tenant, 5, "Pubvisible croissants are the best", customerId);
        var held = await factory.ReviewAsync(tenant, 2, "Heldtext coffee was cold", customerId);
        var hidden = await factory.ReviewAsync(tenant, 4, "Hiddentext nice place");
        var complaint = await factory.SubmitAsync(tenant, new FeedbackSubmission { Type = FeedbackType.Complaint, Channel = FeedbackChannel.Portal, CustomerId = customerId, Text = "Complainttext charged twice" });
        await factory.InTenantAsync(tenant, async sp =>
        {
            var replies = sp.GetRequiredService<FeedbackReplies>();
            var workflow = sp.GetRequiredService<FeedbackWorkflow>();
            Assert.True((await replies.PublicReplyAsync(published, "Pubreply thank you Mia", actor, CancellationToken.None)).Succeeded);
            Assert.True((await replies.PublicReplyAsync(held, "Heldreply sorry about that", actor, CancellationToken.None)).Succeeded);
            Assert.True((await replies.PublicReplyAsync(hidden, "Hiddenreply", actor, CancellationToken.None)).Succeeded);
            Assert.True((await workflow.ModerateAsync(hidden, ModerationState.Hidden, actor, CancellationToken.None)).Succeeded);
            Assert.True((await workflow.AddNoteAsync(published, "Secretnote regular, VIP", actor, CancellationToken.None)).Succeeded);
            Assert.True((await workflow.AddNoteAsync(complaint, "Secretnote two", actor, CancellationToken.None)).Succeeded);
            Assert.False((await replies.PublicReplyAsync(complaint, "Public on a complaint", actor, CancellationToken.None)).Succeeded);
            return 0;
        });

        // Anyone: the reviews page.
        using var anonymous = new BrowserClient(factory);
        var wall = await anonymous.GetPageAsync($"/{tenant.Identifier}/feedback");
        Assert.Contains("Pubvisible croissants", wall, StringComparison.Ordinal);
        Assert.Contains("Pubreply thank you Mia", wall, StringComparison.Ordinal);
        Assert.Contains("Mia M.", wall, StringComparison.Ordinal); // first name and initial only
        foreach (var secret in new[] { "Heldtext", "Heldreply", "Hiddentext", "Hiddenreply", "Complainttext", "Secretnote", memberEmail })
        {
            Assert.DoesNotContain(secret, wall, StringComparison.Ordinal);
        }

        // The reviewer's own page: their items and the replies meant for them, never notes.
        using var member = new BrowserClient(factory);
        await member.SignInMemberAsync(tenant.Identifier, memberEmail);
        var mine = await member.GetPageAsync($"/{tenant.Identifier}/feedback/mine");
        Assert.Contains("Pubreply thank you Mia", mine, StringComparison.Ordinal);
        Assert.Contains("Heldtext", mine, StringComparison.Ordinal);
        Assert.Contains("waiting for review", mine, StringComparison.Ordinal);
        Assert.Contains("Complainttext", mine, StringComparison.Ordinal);
        Assert.DoesNotContain("Secretnote", mine, StringComparison.Ordinal);
        Assert.DoesNotContain("Hiddentext", mine, StringComparison.Ordinal); // someone else's

        // Anonymous visitors cannot open the member pages.
        using var toMine = await anonymous.GetAsync($"/{tenant.Identifier}/feedback/mine");
        Assert.Equal(HttpStatusCode.Redirect, toMine.StatusCode);
        using var toNew = await anonymous.GetAsync($"/{tenant.Identifier}/feedback/new");
        Assert.Equal(HttpStatusCode.Redirect, toNew.StatusCode);
    }

    [Fact]
    public async Task A_member_leaves_a_review_in_the_portal_linked_to_their_customer_record()
    {
        var tenant = (await factory.CreateTenantAsync()).Info;
        var memberEmail = $"leo.{tenant.Identifier}@example.com";
        await factory.CreateMemberAsync(tenant, memberEmail, "Leo");
        using var member = new BrowserClient(factory);
        await member.SignInMemberAsync(tenant.Identifier, memberEmail);
        var url = $"/{tenant.Identifier}/feedback/new";

        using var invalid = await member.PostFormAsync(url, new Dictionary<string, string> { ["Input.Type"] = "Review", ["Input.Text"] = "Great" });
        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        Assert.Contains("Choose from 1 to 5 stars.", await invalid.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var sent = await member.PostFormAsync(url, new Dictionary<string, string> { ["Input.Type"] = "Review", ["Input.Rating"] = "5", ["Input.Title"] = "Sunday brunch", ["Input.Text"] = "Great brunch, friendly staff." });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var item = await factory.DbAsync(tenant, db => db.FeedbackItems.SingleAsync());
        var linked = await factory.DbAsync(tenant, db => db.Users.Where(u => u.Kind == AccountKind.Member).Select(u => u.CustomerId).SingleAsync());
        Assert.Equal(linked, item.CustomerId);
        Assert.Equal((FeedbackType.Review, FeedbackChannel.Portal, ModerationState.Published), (item.Type, item.Channel, item.Moderation!.Value));
        Assert.Contains("Sunday brunch", await member.GetPageAsync($"/{tenant.Identifier}/feedback/mine"), StringComparison.Ordinal);
    }
}
