using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VibeCrm.Data.Loyalty;
using VibeCrm.Web.Features.Loyalty;
using VibeCrm.Web.Features.Loyalty.Portal;

namespace VibeCrm.IntegrationTests.Loyalty.Portal;

/// <summary>The member portal's loyalty pages over HTTP, against real per-tenant SQLite databases.</summary>
public sealed class PortalLoyaltyTests(PortalLoyaltyFactory factory) : IClassFixture<PortalLoyaltyFactory>
{
    [Fact]
    public async Task A_member_who_has_not_joined_is_sent_to_the_join_page_which_shows_the_program_and_its_terms()
    {
        var tenant = await factory.ClubTenantAsync();
        var mia = await factory.ShopperAsync(tenant, "Mia");

        using var dashboard = await mia.Browser.GetAsync(mia.Path("me/loyalty"));
        Assert.Equal(HttpStatusCode.Redirect, dashboard.StatusCode);
        Assert.Equal(mia.Path("me/loyalty/join"), dashboard.Headers.Location?.OriginalString);
        var join = await PageAsync(mia, "me/loyalty/join");
        Assert.Contains("Points are personal and expire after a year.", join, StringComparison.Ordinal);
        Assert.Contains("50 points welcome bonus when you join", join, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Joining_needs_the_terms_accepted_then_credits_the_sign_up_bonus_once()
    {
        var tenant = await factory.ClubTenantAsync();
        var mia = await factory.ShopperAsync(tenant, "Mia");

        using (var refused = await factory.JoinAsync(mia, accept: false))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("Please accept the program terms to join.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(0, await factory.DbAsync(tenant, db => db.LoyaltyMemberships.CountAsync()));
        using (var joined = await factory.JoinAsync(mia))
        {
            Assert.Equal(HttpStatusCode.Redirect, joined.StatusCode);
            Assert.Equal(mia.Path("me/loyalty"), joined.Headers.Location?.OriginalString);
        }

        await factory.JoinOnlyAsync(mia);

        Assert.Equal(50, await factory.BalanceOfAsync(mia));
        var page = await PageAsync(mia, "me/loyalty");
        Assert.Contains("data-testid=\"active-points\">50<", page, StringComparison.Ordinal);
        Assert.Contains("src=\"data:image/svg", page, StringComparison.Ordinal);
        Assert.Contains(MemberCard.Format(await factory.CardNumberAsync(mia)), page, StringComparison.Ordinal);
        Assert.Contains("Welcome bonus", await PageAsync(mia, "me/loyalty/history"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tier_progress_says_how_much_more_to_spend_and_pending_points_say_when_they_unlock()
    {
        var tenant = await factory.ClubTenantAsync(p => p.PendingDays = 14);
        var mia = await factory.MemberAsync(tenant, "Mia");

        await factory.BuyAsync(mia, "R-1", 60m);
        var page = await PageAsync(mia, "me/loyalty");
        // pending purchases do not count for tiers yet: 100 more to Silver
        Assert.Contains("Spend €100.00 more to reach Silver", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"pending-points\">+ 60 pending", page, StringComparison.Ordinal);
        var dashboard = await factory.RunAsync(tenant, async sp => (await sp.GetRequiredService<MemberLoyaltyQueries>().DashboardAsync(await factory.MembershipIdAsync(mia), CancellationToken.None))!);
        var release = Assert.Single(dashboard.Pending);
        Assert.Equal(60, release.Points);
        Assert.Equal(factory.Clock.Now.AddDays(14), release.AvailableAt);

        factory.Clock.Advance(TimeSpan.FromDays(15));
        await mia.Browser.SignInMemberAsync(tenant.Identifier, mia.Email); // the sign-in cookie has expired meanwhile
        await factory.RunAsync(tenant, async sp => await sp.GetRequiredService<LoyaltyLedger>().ReleasePendingAsync(CancellationToken.None));
        page = await PageAsync(mia, "me/loyalty");
        Assert.Contains("Spend €40.00 more to reach Silver", page, StringComparison.Ordinal);
        Assert.Contains("value=\"60\"", page, StringComparison.Ordinal); // the progress bar: 60 of the 100 from Bronze to Silver
        Assert.Contains("data-testid=\"active-points\">110<", page, StringComparison.Ordinal);
    }

    [Fact]
    public void Tier_progress_on_points_counts_points_and_names_the_window()
    {
        var view = TierProgressView.From(new TierStatus(1, "Bronze", 180, TierBasis.PointsEarned, 12, "Gold", 300), 0, "EUR", "stars");

        Assert.Equal("120 more stars to reach Gold", view.Headline);
        Assert.Equal(60, view.Percent);
        Assert.Equal("180 stars earned in the last 12 months", view.Basis);
        var top = TierProgressView.From(new TierStatus(3, "Gold", 900, TierBasis.AmountSpent, null, null, null), 300, "EUR", "points");
        Assert.True(top.AtTop);
        Assert.Equal("You have reached Gold, our top tier.", top.Headline);
    }

    [Fact]
    public async Task Redeeming_asks_for_confirmation_then_shows_the_code_and_its_QR()
    {
        var tenant = await factory.ClubTenantAsync();
        var mia = await factory.MemberAsync(tenant, "Mia");

        await factory.BuyAsync(mia, "R-1", 100m);
        var rewardId = await factory.AddRewardAsync(tenant, "Free cappuccino", 120);

        var confirm = await PageAsync(mia, $"me/loyalty/redeem/{rewardId}");
        Assert.Contains("Confirm: use 120 points", confirm, StringComparison.Ordinal);
        Assert.Equal(150, await factory.BalanceOfAsync(mia)); // nothing spent by looking

        using var redeemed = await mia.Browser.PostFormAsync(mia.Path($"me/loyalty/redeem/{rewardId}"), new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, redeemed.StatusCode);
        var redemption = await factory.DbAsync(tenant, db => db.Redemptions.SingleAsync());
        Assert.Equal(mia.Path($"me/loyalty/code/{redemption.Id}"), redeemed.Headers.Location?.OriginalString);
        var code = await PageAsync(mia, $"me/loyalty/code/{redemption.Id}");
        Assert.Contains($"data-testid=\"reward-code\">{redemption.Code}<", code, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"code-qr\"", code, StringComparison.Ordinal);
        Assert.Equal(30, await factory.BalanceOfAsync(mia));
        Assert.Contains(redemption.Code, await PageAsync(mia, "me/loyalty/myrewards"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Redeeming_without_enough_points_over_the_limit_or_out_of_stock_gives_a_clear_message_and_spends_nothing()
    {
        var tenant = await factory.ClubTenantAsync();
        var mia = await factory.MemberAsync(tenant, "Mia");

        await factory.BuyAsync(mia, "R-1", 500m);
        var expensive = await factory.AddRewardAsync(tenant, "Espresso machine", 5000);
        var once = await factory.AddRewardAsync(tenant, "Masterclass", 10, r => r.PerMemberLimit = 1);
        var scarce = await factory.AddRewardAsync(tenant, "Last mug", 10, r => r.Stock = 1);

        Assert.Contains("Not enough points: 5000 needed, 550 available.", await PostRedeemAsync(mia, expensive), StringComparison.Ordinal);
        Assert.Equal(string.Empty, await PostRedeemAsync(mia, once));
        Assert.Contains("You have already redeemed this reward as often as allowed.", await PostRedeemAsync(mia, once), StringComparison.Ordinal);
        var ben = await factory.MemberAsync(tenant, "Ben");

        Assert.Equal(string.Empty, await PostRedeemAsync(ben, scarce));
        Assert.Contains("This reward is out of stock.", await PostRedeemAsync(mia, scarce), StringComparison.Ordinal);
        Assert.Equal(540, await factory.BalanceOfAsync(mia));
        Assert.Equal(1, await factory.DbAsync(tenant, db => db.Redemptions.CountAsync(r => r.RewardId == once)));
    }

    [Fact]
    public async Task Cancelling_an_unused_code_gives_the_points_back_and_only_the_owner_can()
    {
        var tenant = await factory.ClubTenantAsync();
        var mia = await factory.ShopperAsync(tenant, "Mia");
        var ben = await factory.ShopperAsync(tenant, "Ben");
        await factory.JoinOnlyAsync(mia);

        await factory.JoinOnlyAsync(ben);

        var rewardId = await factory.AddRewardAsync(tenant, "Free pastry", 40);
        Assert.Equal(string.Empty, await PostRedeemAsync(mia, rewardId));
        var redemptionId = await factory.DbAsync(tenant, db => db.Redemptions.Select(r => r.Id).SingleAsync());
        Assert.Equal(10, await factory.BalanceOfAsync(mia));

        using (var stranger = await ben.Browser.PostFormAsync(ben.Path("me"), new Dictionary<string, string> { ["id"] = $"{redemptionId}" }, ben.Path("me/loyalty/myrewards?handler=Cancel")))
        {
            Assert.Equal(HttpStatusCode.Redirect, stranger.StatusCode);
        }

        Assert.Contains("No such reward in your account.", await PageAsync(ben, "me/loyalty/myrewards"), StringComparison.Ordinal);
        Assert.Equal(RedemptionStatus.Issued, await factory.DbAsync(tenant, db => db.Redemptions.Select(r => r.Status).SingleAsync()));

        using (var cancelled = await mia.Browser.PostFormAsync(mia.Path("me"), new Dictionary<string, string> { ["id"] = $"{redemptionId}" }, mia.Path("me/loyalty/myrewards?handler=Cancel")))
        {
            Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        }

        Assert.Contains("The code is cancelled and your points are back.", await PageAsync(mia, "me/loyalty/myrewards"), StringComparison.Ordinal);
        Assert.Equal(50, await factory.BalanceOfAsync(mia));
        Assert.Equal(RedemptionStatus.Cancelled, await factory.DbAsync(tenant, db => db.Redemptions.Select(r => r.Status).SingleAsync()));
        Assert.Empty(await factory.RunAsync(tenant, sp => sp.GetRequiredService<LedgerInvariants>().CheckAsync(CancellationToken.None)));
    }

    [Fact]
    public async Task A_friend_who_joins_through_the_referral_link_credits_the_referrer_once_per_friend()
    {
        var tenant = await factory.ClubTenantAsync();
        var mia = await factory.MemberAsync(tenant, "Mia");

        var dashboard = await PageAsync(mia, "me/loyalty");
        var code = await factory.DbAsync(tenant, db => db.LoyaltyReferralCodes.Select(c => c.Code).SingleAsync());
        Assert.Contains($"/{tenant.Identifier}?ref={code}", dashboard, StringComparison.Ordinal);

        // the friend follows the link (the code is kept in a cookie), signs in and joins
        var ben = await factory.ShopperAsync(tenant, "Ben");
        Assert.Contains("Mia invited you", await ben.Browser.GetPageAsync($"/{tenant.Identifier}?ref={code}"), StringComparison.Ordinal);
        var join = await PageAsync(ben, "me/loyalty/join");
        Assert.Contains($"value=\"{code}\"", join, StringComparison.Ordinal);
        await factory.JoinOnlyAsync(ben, referral: code);

        await factory.JoinOnlyAsync(ben, referral: code);

        Assert.Equal(250, await factory.BalanceOfAsync(mia));
        Assert.Equal(50, await factory.BalanceOfAsync(ben));

        // a second friend credits again; the referrer's own code does nothing for a member already in
        var chloe = await factory.ShopperAsync(tenant, "Chloe");
        await factory.JoinOnlyAsync(chloe, referral: code);

        await factory.JoinOnlyAsync(mia, referral: code);

        Assert.Equal(450, await factory.BalanceOfAsync(mia));
        Assert.Equal(2, await factory.DbAsync(tenant, db => db.LoyaltyReferrals.CountAsync()));
        Assert.Equal(2, await factory.DbAsync(tenant, db => db.LedgerEntries.CountAsync(e => e.Reason == nameof(EarnRuleKind.ReferralBonus))));
        Assert.Contains("2 friend(s) joined · 400 points earned", await PageAsync(mia, "me/loyalty"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upcoming_expiries_list_the_lots_expiring_in_the_next_60_days()
    {
        var tenant = await factory.ClubTenantAsync(p => { p.ExpiryKind = ExpiryKind.AfterDays; p.ExpiryDays = 90; });
        var mia = await factory.MemberAsync(tenant, "Mia");

        Assert.Contains("data-testid=\"no-expiry\"", await PageAsync(mia, "me/loyalty"), StringComparison.Ordinal);
        factory.Clock.Advance(TimeSpan.FromDays(40));
        await mia.Browser.SignInMemberAsync(tenant.Identifier, mia.Email); // the sign-in cookie has expired meanwhile
        await factory.BuyAsync(mia, "R-1", 30m);
        var dashboard = await factory.RunAsync(tenant, async sp => (await sp.GetRequiredService<MemberLoyaltyQueries>().DashboardAsync(await factory.MembershipIdAsync(mia), CancellationToken.None))!);

        var expiring = Assert.Single(dashboard.Expiring); // the welcome bonus, in 50 days; the purchase's lot is 90 days away
        Assert.Equal(50, expiring.Points);
        Assert.Contains("data-testid=\"expiring\"", await PageAsync(mia, "me/loyalty"), StringComparison.Ordinal);
    }

    private static async Task<string> PageAsync(PortalShopper shopper, string page) => WebUtility.HtmlDecode(await shopper.Browser.GetPageAsync(shopper.Path(page)));

    /// <summary>Posts the redeem confirmation; returns the error shown, or empty when it redirected to the code.</summary>
    private static async Task<string> PostRedeemAsync(PortalShopper shopper, int rewardId)
    {
        using var response = await shopper.Browser.PostFormAsync(shopper.Path("me"), new Dictionary<string, string>(), shopper.Path($"me/loyalty/redeem/{rewardId}"));
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            return string.Empty;
        }

        var html = await response.Content.ReadAsStringAsync();
        var match = System.Text.RegularExpressions.Regex.Match(html, "data-testid=\"redeem-error\">(?<e>[^<]*)<", System.Text.RegularExpressions.RegexOptions.ExplicitCapture, TimeSpan.FromSeconds(1));
        Assert.True(match.Success, $"redeem answered {(int)response.StatusCode} without an error message");
        return System.Net.WebUtility.HtmlDecode(match.Groups["e"].Value);
    }
}
