using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VibeCrm.Data.Crm;
using VibeCrm.Data.Loyalty;
using VibeCrm.Data.Tenants;
using VibeCrm.IntegrationTests.Infrastructure;
using VibeCrm.Tenancy;
using VibeCrm.Web.Features.Loyalty;

namespace VibeCrm.IntegrationTests.Loyalty;

/// <summary>A clock the tests move forward (return windows, expiry, tier windows).</summary>
public sealed class TestClock : TimeProvider
{
    private long _ticks = DateTimeOffset.UtcNow.UtcTicks;

    public DateTimeOffset Now => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}

/// <summary>The app with the loyalty feature and a test clock.</summary>
public class LoyaltyFactory : VibeCrmFactory
{
    public TestClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddLoyaltyFeature();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    public Task<T> RunAsync<T>(TenantInfo tenant, Func<IServiceProvider, Task<T>> action) => InTenantAsync(tenant, action);

    public Task<T> DbAsync<T>(TenantInfo tenant, Func<TenantDbContext, Task<T>> action) =>
        InTenantAsync(tenant, sp => action(sp.GetRequiredService<TenantDbContext>()));

    /// <summary>A tenant with one active program (configured by <paramref name="configure"/>) and one member.</summary>
    public async Task<LoyaltySetup> SetupAsync(Action<LoyaltyProgram>? configure = null, Action<LoyaltyProgram>? rules = null)
    {
        var tenant = (await CreateTenantAsync()).Info;
        var programId = await DbAsync(tenant, async db =>
        {
            var program = new LoyaltyProgram
            {
                Name = "Club",
                Status = ProgramStatus.Active,
                Currency = "EUR",
                TimeZoneId = "Europe/Paris",
                PointsPerCurrencyUnit = 1m,
                PointValue = 0.01m,
                TierWindowMonths = null,
                CreatedAt = Clock.Now,
                UpdatedAt = Clock.Now,
            };
            configure?.Invoke(program);
            rules?.Invoke(program);
            db.LoyaltyPrograms.Add(program);
            await db.SaveChangesAsync();
            return program.Id;
        });
        var member = await AddMemberAsync(tenant, programId, "Mia");
        return new LoyaltySetup(tenant, programId, member.CustomerId, member.MembershipId);
    }

    public async Task<(int CustomerId, int MembershipId)> AddMemberAsync(TenantInfo tenant, int programId, string firstName)
    {
        var customerId = await DbAsync(tenant, async db =>
        {
            var customer = new Customer { FirstName = firstName, LastName = "Member", CreatedAt = Clock.Now, UpdatedAt = Clock.Now };
            db.Customers.Add(customer);
            await db.SaveChangesAsync();
            return customer.Id;
        });
        var joined = await RunAsync(tenant, sp => sp.GetRequiredService<LoyaltyLedger>().JoinAsync(programId, customerId, CancellationToken.None));
        Assert.True(joined.Result.Succeeded, joined.Result.Error);
        return (customerId, joined.MembershipId!.Value);
    }

    public Task<int> AddRewardAsync(TenantInfo tenant, int programId, int cost, Action<Reward>? configure = null) =>
        DbAsync(tenant, async db =>
        {
            var reward = new Reward { ProgramId = programId, Name = $"Reward {cost}", Kind = RewardKind.AmountOff, Value = 5, CostPoints = cost, CreatedAt = Clock.Now, UpdatedAt = Clock.Now };
            configure?.Invoke(reward);
            db.Rewards.Add(reward);
            await db.SaveChangesAsync();
            return reward.Id;
        });

    public Task<PurchaseOutcome> PurchaseAsync(LoyaltySetup s, string externalId, decimal total, params PurchaseLineInput[] lines) =>
        RunAsync(s.Tenant, sp => sp.GetRequiredService<PurchaseRecorder>().RecordAsync(
            new PurchaseInput(s.ProgramId, s.CustomerId, externalId, lines.Length > 0 ? lines : [new PurchaseLineInput("ITEM", "Item", "misc", 1, total)],
                total, "EUR", "card", "main", Clock.Now), CancellationToken.None));

    public Task<RedemptionOutcome> RedeemAsync(LoyaltySetup s, int rewardId, int? membershipId = null) =>
        RunAsync(s.Tenant, sp => sp.GetRequiredService<RewardRedemptions>().RedeemAsync(membershipId ?? s.MembershipId, rewardId, CancellationToken.None));

    public Task<LoyaltyBalance> BalanceAsync(LoyaltySetup s, int? membershipId = null) =>
        RunAsync(s.Tenant, async sp => (await sp.GetRequiredService<LoyaltyLedger>().GetBalanceAsync(membershipId ?? s.MembershipId, CancellationToken.None))!);

    public Task<List<PointLot>> LotsAsync(LoyaltySetup s) =>
        DbAsync(s.Tenant, db => db.PointLots.AsNoTracking().Where(l => l.MembershipId == s.MembershipId).OrderBy(l => l.Id).ToListAsync());

    public Task<IReadOnlyList<LoyaltyInvariantBreach>> CheckInvariantsAsync(LoyaltySetup s) =>
        RunAsync(s.Tenant, sp => sp.GetRequiredService<LedgerInvariants>().CheckAsync(CancellationToken.None));

    public Task RunJobAsync<TJob>(LoyaltySetup s)
        where TJob : VibeCrm.Web.Infrastructure.Jobs.ITenantJob =>
        RunAsync(s.Tenant, async sp =>
        {
            await sp.GetRequiredService<TJob>().RunAsync(CancellationToken.None);
            return 0;
        });
}

public sealed record LoyaltySetup(TenantInfo Tenant, int ProgramId, int CustomerId, int MembershipId);
