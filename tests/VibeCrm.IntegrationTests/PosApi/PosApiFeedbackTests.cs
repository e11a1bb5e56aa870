using System.Net;
using Microsoft.EntityFrameworkCore;
using VibeCrm.Data.Feedback;

namespace VibeCrm.IntegrationTests.PosApi;

/// <summary>Feedback taken at the till goes through the feedback service like every other channel.</summary>
public sealed class PosApiFeedbackTests(PosApiFactory factory) : IClassFixture<PosApiFactory>
{
    [Fact]
    public async Task A_complaint_with_the_member_card_is_recorded_for_that_customer_from_the_pos_channel()
    {
        var s = await factory.PosSetupAsync();
        var card = await factory.DbAsync(s.Tenant, db => db.LoyaltyMemberships.Where(m => m.Id == s.MembershipId).Select(m => m.CardNumber).SingleAsync());

        using var created = await s.Client.PostAsync("/api/v1/feedback", new { type = "complaint", cardNumber = card, text = "The card reader refused my card twice and nobody helped.", storeCode = "Bastille", purchaseExternalId = "T-77" }, "fb-1");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.JsonAsync();
        Assert.Equal("complaint", body.GetProperty("type").GetString());
        Assert.Equal(s.Loyalty.CustomerId, body.GetProperty("customerId").GetInt32());

        var id = body.GetProperty("id").GetInt32();
        var item = await factory.DbAsync(s.Tenant, db => db.FeedbackItems.AsNoTracking().SingleAsync(i => i.Id == id));
        Assert.Equal((FeedbackChannel.Pos, FeedbackType.Complaint, "Bastille", "T-77"), (item.Channel, item.Type, item.Store, item.PurchaseReference));
        Assert.Equal(s.Loyalty.CustomerId, item.CustomerId);

        using var replay = await s.Client.PostAsync("/api/v1/feedback", new { type = "complaint", cardNumber = card, text = "The card reader refused my card twice and nobody helped.", storeCode = "Bastille", purchaseExternalId = "T-77" }, "fb-1");
        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        Assert.Equal(1, await factory.DbAsync(s.Tenant, db => db.FeedbackItems.CountAsync()));
    }

    [Fact]
    public async Task Bad_feedback_gets_a_problem_per_field_and_records_nothing()
    {
        var s = await factory.PosSetupAsync();

        var badType = await (await s.Client.PostAsync("/api/v1/feedback", new { type = "rant", text = "x" })).ProblemAsync(400, "validation");
        Assert.True(badType.GetProperty("errors").TryGetProperty("type", out _));

        var noText = await (await s.Client.PostAsync("/api/v1/feedback", new { type = "review", rating = 9 })).ProblemAsync(400, "validation");
        Assert.True(noText.GetProperty("errors").TryGetProperty("text", out _));
        Assert.True(noText.GetProperty("errors").TryGetProperty("rating", out _));

        await (await s.Client.PostAsync("/api/v1/feedback", new { type = "suggestion", cardNumber = "0000 0000 0000 0000", text = "Oat milk please" })).ProblemAsync(404, "unknown-member");
        await (await s.Client.PostAsync("/api/v1/feedback", new { type = "suggestion", customerId = 987654, text = "Oat milk please" })).ProblemAsync(404, "unknown-customer");
        Assert.Equal(0, await factory.DbAsync(s.Tenant, db => db.FeedbackItems.CountAsync()));
    }
}
