using System.Net;
using Microsoft.EntityFrameworkCore;
using VibeCrm.Data.Loyalty;

namespace VibeCrm.IntegrationTests.Loyalty.Portal;

/// <summary>A tenant running two programs ("Club" and "VIP"): the portal pages work for the program selected with <c>?program=</c>.</summary>
public sealed class PortalMultiProgramTests(PortalLoyaltyFactory factory) : IClassFixture<PortalLoyaltyFactory>
{
    [Fact]
    public async Task A_member_joins_a_second_program_from_the_portal_and_sees_both()
    {
        var tenant = await factory.ClubTenantAsync();
        var vip = await factory.AddProgramAsync(tenant);
        var mia = await factory.MemberAsync(tenant, "Mia"); // joined Club

        var card = await PageAsync(mia, "me/loyalty");
        Assert.Contains("data-testid=\"program-switcher\"", card, StringComparison.Ordinal);
        Assert.Contains($"href=\"/{tenant.Identifier}/me/loyalty/join\"", card, StringComparison.Ordinal);
        var join = await PageAsync(mia, "me/loyalty/join");
        Assert.Contains("Join another program", join, StringComparison.Ordinal);
        Assert.Contains("VIP terms.", join, StringComparison.Ordinal);
        Assert.DoesNotContain("Points are personal", join, StringComparison.Ordinal); // Club is joined already

        using (var joined = await factory.JoinAsync(mia, programId: vip))
        {
            Assert.Equal(HttpStatusCode.Redirect, joined.StatusCode);
            Assert.Equal(mia.Path($"me/loyalty?program={vip}"), joined.Headers.Location?.OriginalString);
        }

        var vipCard = await PageAsync(mia, $"me/loyalty?program={vip}");
        Assert.Contains("<h1 class=\"h4 mb-3\">VIP</h1>", vipCard, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"active-points\">100<", vipCard, StringComparison.Ordinal);
        Assert.Contains("stars to spend", vipCard, StringComparison.Ordinal);
        Assert.Contains($"/me/loyalty/history?program={vip}", vipCard, StringComparison.Ordinal); // the links keep the program

        // the switcher shows both programs with their balance and tier; the member's first program is the default
        var clubCard = await PageAsync(mia, "me/loyalty");
        Assert.Contains("<h1 class=\"h4 mb-3\">Club</h1>", clubCard, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"active-points\">50<", clubCard, StringComparison.Ordinal);
        Assert.Contains("50 points · Bronze", clubCard, StringComparison.Ordinal);
        Assert.Contains("100 stars · VIP Member", clubCard, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/{tenant.Identifier}/me/loyalty/join\"", clubCard, StringComparison.Ordinal); // nothing left to join
        var vipHistory = await PageAsync(mia, $"me/loyalty/history?program={vip}");
        Assert.Contains("+100<", vipHistory, StringComparison.Ordinal);
        Assert.DoesNotContain("+50<", vipHistory, StringComparison.Ordinal);
        Assert.DoesNotContain("+100<", await PageAsync(mia, "me/loyalty/history"), StringComparison.Ordinal);

        using var joinAgain = await mia.Browser.GetAsync(mia.Path("me/loyalty/join"));
        Assert.Equal(HttpStatusCode.Redirect, joinAgain.StatusCode);
        Assert.Equal(mia.Path("me/loyalty"), joinAgain.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_member_of_two_programs_redeems_in_the_second_and_cancels_there()
    {
        var tenant = await factory.ClubTenantAsync();
        var vip = await factory.AddProgramAsync(tenant);
        var mia = await factory.MemberAsync(tenant, "Mia");
        await JoinAsync(mia, vip);
        var lounge = await factory.AddRewardAsync(tenant, "Lounge access", 80, r => r.ProgramId = vip);
        var coffee = await factory.AddRewardAsync(tenant, "Free cappuccino", 40);

        var rewards = await PageAsync(mia, $"me/loyalty/rewards?program={vip}");
        Assert.Contains("data-testid=\"rewards-balance\">100 stars<", rewards, StringComparison.Ordinal);
        Assert.Contains("Lounge access", rewards, StringComparison.Ordinal);
        Assert.DoesNotContain("Free cappuccino", rewards, StringComparison.Ordinal);
        Assert.Contains($"/me/loyalty/redeem/{lounge}?program={vip}", rewards, StringComparison.Ordinal);
        Assert.Contains("This reward is not available to you right now.", await PageAsync(mia, $"me/loyalty/redeem/{coffee}?program={vip}"), StringComparison.Ordinal);

        using (var redeemed = await mia.Browser.PostFormAsync(mia.Path($"me/loyalty/redeem/{lounge}?program={vip}"), new Dictionary<string, string>()))
        {
            Assert.Equal(HttpStatusCode.Redirect, redeemed.StatusCode);
            var id = await factory.DbAsync(tenant, db => db.Redemptions.Select(r => r.Id).SingleAsync());
            Assert.Equal(mia.Path($"me/loyalty/code/{id}?program={vip}"), redeemed.Headers.Location?.OriginalString);
        }

        var redemption = await factory.DbAsync(tenant, db => db.Redemptions.SingleAsync());
        Assert.Equal(20, await BalanceAsync(mia, vip));
        Assert.Equal(50, await BalanceAsync(mia, await factory.ProgramIdAsync(tenant)));
        Assert.Contains(redemption.Code, await PageAsync(mia, $"me/loyalty/myrewards?program={vip}"), StringComparison.Ordinal);
        Assert.DoesNotContain(redemption.Code, await PageAsync(mia, "me/loyalty/myrewards"), StringComparison.Ordinal);
        // the reward email links to the code without a program: the page finds the program it belongs to
        Assert.Contains($"data-testid=\"reward-code\">{redemption.Code}<", await PageAsync(mia, $"me/loyalty/code/{redemption.Id}"), StringComparison.Ordinal);
        using (var wrongProgram = await mia.Browser.GetAsync(mia.Path($"me/loyalty/code/{redemption.Id}?program={await factory.ProgramIdAsync(tenant)}")))
        {
            Assert.Equal(HttpStatusCode.NotFound, wrongProgram.StatusCode);
        }

        using (var cancelled = await mia.Browser.PostFormAsync(mia.Path($"me/loyalty/myrewards?program={vip}"), new Dictionary<string, string> { ["id"] = $"{redemption.Id}" }, mia.Path($"me/loyalty/myrewards?program={vip}&handler=Cancel")))
        {
            Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
            Assert.Equal(mia.Path($"me/loyalty/myrewards?program={vip}"), cancelled.Headers.Location?.OriginalString);
        }

        Assert.Equal(100, await BalanceAsync(mia, vip));
        Assert.Equal(RedemptionStatus.Cancelled, await factory.DbAsync(tenant, db => db.Redemptions.Select(r => r.Status).SingleAsync()));
    }

    [Fact]
    public async Task A_program_the_member_does_not_belong_to_is_not_found_on_any_loyalty_page()
    {
        var tenant = await factory.ClubTenantAsync();
        var vip = await factory.AddProgramAsync(tenant);
        var ben = await factory.MemberAsync(tenant, "Ben");
        await JoinAsync(ben, vip);
        var mia = await factory.MemberAsync(tenant, "Mia"); // Club only
        var lounge = await factory.AddRewardAsync(tenant, "Lounge access", 80, r => r.ProgramId = vip);
        using (var bens = await ben.Browser.PostFormAsync(ben.Path($"me/loyalty/redeem/{lounge}?program={vip}"), new Dictionary<string, string>()))
        {
            Assert.Equal(HttpStatusCode.Redirect, bens.StatusCode);
        }

        var bensCode = await factory.DbAsync(tenant, db => db.Redemptions.Select(r => r.Id).SingleAsync());

        foreach (var page in new[] { "me/loyalty", "me/loyalty/rewards", "me/loyalty/myrewards", "me/loyalty/history", $"me/loyalty/redeem/{lounge}", $"me/loyalty/code/{bensCode}" })
        {
            using var response = await mia.Browser.GetAsync(mia.Path($"{page}?program={vip}"));
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{page}?program={vip} answered {(int)response.StatusCode}");
            Assert.DoesNotContain("Lounge access", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var redeem = await mia.Browser.PostFormAsync(mia.Path("me"), new Dictionary<string, string>(), mia.Path($"me/loyalty/redeem/{lounge}?program={vip}")))
        {
            Assert.Equal(HttpStatusCode.NotFound, redeem.StatusCode);
        }

        using (var nonsense = await mia.Browser.GetAsync(mia.Path("me/loyalty?program=abc")))
        {
            Assert.Equal(HttpStatusCode.NotFound, nonsense.StatusCode);
        }

        Assert.Equal(1, await factory.DbAsync(tenant, db => db.Redemptions.CountAsync())); // Ben's only
        using (var bensCodeWithoutProgram = await mia.Browser.GetAsync(mia.Path($"me/loyalty/code/{bensCode}")))
        {
            Assert.Equal(HttpStatusCode.NotFound, bensCodeWithoutProgram.StatusCode);
        }

        // her own program still answers, and VIP is offered to join
        Assert.Contains("data-testid=\"active-points\">50<", await PageAsync(mia, $"me/loyalty?program={await factory.ProgramIdAsync(tenant)}"), StringComparison.Ordinal);
        Assert.Contains("VIP terms.", await PageAsync(mia, $"me/loyalty/join?program={vip}"), StringComparison.Ordinal);
    }

    private async Task JoinAsync(PortalShopper shopper, int programId)
    {
        using var response = await factory.JoinAsync(shopper, programId: programId);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private Task<int> BalanceAsync(PortalShopper shopper, int programId) =>
        factory.DbAsync(shopper.Tenant, db => db.LoyaltyMemberships.Where(m => m.CustomerId == shopper.CustomerId && m.ProgramId == programId).Select(m => m.ActivePoints).SingleAsync());

    private static async Task<string> PageAsync(PortalShopper shopper, string page) => WebUtility.HtmlDecode(await shopper.Browser.GetPageAsync(shopper.Path(page)));
}
