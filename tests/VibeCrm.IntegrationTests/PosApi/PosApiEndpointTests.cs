using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VibeCrm.Data.Loyalty;
using VibeCrm.Web.Features.Customers.Timeline;

namespace VibeCrm.IntegrationTests.PosApi;

/// <summary>Every endpoint's happy path and its errors, through HTTP with a real key.</summary>
public sealed class PosApiEndpointTests(PosApiFactory factory) : IClassFixture<PosApiFactory>
{
    private static void WithSilverTier(LoyaltyProgram p) =>
        p.Tiers.Add(new Tier { Name = "Silver", Rank = 1, Threshold = 50, CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow });

    [Fact]
    public async Task Programs_lists_the_program_with_its_tiers()
    {
        var s = await factory.PosSetupAsync(WithSilverTier);
        using var response = await s.Client.GetAsync("/api/v1/programs");
        var program = (await response.JsonAsync())[0];
        Assert.Equal("Club", program.GetProperty("name").GetString());
        Assert.Equal("active", program.GetProperty("status").GetString());
        Assert.Equal("Silver", program.GetProperty("tiers")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_customer_is_created_then_updated_and_joins_the_program_and_is_found_by_email_phone_card_and_qr()
    {
        var s = await factory.PosSetupAsync();
        using var created = await s.Client.PostAsync("/api/v1/customers", new { email = "Zoe@Example.com", phone = "06 12 34 56 78", firstName = "Zoe", joinProgramId = s.ProgramId });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.JsonAsync();
        Assert.True(body.GetProperty("created").GetBoolean());
        Assert.True(body.GetProperty("joined").GetBoolean());
        var customerId = body.GetProperty("customerId").GetInt32();
        var card = body.GetProperty("membership").GetProperty("cardNumber").GetString()!;
        Assert.Matches("^[0-9]{16}$", card);
        Assert.Equal("VIBECRM:CARD:" + card, body.GetProperty("membership").GetProperty("qrPayload").GetString());

        using var updated = await s.Client.PostAsync("/api/v1/customers", new { phone = "+33612345678", lastName = "Martin", joinProgramId = s.ProgramId });
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var again = await updated.JsonAsync();
        Assert.Equal(customerId, again.GetProperty("customerId").GetInt32());
        Assert.False(again.GetProperty("created").GetBoolean());
        Assert.False(again.GetProperty("joined").GetBoolean());

        var spaced = $"{card[..4]} {card[4..8]} {card[8..12]} {card[12..]}";
        foreach (var query in new[] { "email=zoe%40example.com", "phone=0612345678", "phone=%2B33%206%2012%2034%2056%2078", $"cardNumber={Uri.EscapeDataString(spaced)}", $"qr=VIBECRM%3ACARD%3A{card}", $"email=zoe%40example.com&programId={s.ProgramId}" })
        {
            using var found = await s.Client.GetAsync($"/api/v1/members/lookup?{query}");
            Assert.True(found.StatusCode == HttpStatusCode.OK, $"{query}: {(int)found.StatusCode} {await found.Content.ReadAsStringAsync()}");
            var member = await found.JsonAsync();
            Assert.Equal(customerId, member.GetProperty("customerId").GetInt32());
            Assert.Equal("Martin", member.GetProperty("lastName").GetString());
            Assert.Equal(card, member.GetProperty("memberships")[0].GetProperty("cardNumber").GetString());
        }
    }

    [Fact]
    public async Task Lookup_errors_are_typed_problems()
    {
        var s = await factory.PosSetupAsync();
        using var none = await s.Client.GetAsync("/api/v1/members/lookup");
        var problem = await none.ProblemAsync(400, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty("query", out _));
        using var two = await s.Client.GetAsync("/api/v1/members/lookup?email=a%40b.com&phone=0612345678");
        await two.ProblemAsync(400, "validation");
        using var badCard = await s.Client.GetAsync("/api/v1/members/lookup?cardNumber=12");
        Assert.True((await badCard.ProblemAsync(400, "validation")).GetProperty("errors").TryGetProperty("cardNumber", out _));
        using var unknownEmail = await s.Client.GetAsync("/api/v1/members/lookup?email=nobody%40example.com");
        await unknownEmail.ProblemAsync(404, "unknown-member");
        using var unknownCard = await s.Client.GetAsync("/api/v1/members/lookup?cardNumber=0000000000000000");
        await unknownCard.ProblemAsync(404, "unknown-member");
        using var notMember = await s.Client.GetAsync($"/api/v1/members/lookup?email=zoe2%40example.com&programId={s.ProgramId}");
        await notMember.ProblemAsync(404, "unknown-member");
    }

    [Fact]
    public async Task Customer_upsert_errors_are_typed_problems()
    {
        var s = await factory.PosSetupAsync();
        using var nothing = await s.Client.PostAsync("/api/v1/customers", new { firstName = "Nobody" });
        Assert.True((await nothing.ProblemAsync(400, "validation")).GetProperty("errors").TryGetProperty("email", out _));
        using var badEmail = await s.Client.PostAsync("/api/v1/customers", new { email = "not an email" });
        await badEmail.ProblemAsync(400, "validation");
        using var unknownProgram = await s.Client.PostAsync("/api/v1/customers", new { email = "x@example.com", joinProgramId = 999 });
        await unknownProgram.ProblemAsync(404, "unknown-program");

        await factory.DbAsync(s.Tenant, db => db.LoyaltyPrograms.Where(p => p.Id == s.ProgramId).ExecuteUpdateAsync(u => u.SetProperty(p => p.Status, ProgramStatus.Closed)));
        using var closed = await s.Client.PostAsync("/api/v1/customers", new { email = "x@example.com", joinProgramId = s.ProgramId });
        await closed.ProblemAsync(409, "program-closed");
    }

    [Fact]
    public async Task A_purchase_earns_points_and_answers_balance_and_tier_and_the_same_receipt_earns_once()
    {
        var s = await factory.PosSetupAsync(WithSilverTier);
        using var response = await s.Client.PostAsync("/api/v1/purchases", PosHttp.Purchase(s, "R-1", 60m,
            new { sku = "LATTE", name = "Latte", category = "coffee", quantity = 2, unitPrice = 4.5m },
            new { sku = "CAKE", name = "Cake", category = "food", quantity = 1, unitPrice = 51m }));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal(60, body.GetProperty("pointsEarned").GetInt32());
        Assert.False(body.GetProperty("pending").GetBoolean());
        Assert.Equal(60, body.GetProperty("activeBalance").GetInt32());
        Assert.Equal("Silver", body.GetProperty("tier").GetProperty("name").GetString());
        Assert.False(body.GetProperty("duplicate").GetBoolean());

        using var retried = await s.Client.PostAsync("/api/v1/purchases", PosHttp.Purchase(s, "R-1", 60m));
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        var duplicate = await retried.JsonAsync();
        Assert.True(duplicate.GetProperty("duplicate").GetBoolean());
        Assert.Equal(60, duplicate.GetProperty("activeBalance").GetInt32());
        Assert.Equal(1, await factory.DbAsync(s.Tenant, db => db.LedgerEntries.CountAsync(e => e.Type == LedgerEntryType.Earn)));

        using var balance = await s.Client.GetAsync($"/api/v1/members/{s.MembershipId}/balance");
        var b = await balance.JsonAsync();
        Assert.Equal(60, b.GetProperty("activePoints").GetInt32());
        Assert.Equal(0.6m, b.GetProperty("activeValue").GetDecimal());
        Assert.Equal("Silver", b.GetProperty("tier").GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_purchase_by_card_number_or_customer_id_in_a_pending_program_is_pending()
    {
        var s = await factory.PosSetupAsync(p => p.PendingDays = 14);
        var card = await factory.DbAsync(s.Tenant, db => db.LoyaltyMemberships.Where(m => m.Id == s.MembershipId).Select(m => m.CardNumber).SingleAsync());
        using var byCard = await s.Client.PostAsync("/api/v1/purchases", new { programId = s.ProgramId, cardNumber = card, externalId = "C-1", total = 10m, lines = Array.Empty<object>() });
        var body = await byCard.JsonAsync();
        Assert.Equal(HttpStatusCode.Created, byCard.StatusCode);
        Assert.True(body.GetProperty("pending").GetBoolean());
        Assert.Equal(10, body.GetProperty("pendingBalance").GetInt32());

        using var byCustomer = await s.Client.PostAsync("/api/v1/purchases", new { programId = s.ProgramId, customerId = s.Loyalty.CustomerId, externalId = "C-2", total = 5m });
        Assert.Equal(15, (await byCustomer.JsonAsync()).GetProperty("pendingBalance").GetInt32());
    }

    [Fact]
    public async Task Purchase_errors_are_typed_problems_with_field_errors()
    {
        var s = await factory.PosSetupAsync();
        using var invalid = await s.Client.PostAsync("/api/v1/purchases", new { programId = s.ProgramId, total = -1, lines = new[] { new { sku = "", quantity = 0, unitPrice = 1 } } });
        var errors = (await invalid.ProblemAsync(400, "validation")).GetProperty("errors");
        foreach (var field in new[] { "membershipId", "externalId", "total", "lines[0].sku", "lines[0].quantity" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
        }

        using var malformed = await s.Client.PostAsync("/api/v1/purchases", PosHttp.Raw("{\"programId\": 1, \"total\": 12,"));
        await malformed.ProblemAsync(400, "malformed-json");
        using var wrongType = await s.Client.PostAsync("/api/v1/purchases", PosHttp.Raw("{\"programId\": \"one\"}"));
        await wrongType.ProblemAsync(400, "malformed-json");
        using var empty = await s.Client.PostAsync("/api/v1/purchases", PosHttp.Raw(""));
        await empty.ProblemAsync(400, "validation");
        using var currency = await s.Client.PostAsync("/api/v1/purchases", new { membershipId = s.MembershipId, externalId = "X-1", total = 5m, currency = "USD" });
        Assert.True((await currency.ProblemAsync(400, "validation")).GetProperty("errors").TryGetProperty("currency", out _));

        using var unknown = await s.Client.PostAsync("/api/v1/purchases", new { membershipId = 999, externalId = "X-2", total = 5m });
        await unknown.ProblemAsync(404, "unknown-member");
        using var otherProgram = await s.Client.PostAsync("/api/v1/purchases", new { programId = 999, membershipId = s.MembershipId, externalId = "X-3", total = 5m });
        await otherProgram.ProblemAsync(404, "unknown-member");

        await factory.DbAsync(s.Tenant, db => db.LoyaltyPrograms.Where(p => p.Id == s.ProgramId).ExecuteUpdateAsync(u => u.SetProperty(p => p.Status, ProgramStatus.Closed)));
        using var closed = await s.Client.PostAsync("/api/v1/purchases", new { membershipId = s.MembershipId, externalId = "X-4", total = 5m });
        await closed.ProblemAsync(409, "program-closed");
        Assert.Equal(0, await factory.DbAsync(s.Tenant, db => db.Purchases.CountAsync()));
    }

    [Fact]
    public async Task Refunds_reverse_lines_then_the_rest_and_are_idempotent_by_refund_id()
    {
        var s = await factory.PosSetupAsync();
        using var bought = await s.Client.PostAsync("/api/v1/purchases", PosHttp.Purchase(s, "R-10", 30m,
            new { sku = "A", name = "A", quantity = 2, unitPrice = 10m },
            new { sku = "B", name = "B", quantity = 1, unitPrice = 10m }));
        Assert.Equal(HttpStatusCode.Created, bought.StatusCode);

        using var partial = await s.Client.PostAsync("/api/v1/refunds", new { programId = s.ProgramId, purchaseExternalId = "R-10", refundExternalId = "RF-1", lines = new[] { new { sku = "A", quantity = 1 } } });
        Assert.Equal(HttpStatusCode.Created, partial.StatusCode);
        var p = await partial.JsonAsync();
        Assert.Equal(10, p.GetProperty("pointsReversed").GetInt32());
        Assert.Equal(10m, p.GetProperty("amountRefunded").GetDecimal());
        Assert.Equal(20, p.GetProperty("activeBalance").GetInt32());

        using var again = await s.Client.PostAsync("/api/v1/refunds", new { programId = s.ProgramId, purchaseExternalId = "R-10", refundExternalId = "RF-1", lines = new[] { new { sku = "A", quantity = 1 } } });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.True((await again.JsonAsync()).GetProperty("duplicate").GetBoolean());

        using var rest = await s.Client.PostAsync("/api/v1/refunds", new { programId = s.ProgramId, purchaseExternalId = "R-10", refundExternalId = "RF-2" });
        Assert.Equal(20, (await rest.JsonAsync()).GetProperty("pointsReversed").GetInt32());

        using var nothingLeft = await s.Client.PostAsync("/api/v1/refunds", new { programId = s.ProgramId, purchaseExternalId = "R-10", refundExternalId = "RF-3" });
        await nothingLeft.ProblemAsync(409, "already-refunded");
        using var tooMany = await s.Client.PostAsync("/api/v1/refunds", new { programId = s.ProgramId, purchaseExternalId = "R-10", refundExternalId = "RF-4", lines = new[] { new { sku = "A", quantity = 5 } } });
        await tooMany.ProblemAsync(400, "validation");
        using var unknown = await s.Client.PostAsync("/api/v1/refunds", new { programId = s.ProgramId, purchaseExternalId = "NOPE", refundExternalId = "RF-5" });
        await unknown.ProblemAsync(404, "unknown-purchase");
        using var invalid = await s.Client.PostAsync("/api/v1/refunds", new { purchaseExternalId = "R-10" });
        var errors = (await invalid.ProblemAsync(400, "validation")).GetProperty("errors");
        Assert.True(errors.TryGetProperty("programId", out _) && errors.TryGetProperty("refundExternalId", out _));
    }

    [Fact]
    public async Task A_refund_after_a_partial_redemption_through_the_api_leaves_a_negative_balance_paid_by_the_next_purchase()
    {
        var s = await factory.PosSetupAsync();
        var rewardId = await factory.AddRewardAsync(s.Tenant, s.ProgramId, 60);
        using (var bought = await s.Client.PostAsync("/api/v1/purchases", PosHttp.Purchase(s, "R-20", 100m)))
        {
            Assert.Equal(100, (await bought.JsonAsync()).GetProperty("activeBalance").GetInt32());
        }

        using (var redeemed = await s.Client.PostAsync($"/api/v1/members/{s.MembershipId}/redemptions", new { rewardId }))
        {
            Assert.Equal(HttpStatusCode.Created, redeemed.StatusCode);
        }

        using var refund = await s.Client.PostAsync("/api/v1/refunds", new { programId = s.ProgramId, purchaseExternalId = "R-20", refundExternalId = "RF-20" });
        var body = await refund.JsonAsync();
        Assert.Equal(100, body.GetProperty("pointsReversed").GetInt32());
        Assert.Equal(60, body.GetProperty("pointsFromDebt").GetInt32());
        Assert.Equal(-60, body.GetProperty("activeBalance").GetInt32());

        using var next = await s.Client.PostAsync("/api/v1/purchases", PosHttp.Purchase(s, "R-21", 80m));
        Assert.Equal(20, (await next.JsonAsync()).GetProperty("activeBalance").GetInt32());
        Assert.Empty(await factory.CheckInvariantsAsync(s.Loyalty));
    }

    [Fact]
    public async Task Redeeming_without_enough_points_or_an_unknown_reward_gets_its_own_problem()
    {
        var s = await factory.PosSetupAsync();
        var rewardId = await factory.AddRewardAsync(s.Tenant, s.ProgramId, 500);
        using var poor = await s.Client.PostAsync($"/api/v1/members/{s.MembershipId}/redemptions", new { rewardId });
        await poor.ProblemAsync(409, "insufficient-points");
        using var unknown = await s.Client.PostAsync($"/api/v1/members/{s.MembershipId}/redemptions", new { rewardId = 999 });
        await unknown.ProblemAsync(404, "unknown-reward");
        using var noMember = await s.Client.PostAsync("/api/v1/members/999/redemptions", new { rewardId });
        await noMember.ProblemAsync(404, "unknown-member");
        using var missing = await s.Client.PostAsync($"/api/v1/members/{s.MembershipId}/redemptions", new { });
        await missing.ProblemAsync(400, "validation");

        using var rewards = await s.Client.GetAsync($"/api/v1/members/{s.MembershipId}/rewards");
        var list = await rewards.JsonAsync();
        Assert.False(list[0].GetProperty("affordable").GetBoolean());
    }

    [Fact]
    public async Task A_code_is_validated_consumed_once_and_cannot_be_consumed_twice_or_cancelled_after()
    {
        var s = await factory.PosSetupAsync();
        var rewardId = await factory.AddRewardAsync(s.Tenant, s.ProgramId, 20);
        using (await s.Client.PostAsync("/api/v1/purchases", PosHttp.Purchase(s, "R-30", 50m)))
        {
        }

        using var redeemed = await s.Client.PostAsync($"/api/v1/members/{s.MembershipId}/redemptions", new { rewardId });
        var code = (await redeemed.JsonAsync()).GetProperty("code").GetString()!;

        using var valid = await s.Client.GetAsync($"/api/v1/reward-codes/{code.ToLowerInvariant()}");
        var v = await valid.JsonAsync();
        Assert.True(v.GetProperty("usable").GetBoolean());
        Assert.Equal("issued", v.GetProperty("status").GetString());
        Assert.Equal(20, v.GetProperty("points").GetInt32());

        using var consumed = await s.Client.PostAsync($"/api/v1/reward-codes/{code}/consume", new { storeCode = "main" });
        Assert.Equal(HttpStatusCode.OK, consumed.StatusCode);
        Assert.Equal("consumed", (await consumed.JsonAsync()).GetProperty("status").GetString());

        using var twice = await s.Client.PostAsync($"/api/v1/reward-codes/{code}/consume", new { storeCode = "main" });
        await twice.ProblemAsync(409, "code-already-used");
        using var cancel = await s.Client.PostAsync($"/api/v1/reward-codes/{code}/cancel", new { });
        await cancel.ProblemAsync(409, "code-already-used");
        using var after = await s.Client.GetAsync($"/api/v1/reward-codes/{code}");
        Assert.False((await after.JsonAsync()).GetProperty("usable").GetBoolean());

        using var unknown = await s.Client.PostAsync("/api/v1/reward-codes/ZZZZZZZZZZ/consume", new { });
        await unknown.ProblemAsync(404, "unknown-code");
        using var unknownGet = await s.Client.GetAsync("/api/v1/reward-codes/nope");
        await unknownGet.ProblemAsync(404, "unknown-code");
    }

    [Fact]
    public async Task A_cancelled_code_returns_its_points_and_an_expired_code_cannot_be_consumed()
    {
        var s = await factory.PosSetupAsync();
        var rewardId = await factory.AddRewardAsync(s.Tenant, s.ProgramId, 20, r => r.CodeValidDays = 1);
        using (await s.Client.PostAsync("/api/v1/purchases", PosHttp.Purchase(s, "R-40", 50m)))
        {
        }

        using var first = await s.Client.PostAsync($"/api/v1/members/{s.MembershipId}/redemptions", new { rewardId });
        var code = (await first.JsonAsync()).GetProperty("code").GetString()!;
        using var cancelled = await s.Client.PostAsync($"/api/v1/reward-codes/{code}/cancel", new { });
        var c = await cancelled.JsonAsync();
        Assert.Equal(20, c.GetProperty("pointsReturned").GetInt32());
        Assert.Equal(50, c.GetProperty("activeBalance").GetInt32());
        using var cancelledAgain = await s.Client.PostAsync($"/api/v1/reward-codes/{code}/cancel", new { });
        await cancelledAgain.ProblemAsync(409, "code-cancelled");
        using var consumeCancelled = await s.Client.PostAsync($"/api/v1/reward-codes/{code}/consume", new { });
        await consumeCancelled.ProblemAsync(409, "code-cancelled");

        using var second = await s.Client.PostAsync($"/api/v1/members/{s.MembershipId}/redemptions", new { rewardId });
        var expiring = (await second.JsonAsync()).GetProperty("code").GetString()!;
        factory.Clock.Advance(TimeSpan.FromDays(2));
        using var expired = await s.Client.PostAsync($"/api/v1/reward-codes/{expiring}/consume", new { });
        await expired.ProblemAsync(409, "code-expired");
        using var view = await s.Client.GetAsync($"/api/v1/reward-codes/{expiring}");
        Assert.Equal("expired", (await view.JsonAsync()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Purchases_refunds_and_redemptions_made_through_the_api_show_on_the_customer_timeline()
    {
        var s = await factory.PosSetupAsync();
        var rewardId = await factory.AddRewardAsync(s.Tenant, s.ProgramId, 10);
        using (await s.Client.PostAsync("/api/v1/purchases", PosHttp.Purchase(s, "T-1", 40m)))
        using (await s.Client.PostAsync($"/api/v1/members/{s.MembershipId}/redemptions", new { rewardId }))
        using (await s.Client.PostAsync("/api/v1/refunds", new { programId = s.ProgramId, purchaseExternalId = "T-1", refundExternalId = "TR-1" }))
        {
        }

        var items = (await factory.RunAsync(s.Tenant, sp => sp.GetRequiredService<TimelineService>().GetPageAsync(s.Loyalty.CustomerId, null, CancellationToken.None))).Items;
        var text = JsonSerializer.Serialize(items);
        Assert.Contains(items, i => i.Kind == "purchase" && i.Title.Contains("40.00 EUR", StringComparison.Ordinal) && i.Detail!.Contains("T-1", StringComparison.Ordinal));
        Assert.True(items.Any(i => i.Kind == "points" && i.Title.StartsWith("Reward redeemed: −10", StringComparison.Ordinal)), text);
        Assert.True(items.Any(i => i.Kind == "points" && i.Title.StartsWith("Refund", StringComparison.Ordinal)), text);
    }
}
