using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VibeCrm.Data.Loyalty;
using VibeCrm.Data.Tenants;
using VibeCrm.IntegrationTests.Infrastructure;
using VibeCrm.Tenancy;
using VibeCrm.Web.Features.Loyalty;
using VibeCrm.Web.Features.Members;

namespace VibeCrm.IntegrationTests.Loyalty.Portal;

/// <summary>The app with the test clock and a running job server (the loyalty emails are Hangfire jobs).</summary>
public sealed class PortalLoyaltyFactory : LoyaltyFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Jobs:RunServer"] = "true" };

    /// <summary>A tenant with "Club" (tiers Bronze 0 / Silver 100 / Gold 300 by money spent in 12 months, 50 points to join, 200 per referral).</summary>
    public async Task<TenantInfo> ClubTenantAsync(Action<LoyaltyProgram>? configure = null)
    {
        var tenant = (await CreateTenantAsync()).Info;
        await DbAsync(tenant, async db =>
        {
            var program = new LoyaltyProgram
            {
                Name = "Club",
                Status = ProgramStatus.Active,
                Terms = "Points are personal and expire after a year.",
                Currency = "EUR",
                TimeZoneId = "Europe/Paris",
                PointsPerCurrencyUnit = 1m,
                PointValue = 0.01m,
                TierBasis = TierBasis.AmountSpent,
                TierWindowMonths = 12,
                CreatedAt = Clock.Now,
                UpdatedAt = Clock.Now,
                EarnRules =
                [
                    new EarnRule { Kind = EarnRuleKind.SignUpBonus, Name = "Welcome", BonusPoints = 50 },
                    new EarnRule { Kind = EarnRuleKind.ReferralBonus, Name = "Referral", BonusPoints = 200 },
                ],
                Tiers =
                [
                    new Tier { Name = "Bronze", Rank = 1, Threshold = 0 },
                    new Tier { Name = "Silver", Rank = 2, Threshold = 100, Benefits = [new TierBenefit { Kind = TierBenefitKind.DiscountPercent, Value = 5 }] },
                    new Tier { Name = "Gold", Rank = 3, Threshold = 300, Benefits = [new TierBenefit { Kind = TierBenefitKind.EarnMultiplier, Value = 1.5m }] },
                ],
            };
            configure?.Invoke(program);
            db.LoyaltyPrograms.Add(program);
            await db.SaveChangesAsync();
            return program.Id;
        });
        return tenant;
    }

    public Task<int> ProgramIdAsync(TenantInfo tenant) => DbAsync(tenant, db => db.LoyaltyPrograms.Select(p => p.Id).FirstAsync());

    /// <summary>A confirmed member account signed in to the portal.</summary>
    public async Task<PortalShopper> ShopperAsync(TenantInfo tenant, string firstName)
    {
        var email = $"{firstName.ToLowerInvariant()}@{tenant.Identifier}.test";
        var userId = await CreateMemberAsync(tenant, email, firstName);
        var browser = new BrowserClient(this);
        await browser.SignInMemberAsync(tenant.Identifier, email);
        var customerId = await RunAsync(tenant, async sp => (await sp.GetRequiredService<MemberCustomers>().EnsureAsync(userId, CancellationToken.None)).CustomerId!.Value);
        return new PortalShopper(tenant, userId, email, customerId, browser);
    }

    /// <summary>A signed-in shopper who has joined the program.</summary>
    public async Task<PortalShopper> MemberAsync(TenantInfo tenant, string firstName)
    {
        var shopper = await ShopperAsync(tenant, firstName);
        await JoinOnlyAsync(shopper);
        return shopper;
    }

    /// <summary>Joins through the portal and checks it answered with the redirect to the card.</summary>
    public async Task JoinOnlyAsync(PortalShopper shopper, string? referral = null)
    {
        using var response = await JoinAsync(shopper, referral: referral);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
    }

    /// <summary>A second active program in the tenant ("VIP" by default: 100 stars to join, 2 per euro).</summary>
    public Task<int> AddProgramAsync(TenantInfo tenant, string name = "VIP", string unit = "stars", int signUpBonus = 100) =>
        DbAsync(tenant, async db =>
        {
            var program = new LoyaltyProgram
            {
                Name = name,
                UnitName = unit,
                Status = ProgramStatus.Active,
                Terms = $"{name} terms.",
                Currency = "EUR",
                TimeZoneId = "Europe/Paris",
                PointsPerCurrencyUnit = 2m,
                PointValue = 0.01m,
                CreatedAt = Clock.Now,
                UpdatedAt = Clock.Now,
                EarnRules = [new EarnRule { Kind = EarnRuleKind.SignUpBonus, Name = $"{name} welcome", BonusPoints = signUpBonus }],
                Tiers = [new Tier { Name = $"{name} Member", Rank = 1, Threshold = 0 }],
            };
            db.LoyaltyPrograms.Add(program);
            await db.SaveChangesAsync();
            return program.Id;
        });

    public async Task<HttpResponseMessage> JoinAsync(PortalShopper shopper, bool accept = true, string? referral = null, int? programId = null)
    {
        var fields = new Dictionary<string, string> { ["Input.ProgramId"] = (programId ?? await ProgramIdAsync(shopper.Tenant)).ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (accept)
        {
            fields["Input.AcceptTerms"] = "true";
        }

        if (referral is not null)
        {
            fields["Input.ReferralCode"] = referral;
        }

        return await shopper.Browser.PostFormAsync(shopper.Path("me"), fields, shopper.Path("me/loyalty/join"));
    }

    public Task<int> MembershipIdAsync(PortalShopper shopper) =>
        DbAsync(shopper.Tenant, db => db.LoyaltyMemberships.Where(m => m.CustomerId == shopper.CustomerId).Select(m => m.Id).SingleAsync());

    public Task<string> CardNumberAsync(PortalShopper shopper) =>
        DbAsync(shopper.Tenant, db => db.LoyaltyMemberships.Where(m => m.CustomerId == shopper.CustomerId).Select(m => m.CardNumber).SingleAsync());

    public Task<int> BalanceOfAsync(PortalShopper shopper) =>
        DbAsync(shopper.Tenant, db => db.LoyaltyMemberships.Where(m => m.CustomerId == shopper.CustomerId).Select(m => m.ActivePoints).SingleAsync());

    /// <summary>A purchase through the same engine path as the POS API.</summary>
    public Task<PurchaseOutcome> BuyAsync(PortalShopper shopper, string receipt, decimal total) =>
        RunAsync(shopper.Tenant, async sp => await sp.GetRequiredService<PurchaseRecorder>().RecordAsync(
            new PurchaseInput(await ProgramIdAsync(shopper.Tenant), shopper.CustomerId, receipt, [new PurchaseLineInput("CAP", "Cappuccino", "coffee", 1, total)],
                total, "EUR", "card", "Bastille", Clock.Now), CancellationToken.None));

    public Task<int> AddRewardAsync(TenantInfo tenant, string name, int cost, Action<Reward>? configure = null) =>
        DbAsync(tenant, async db =>
        {
            var reward = new Reward { ProgramId = await db.LoyaltyPrograms.Select(p => p.Id).FirstAsync(), Name = name, Kind = RewardKind.FreeItem, CostPoints = cost, CreatedAt = Clock.Now, UpdatedAt = Clock.Now };
            configure?.Invoke(reward);
            db.Rewards.Add(reward);
            await db.SaveChangesAsync();
            return reward.Id;
        });
}

public sealed record PortalShopper(TenantInfo Tenant, string UserId, string Email, int CustomerId, BrowserClient Browser)
{
    public string Path(string page) => $"/{Tenant.Identifier}/{page}";
}
