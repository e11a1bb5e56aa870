using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VibeCrm.Data.Loyalty;
using VibeCrm.IntegrationTests.Opportunities;
using static VibeCrm.IntegrationTests.Loyalty.BackOfficeKit;

namespace VibeCrm.IntegrationTests.Loyalty;

/// <summary>Back office → Loyalty → Rewards: validation, the voucher code pool, pictures, stock and redemption counts.</summary>
public sealed class RewardCatalogPagesTests(LoyaltyFactory factory) : IClassFixture<LoyaltyFactory>
{
    private static Dictionary<string, string> Fields(string name, Action<Dictionary<string, string>>? change = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Name"] = name,
            ["Input.Kind"] = "AmountOff",
            ["Input.Value"] = "5",
            ["Input.CostPoints"] = "100",
            ["Input.CodeValidDays"] = "30",
            ["Input.IsActive"] = "true",
        };
        change?.Invoke(fields);
        return fields;
    }

    [Fact]
    public async Task The_reward_form_gives_a_message_for_every_bad_value()
    {
        var s = await factory.SetupAsync();
        using var owner = await factory.OwnerAsync(s);
        var page = s.Admin($"programs/reward/{s.ProgramId}");
        var body = Text(await owner.PostMultipartAsync(page, Fields("", f =>
        {
            f["Input.Kind"] = "PercentOff";
            f["Input.Value"] = "150";
            f["Input.CostPoints"] = "0";
            f["Input.Stock"] = "-1";
            f["Input.PerMemberLimit"] = "0";
            f["Input.AvailableFrom"] = "2026-12-10";
            f["Input.AvailableUntil"] = "2026-12-01";
            f["Input.CodeValidDays"] = "0";
            f["Input.TierIds"] = "999";
        })).ExpectAsync(HttpStatusCode.OK));
        Assert.Contains("Give the reward a name", body, StringComparison.Ordinal);
        Assert.Contains("Enter the percentage off, above 0 and at most 100.", body, StringComparison.Ordinal);
        Assert.Contains("The cost is a whole number of points from 1 to 10,000,000.", body, StringComparison.Ordinal);
        Assert.Contains("Stock cannot be negative", body, StringComparison.Ordinal);
        Assert.Contains("The limit per member is at least 1", body, StringComparison.Ordinal);
        Assert.Contains("The last day cannot be before the first day.", body, StringComparison.Ordinal);
        Assert.Contains("Codes stay valid 1 to 3650 days.", body, StringComparison.Ordinal);
        Assert.Contains("Choose tiers of this program.", body, StringComparison.Ordinal);

        var freeItem = Text(await owner.PostMultipartAsync(page, Fields("Cake", f => f["Input.Kind"] = "FreeItem")).ExpectAsync(HttpStatusCode.OK));
        Assert.Contains("Enter the SKU of the item given away.", freeItem, StringComparison.Ordinal);
        var voucher = Text(await owner.PostMultipartAsync(page, Fields("Partner", f => f["Input.Kind"] = "Voucher")).ExpectAsync(HttpStatusCode.OK));
        Assert.Contains("paste or upload at least one code", voucher, StringComparison.Ordinal);
        var duplicates = Text(await owner.PostMultipartAsync(page, Fields("Partner", f => { f["Input.Kind"] = "Voucher"; f["Input.PoolCodes"] = "AAA\nBBB\nAAA"; })).ExpectAsync(HttpStatusCode.OK));
        Assert.Contains("These codes appear more than once: AAA.", duplicates, StringComparison.Ordinal);
        var notVoucher = Text(await owner.PostMultipartAsync(page, Fields("Coffee", f => f["Input.PoolCodes"] = "AAA")).ExpectAsync(HttpStatusCode.OK));
        Assert.Contains("Only voucher rewards have a code pool", notVoucher, StringComparison.Ordinal);
        var notImage = Text(await owner.PostMultipartAsync(page, Fields("Coffee"), ("image", "evil.png", "<script>alert(1)</script>"u8.ToArray(), "image/png")).ExpectAsync(HttpStatusCode.OK));
        Assert.Contains("Upload a PNG, JPEG or WebP picture.", notImage, StringComparison.Ordinal);
        var tooBig = Text(await owner.PostMultipartAsync(page, Fields("Coffee"), ("image", "big.png", [.. Png, .. new byte[3 * 1024 * 1024]], "image/png")).ExpectAsync(HttpStatusCode.OK));
        Assert.Contains("The image is too large", tooBig, StringComparison.Ordinal);
        Assert.Equal(0, await factory.DbAsync(s.Tenant, db => db.Rewards.CountAsync()));
    }

    [Fact]
    public async Task A_voucher_reward_takes_pasted_and_uploaded_codes_tiers_dates_and_a_picture()
    {
        var s = await factory.SetupAsync(p => p.Tiers.Add(new Tier { Name = "Gold", Rank = 1, Threshold = 1000 }));
        var gold = await factory.DbAsync(s.Tenant, db => db.Tiers.SingleAsync());
        using var owner = await factory.OwnerAsync(s);
        var page = s.Admin($"programs/reward/{s.ProgramId}");
        using var created = await owner.PostMultipartAsync(page, Fields("Cinema ticket", f =>
        {
            f["Input.Kind"] = "Voucher";
            f["Input.Value"] = "";
            f["Input.CostPoints"] = "500";
            f["Input.Stock"] = "10";
            f["Input.PerMemberLimit"] = "2";
            f["Input.AvailableFrom"] = "2026-01-01";
            f["Input.AvailableUntil"] = "2026-06-30";
            f["Input.TierIds"] = $"{gold.Id}";
            f["Input.PoolCodes"] = " CINE-1 \nCINE-2, CINE-3";
            f["Input.Description"] = "One seat, any film.";
        }), ("image", "seat.png", Png, "application/octet-stream"), ("poolFile", "codes.csv", "CINE-4\r\nCINE-5\r\n"u8.ToArray(), "text/csv"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var reward = await factory.DbAsync(s.Tenant, db => db.Rewards.AsNoTracking().Include(r => r.Tiers).SingleAsync());
        Assert.Equal((RewardKind.Voucher, 500, (int?)10, (int?)2, (decimal?)null), (reward.Kind, reward.CostPoints, reward.Stock, reward.PerMemberLimit, reward.Value));
        Assert.Equal(new DateTimeOffset(2025, 12, 31, 23, 0, 0, TimeSpan.Zero), reward.AvailableFrom); // midnight in Paris
        Assert.Equal(new DateTimeOffset(2026, 6, 30, 22, 0, 0, TimeSpan.Zero), reward.AvailableUntil); // end of the last day, summer time
        Assert.Equal([gold.Id], reward.Tiers.Select(t => t.TierId));
        Assert.Equal(["CINE-1", "CINE-2", "CINE-3", "CINE-4", "CINE-5"], await factory.DbAsync(s.Tenant, db => db.RewardCodes.OrderBy(c => c.Code).Select(c => c.Code).ToListAsync()));

        Assert.Matches($"^/{s.Tenant.Identifier}/loyalty/images/[0-9a-f]{{32}}\\.png$", reward.ImageUrl);
        using (var image = await owner.GetAsync(reward.ImageUrl!))
        {
            Assert.Equal(HttpStatusCode.OK, image.StatusCode);
            Assert.Equal("image/png", image.Content.Headers.ContentType?.MediaType);
            Assert.Equal(Png, await image.Content.ReadAsByteArrayAsync());
        }

        var other = await factory.CreateTenantAsync();
        using (var elsewhere = await owner.GetAsync(reward.ImageUrl!.Replace($"/{s.Tenant.Identifier}/", $"/{other.Slug}/", StringComparison.Ordinal)))
        {
            Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
        }

        using (var traversal = await owner.GetAsync($"/{s.Tenant.Identifier}/loyalty/images/..%2F..%2Fsecret.png"))
        {
            Assert.Equal(HttpStatusCode.NotFound, traversal.StatusCode);
        }

        // saving again with the same codes adds none; the form shows the dates as entered
        var edit = page + $"/{reward.Id}";
        var form = await owner.GetPageAsync(edit);
        Assert.Contains("value=\"2026-06-30\"", form, StringComparison.Ordinal);
        using var again = await owner.PostMultipartAsync(edit, Fields("Cinema ticket", f =>
        {
            f["Input.Kind"] = "Voucher";
            f["Input.CostPoints"] = "500";
            f["Input.PoolCodes"] = "CINE-1\nCINE-6";
        }));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(6, await factory.DbAsync(s.Tenant, db => db.RewardCodes.CountAsync()));
        Assert.NotNull(await factory.DbAsync(s.Tenant, db => db.Rewards.Select(r => r.ImageUrl).SingleAsync()));
    }

    [Fact]
    public async Task The_list_shows_stock_left_and_redemptions_and_stock_cannot_drop_below_issued()
    {
        var s = await factory.SetupAsync();
        await factory.PurchaseAsync(s, "R-1", 1000m);
        var rewardId = await factory.AddRewardAsync(s.Tenant, s.ProgramId, 100, r => r.Stock = 5);
        var first = await factory.RedeemAsync(s, rewardId);
        Assert.True(first.Result.Succeeded, first.Result.Error);
        Assert.True((await factory.RedeemAsync(s, rewardId)).Result.Succeeded);
        await factory.RunAsync(s.Tenant, sp => sp.GetRequiredService<VibeCrm.Web.Features.Loyalty.RewardRedemptions>().CancelAsync(first.Redemption!.Code, CancellationToken.None));

        using var owner = await factory.OwnerAsync(s);
        var list = await owner.GetPageAsync(s.Admin($"programs/rewards/{s.ProgramId}"));
        var row = System.Text.RegularExpressions.Regex.Match(list, $"<tr data-reward=\"{rewardId}\">.*?</tr>", System.Text.RegularExpressions.RegexOptions.Singleline).Value;
        Assert.Contains("<td class=\"text-end\" data-stock-left>4</td>", row, StringComparison.Ordinal);
        Assert.Contains("<td class=\"text-end\" data-redemptions>1</td>", row, StringComparison.Ordinal);

        var body = Text(await owner.PostMultipartAsync(s.Admin($"programs/reward/{s.ProgramId}/{rewardId}"), Fields("Reward 100", f => f["Input.Stock"] = "0")).ExpectAsync(HttpStatusCode.OK));
        Assert.Contains("1 have already been issued: the stock cannot be lower.", body, StringComparison.Ordinal);
    }
}
