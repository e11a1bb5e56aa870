using System.Net;
using Microsoft.EntityFrameworkCore;
using VibeCrm.Data.Loyalty;
using VibeCrm.IntegrationTests.Opportunities;
using static VibeCrm.IntegrationTests.Loyalty.BackOfficeKit;

namespace VibeCrm.IntegrationTests.Loyalty;

/// <summary>Back office → Loyalty: the program, earn rule and tier pages and their validation.</summary>
public sealed class ProgramSettingsPagesTests(LoyaltyFactory factory) : IClassFixture<LoyaltyFactory>
{
    private static Dictionary<string, string> ProgramFields(string name, Action<Dictionary<string, string>>? change = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Name"] = name,
            ["Input.UnitName"] = "stars",
            ["Input.Status"] = "Active",
            ["Input.Terms"] = "Be nice.",
            ["Input.Currency"] = "eur",
            ["Input.TimeZoneId"] = "Europe/Paris",
            ["Input.PointValue"] = "0.05",
            ["Input.ExpiryKind"] = "AfterDays",
            ["Input.ExpiryDays"] = "365",
            ["Input.PendingDays"] = "14",
            ["Input.TierBasis"] = "AmountSpent",
            ["Input.TierWindowMonths"] = "12",
            ["Input.TierDowngradePolicy"] = "AfterRetention",
            ["Input.TierRetentionMonths"] = "6",
        };
        change?.Invoke(fields);
        return fields;
    }

    [Fact]
    public async Task A_program_is_created_with_every_setting_and_edited()
    {
        var s = await factory.SetupAsync();
        using var owner = await factory.OwnerAsync(s);
        using var created = await owner.PostAsync(s.Admin("programs/edit"), ProgramFields("Coffee Club"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var program = await factory.DbAsync(s.Tenant, db => db.LoyaltyPrograms.AsNoTracking().SingleAsync(p => p.Name == "Coffee Club"));
        Assert.Equal($"/{s.Tenant.Identifier}/admin/loyalty/programs/edit/{program.Id}", created.Headers.Location?.OriginalString);
        Assert.Equal(("stars", ProgramStatus.Active, "EUR", "Europe/Paris", 0.05m), (program.UnitName, program.Status, program.Currency, program.TimeZoneId, program.PointValue));
        Assert.Equal((ExpiryKind.AfterDays, (int?)365, 14), (program.ExpiryKind, program.ExpiryDays, program.PendingDays));
        Assert.Equal((TierBasis.AmountSpent, (int?)12, TierDowngradePolicy.AfterRetention, 6), (program.TierBasis, program.TierWindowMonths, program.TierDowngradePolicy, program.TierRetentionMonths));

        using var edited = await owner.PostAsync(s.Admin($"programs/edit/{program.Id}"), ProgramFields("Coffee Club", f =>
        {
            f["Input.Status"] = "Closed";
            f["Input.ExpiryKind"] = "EndOfYear";
            f["Input.TierWindowMonths"] = "";
        }));
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        program = await factory.DbAsync(s.Tenant, db => db.LoyaltyPrograms.AsNoTracking().SingleAsync(p => p.Id == program.Id));
        Assert.Equal((ProgramStatus.Closed, ExpiryKind.EndOfYear, (int?)null, (int?)null), (program.Status, program.ExpiryKind, program.ExpiryDays, program.TierWindowMonths));
        Assert.Contains("Coffee Club", await owner.GetPageAsync(s.Admin("programs")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_program_form_gives_a_message_for_every_bad_value_and_saves_nothing()
    {
        var s = await factory.SetupAsync();
        using var owner = await factory.OwnerAsync(s);
        var body = Text(await owner.PostAsync(s.Admin("programs/edit"), ProgramFields("", f =>
        {
            f["Input.UnitName"] = "";
            f["Input.Currency"] = "XYZ";
            f["Input.TimeZoneId"] = "Mars/Olympus";
            f["Input.PointValue"] = "0";
            f["Input.ExpiryKind"] = "Inactivity";
            f["Input.ExpiryDays"] = "";
            f["Input.PendingDays"] = "400";
            f["Input.TierWindowMonths"] = "0";
            f["Input.TierRetentionMonths"] = "0";
            f["Input.Terms"] = new string('x', 8001);
        })).ExpectAsync(HttpStatusCode.OK));

        Assert.Contains("Give the program a name.", body, StringComparison.Ordinal);
        Assert.Contains("Name what members collect", body, StringComparison.Ordinal);
        Assert.Contains("three-letter ISO currency code", body, StringComparison.Ordinal);
        Assert.Contains("Choose a time zone from the list.", body, StringComparison.Ordinal);
        Assert.Contains("A point must be worth more than 0", body, StringComparison.Ordinal);
        Assert.Contains("after how many days without activity", body, StringComparison.Ordinal);
        Assert.Contains("The pending period is a number of days from 0", body, StringComparison.Ordinal);
        Assert.Contains("The tier window is 1 to 120 months", body, StringComparison.Ordinal);
        Assert.Contains("Keep a reached tier for 1 to 120 months.", body, StringComparison.Ordinal);
        Assert.Contains("Keep the terms under 8000 characters.", body, StringComparison.Ordinal);
        Assert.Equal(1, await factory.DbAsync(s.Tenant, db => db.LoyaltyPrograms.CountAsync()));

        var duplicate = Text(await owner.PostAsync(s.Admin("programs/edit"), ProgramFields("club")).ExpectAsync(HttpStatusCode.OK));
        Assert.Contains("Another program already has this name.", duplicate, StringComparison.Ordinal);
        var notANumber = Text(await owner.PostAsync(s.Admin("programs/edit"), ProgramFields("Other", f => f["Input.PointValue"] = "abc")).ExpectAsync(HttpStatusCode.OK));
        Assert.Contains("is not valid", notANumber, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_currency_cannot_change_once_purchases_are_recorded()
    {
        var s = await factory.SetupAsync();
        await factory.PurchaseAsync(s, "R-1", 10m);
        using var owner = await factory.OwnerAsync(s);
        var body = Text(await owner.PostAsync(s.Admin($"programs/edit/{s.ProgramId}"), ProgramFields("Club", f => f["Input.Currency"] = "USD")).ExpectAsync(HttpStatusCode.OK));
        Assert.Contains("The currency cannot change once purchases have been recorded.", body, StringComparison.Ordinal);
        Assert.Equal("EUR", await factory.DbAsync(s.Tenant, db => db.LoyaltyPrograms.Where(p => p.Id == s.ProgramId).Select(p => p.Currency).SingleAsync()));
    }

    [Fact]
    public async Task Agents_cannot_open_or_post_the_program_settings()
    {
        var s = await factory.SetupAsync();
        var (agent, _) = await factory.StaffAsync(s, "Agent");
        using (agent)
        {
            foreach (var path in new[] { "programs", $"programs/edit/{s.ProgramId}", $"programs/rules/{s.ProgramId}", $"programs/tiers/{s.ProgramId}", $"programs/rewards/{s.ProgramId}", $"programs/reward/{s.ProgramId}" })
            {
                using var response = await agent.GetAsync(s.Admin(path));
                Assert.True(response.StatusCode is HttpStatusCode.Forbidden || response.Headers.Location?.OriginalString.Contains("accessdenied", StringComparison.OrdinalIgnoreCase) == true,
                    $"{path} answered {(int)response.StatusCode}");
            }

            using var post = await agent.HtmxPostAsync(s.Admin("members"), ProgramFields("Sneaky"), s.Admin("programs/edit"));
            Assert.NotEqual(HttpStatusCode.OK, post.StatusCode);
            Assert.False(await factory.DbAsync(s.Tenant, db => db.LoyaltyPrograms.AnyAsync(p => p.Name == "Sneaky")));
        }
    }

    [Fact]
    public async Task Base_rate_and_caps_are_checked_and_saved_with_htmx()
    {
        var s = await factory.SetupAsync();
        using var owner = await factory.OwnerAsync(s);
        var page = s.Admin($"programs/rules/{s.ProgramId}");
        var post = page + "?handler=Settings";
        var bad = Text(await owner.HtmxPostAsync(page, new Dictionary<string, string>
        {
            ["Earn.PointsPerCurrencyUnit"] = "-1",
            ["Earn.Rounding"] = "Nearest",
            ["Earn.MaxPointsPerPurchase"] = "100",
            ["Earn.MaxPointsPerDay"] = "50",
            ["Earn.MaxPointsPerMonth"] = "0",
        }, post).BodyAsync(HttpStatusCode.OK));
        Assert.Contains("The base rate must be between 0 and 1000.", bad, StringComparison.Ordinal);
        Assert.Contains("The daily cap cannot be lower than the cap per purchase.", bad, StringComparison.Ordinal);
        Assert.Contains("A cap per month must be at least 1 point", bad, StringComparison.Ordinal);
        Assert.DoesNotContain("<html", bad, StringComparison.Ordinal);

        using var ok = await owner.HtmxPostAsync(page, new Dictionary<string, string>
        {
            ["Earn.PointsPerCurrencyUnit"] = "2.5",
            ["Earn.Rounding"] = "Nearest",
            ["Earn.MaxPointsPerPurchase"] = "100",
            ["Earn.MaxPointsPerDay"] = "300",
            ["Earn.MaxPointsPerMonth"] = "",
        }, post);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Contains("Earning settings saved.", ok.Headers.GetValues("HX-Trigger").Single(), StringComparison.Ordinal);
        var program = await factory.DbAsync(s.Tenant, db => db.LoyaltyPrograms.AsNoTracking().SingleAsync(p => p.Id == s.ProgramId));
        Assert.Equal((2.5m, EarnRounding.Nearest, (int?)100, (int?)300, (int?)null), (program.PointsPerCurrencyUnit, program.Rounding, program.MaxPointsPerPurchase, program.MaxPointsPerDay, program.MaxPointsPerMonth));
    }

    [Fact]
    public async Task Earn_rules_are_validated_per_kind()
    {
        var s = await factory.SetupAsync();
        using var owner = await factory.OwnerAsync(s);
        var page = s.Admin($"programs/rules/{s.ProgramId}");
        async Task<string> Post(Dictionary<string, string> fields) => Text(await owner.HtmxPostAsync(page, fields, page + "?handler=SaveRule").BodyAsync(HttpStatusCode.OK));

        var promotion = await Post(new() { ["Rule.Kind"] = "PromotionMultiplier", ["Rule.Name"] = "", ["Rule.Multiplier"] = "2" });
        Assert.Contains("Give the rule a name", promotion, StringComparison.Ordinal);
        Assert.Contains("Choose a date range or weekdays for the promotion", promotion, StringComparison.Ordinal);
        var category = await Post(new() { ["Rule.Kind"] = "CategoryMultiplier", ["Rule.Name"] = "Coffee", ["Rule.Multiplier"] = "0" });
        Assert.Contains("Enter the product category", category, StringComparison.Ordinal);
        Assert.Contains("The multiplier must be more than 0", category, StringComparison.Ordinal);
        var sku = await Post(new() { ["Rule.Kind"] = "SkuMultiplier", ["Rule.Name"] = "Cake", ["Rule.Multiplier"] = "" });
        Assert.Contains("Enter the SKU", sku, StringComparison.Ordinal);
        Assert.Contains("Enter the multiplier, e.g. 2", sku, StringComparison.Ordinal);
        var bonus = await Post(new() { ["Rule.Kind"] = "ReferralBonus", ["Rule.Name"] = "Bring a friend", ["Rule.BonusPoints"] = "0" });
        Assert.Contains("Bonus points must be between 1 and 1,000,000.", bonus, StringComparison.Ordinal);
        var birthday = await Post(new() { ["Rule.Kind"] = "BirthdayMonth", ["Rule.Name"] = "Birthday" });
        Assert.Contains("Give a multiplier for birthday-month purchases, bonus points, or both.", birthday, StringComparison.Ordinal);
        var dates = await Post(new() { ["Rule.Kind"] = "PromotionMultiplier", ["Rule.Name"] = "Sale", ["Rule.Multiplier"] = "2", ["Rule.StartsOn"] = "2026-12-10", ["Rule.EndsOn"] = "2026-12-01" });
        Assert.Contains("The last day cannot be before the first day.", dates, StringComparison.Ordinal);
        Assert.Equal(0, await factory.DbAsync(s.Tenant, db => db.EarnRules.CountAsync()));
    }

    [Fact]
    public async Task Earn_rules_are_added_edited_and_removed_without_a_page_reload()
    {
        var s = await factory.SetupAsync();
        using var owner = await factory.OwnerAsync(s);
        var page = s.Admin($"programs/rules/{s.ProgramId}");
        using var added = await owner.HtmxPostAsync(page, new Dictionary<string, string>
        {
            ["Rule.Kind"] = "PromotionMultiplier",
            ["Rule.Name"] = "Double Tuesdays",
            ["Rule.IsActive"] = "true",
            ["Rule.Multiplier"] = "2",
            ["Rule.Weekdays"] = "Tuesday",
            ["Rule.BonusPoints"] = "50",
        }, page + "?handler=SaveRule");
        var body = await added.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Contains("Rule added.", added.Headers.GetValues("HX-Trigger").Single(), StringComparison.Ordinal);
        Assert.StartsWith("<section", body.Trim(), StringComparison.Ordinal);
        Assert.Contains("Double Tuesdays", body, StringComparison.Ordinal);
        var rule = await factory.DbAsync(s.Tenant, db => db.EarnRules.AsNoTracking().SingleAsync());
        Assert.Equal((EarnRuleKind.PromotionMultiplier, (decimal?)2m, EarnRule.MaskOf(DayOfWeek.Tuesday), (int?)null), (rule.Kind, rule.Multiplier, rule.WeekdayMask, rule.BonusPoints));

        var editor = await owner.GetPageAsync(page + $"?handler=EditRule&ruleId={rule.Id}");
        Assert.Contains("value=\"Double Tuesdays\"", editor, StringComparison.Ordinal);
        using var edited = await owner.HtmxPostAsync(page, new Dictionary<string, string>
        {
            ["Rule.Kind"] = "CategoryMultiplier",
            ["Rule.Name"] = "Coffee x3",
            ["Rule.IsActive"] = "false",
            ["Rule.Multiplier"] = "3",
            ["Rule.Category"] = "coffee",
        }, page + $"?handler=SaveRule&ruleId={rule.Id}");
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        rule = await factory.DbAsync(s.Tenant, db => db.EarnRules.AsNoTracking().SingleAsync());
        Assert.Equal((EarnRuleKind.CategoryMultiplier, "coffee", false, 0), (rule.Kind, rule.Category, rule.IsActive, rule.WeekdayMask));

        using var removed = await owner.HtmxPostAsync(page, new Dictionary<string, string>(), page + $"?handler=DeleteRule&ruleId={rule.Id}");
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.Contains("No rules yet", await removed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await factory.DbAsync(s.Tenant, db => db.EarnRules.CountAsync()));
    }

    [Fact]
    public async Task Tiers_need_rising_thresholds_unique_orders_and_valid_benefits()
    {
        var s = await factory.SetupAsync(p => p.TierBasis = TierBasis.PointsEarned);
        using var owner = await factory.OwnerAsync(s);
        var page = s.Admin($"programs/tiers/{s.ProgramId}");
        async Task<HttpResponseMessage> Save(string name, int rank, string threshold, Action<Dictionary<string, string>>? change = null)
        {
            var fields = new Dictionary<string, string> { ["Tier.Name"] = name, ["Tier.Rank"] = $"{rank}", ["Tier.Threshold"] = threshold, ["Tier.Color"] = "#aa8800" };
            change?.Invoke(fields);
            return await owner.HtmxPostAsync(page, fields, page + "?handler=SaveTier");
        }

        (await Save("Bronze", 1, "0")).Dispose();
        using (var gold = await Save("Gold", 3, "1000", f =>
        {
            f["Tier.DiscountPercent"] = "10";
            f["Tier.FreeShipping"] = "true";
            f["Tier.PrioritySupport"] = "true";
            f["Tier.EarnMultiplier"] = "1.5";
            f["Tier.OtherBenefits"] = "Birthday cake\nLounge access";
        }))
        {
            Assert.Contains("Tier added.", gold.Headers.GetValues("HX-Trigger").Single(), StringComparison.Ordinal);
        }

        var above = Text(await Save("Silver", 2, "1500").BodyAsync(HttpStatusCode.OK));
        Assert.Contains("it must be less than 1,000, the threshold of Gold", above, StringComparison.Ordinal);
        var below = Text(await Save("Silver", 2, "0").BodyAsync(HttpStatusCode.OK));
        Assert.Contains("it must be more than 0, the threshold of Bronze", below, StringComparison.Ordinal);
        var clash = Text(await Save("gold", 1, "10.5", f =>
        {
            f["Tier.Color"] = "red";
            f["Tier.DiscountPercent"] = "150";
            f["Tier.EarnMultiplier"] = "0.5";
        }).BodyAsync(HttpStatusCode.OK));
        Assert.Contains("Another tier of this program has this name.", clash, StringComparison.Ordinal);
        Assert.Contains("Bronze already has order 1.", clash, StringComparison.Ordinal);
        Assert.Contains("Points thresholds are whole numbers.", clash, StringComparison.Ordinal);
        Assert.Contains("Choose a colour as #rrggbb.", clash, StringComparison.Ordinal);
        Assert.Contains("The discount is a percentage above 0 and at most 100", clash, StringComparison.Ordinal);
        Assert.Contains("The earn multiplier is from 1 to 10", clash, StringComparison.Ordinal);

        (await Save("Silver", 2, "500")).Dispose();
        var tiers = await factory.DbAsync(s.Tenant, db => db.Tiers.AsNoTracking().Include(t => t.Benefits).OrderBy(t => t.Rank).ToListAsync());
        Assert.Equal(["Bronze", "Silver", "Gold"], tiers.Select(t => t.Name));
        Assert.Equal([0m, 500m, 1000m], tiers.Select(t => t.Threshold));
        var benefits = tiers[2].Benefits.OrderBy(b => b.Kind).ThenBy(b => b.Description).ToList();
        Assert.Equal([TierBenefitKind.DiscountPercent, TierBenefitKind.FreeShipping, TierBenefitKind.PrioritySupport, TierBenefitKind.EarnMultiplier, TierBenefitKind.Custom, TierBenefitKind.Custom], benefits.Select(b => b.Kind));
        Assert.Equal([10m, 1.5m], benefits.Where(b => b.Value != null).Select(b => b.Value!.Value));
        Assert.Equal(["Birthday cake", "Lounge access"], benefits.Where(b => b.Kind == TierBenefitKind.Custom).Select(b => b.Description));
        Assert.Equal("#aa8800", tiers[2].Color);

        var list = await owner.GetPageAsync(page);
        Assert.Contains("10% discount · Free shipping · Priority support · Earns ×1.5 · Birthday cake · Lounge access", WebUtilityDecode(list), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tier_members_hold_cannot_be_removed_and_an_unused_one_can()
    {
        var s = await factory.SetupAsync(p => p.Tiers.Add(new Tier { Name = "Base", Rank = 1, Threshold = 0 }));
        await factory.PurchaseAsync(s, "R-1", 5m);
        var baseTier = await factory.DbAsync(s.Tenant, db => db.Tiers.SingleAsync());
        Assert.Equal(baseTier.Id, await factory.DbAsync(s.Tenant, db => db.LoyaltyMemberships.Where(m => m.Id == s.MembershipId).Select(m => m.CurrentTierId).SingleAsync()));
        using var owner = await factory.OwnerAsync(s);
        var page = s.Admin($"programs/tiers/{s.ProgramId}");
        var refused = Text(await owner.HtmxPostAsync(page, new Dictionary<string, string>(), page + $"?handler=DeleteTier&tierId={baseTier.Id}").BodyAsync(HttpStatusCode.OK));
        Assert.Contains("Members are in Base; it cannot be removed.", refused, StringComparison.Ordinal);

        (await owner.HtmxPostAsync(page, new Dictionary<string, string> { ["Tier.Name"] = "Top", ["Tier.Rank"] = "2", ["Tier.Threshold"] = "100000", ["Tier.Color"] = "#112233" }, page + "?handler=SaveTier")).Dispose();
        var top = await factory.DbAsync(s.Tenant, db => db.Tiers.SingleAsync(t => t.Name == "Top"));
        using var removed = await owner.HtmxPostAsync(page, new Dictionary<string, string>(), page + $"?handler=DeleteTier&tierId={top.Id}");
        Assert.Contains("Tier removed.", removed.Headers.GetValues("HX-Trigger").Single(), StringComparison.Ordinal);
        Assert.Equal(1, await factory.DbAsync(s.Tenant, db => db.Tiers.CountAsync()));
    }

    private static string WebUtilityDecode(string html) => WebUtility.HtmlDecode(html);
}
