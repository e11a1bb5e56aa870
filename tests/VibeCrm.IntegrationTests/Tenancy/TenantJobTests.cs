using System.Collections.Concurrent;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VibeCrm.Data.Identity;
using VibeCrm.Data.Tenants;
using VibeCrm.IntegrationTests.Infrastructure;
using VibeCrm.Tenancy;
using VibeCrm.Web.Infrastructure.Jobs;

namespace VibeCrm.IntegrationTests.Tenancy;

/// <summary>Runs the real Hangfire server on the real SQLite job storage.</summary>
public sealed class JobServerFactory : VibeCrmFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Jobs:RunServer"] = "true" };
}

/// <summary>Reads the members of whatever tenant it runs for, and records what it saw.</summary>
public sealed class MemberProbeJob(TenantDbContext db, ITenantContextAccessor accessor) : ITenantJob
{
    public static readonly ConcurrentDictionary<string, string[]> Seen = new();

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var emails = await db.Users.Where(u => u.Kind == AccountKind.Member).Select(u => u.Email!).ToArrayAsync(cancellationToken);
        Seen[accessor.RequireTenant().Id] = emails;
    }
}

public sealed class TenantJobTests(JobServerFactory factory) : IClassFixture<JobServerFactory>
{
    [Fact]
    public async Task A_job_enqueued_in_tenant_A_reads_A_database_and_no_other()
    {
        var a = await factory.CreateTenantAsync();
        var b = await factory.CreateTenantAsync();
        await factory.CreateMemberAsync(a.Info, "alice@a.test");
        await factory.CreateMemberAsync(b.Info, "bob@b.test");

        await factory.InTenantAsync(a.Info, sp =>
            Task.FromResult(sp.GetRequiredService<IBackgroundJobClient>().Enqueue<MemberProbeJob>(j => j.RunAsync(CancellationToken.None))));

        var seen = await WaitAsync(() => MemberProbeJob.Seen.TryGetValue(a.Info.Id, out var e) ? e : null);
        Assert.Equal(["alice@a.test"], seen);
        Assert.False(MemberProbeJob.Seen.ContainsKey(b.Info.Id));
    }

    [Fact]
    public async Task The_fan_out_runs_the_job_once_for_every_active_tenant_and_skips_suspended_ones()
    {
        var a = await factory.CreateTenantAsync();
        var suspended = await factory.CreateTenantAsync();
        await factory.CreateMemberAsync(a.Info, "carla@a.test");
        using (var scope = factory.Services.CreateScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<VibeCrm.Web.Features.Tenants.TenantDirectory>().SuspendAsync(suspended.Info.Id, CancellationToken.None));
            var count = await scope.ServiceProvider.GetRequiredService<TenantFanOut>().EnqueueForEachTenantAsync<MemberProbeJob>(CancellationToken.None);
            Assert.True(count >= 1);
        }

        var seen = await WaitAsync(() => MemberProbeJob.Seen.TryGetValue(a.Info.Id, out var e) ? e : null);
        Assert.Contains("carla@a.test", seen);
        await Task.Delay(1500);
        Assert.False(MemberProbeJob.Seen.ContainsKey(suspended.Info.Id));
    }

    [Fact]
    public async Task A_job_of_a_tenant_suspended_after_enqueueing_does_not_run()
    {
        var tenant = await factory.CreateTenantAsync();
        using var scope = factory.Services.CreateScope();
        var directory = scope.ServiceProvider.GetRequiredService<VibeCrm.Web.Features.Tenants.TenantDirectory>();
        var jobs = scope.ServiceProvider.GetRequiredService<IBackgroundJobClient>();
        var accessor = factory.Services.GetRequiredService<ITenantContextAccessor>();
        string jobId;
        using (accessor.BeginScope(tenant.Info))
        {
            jobId = jobs.Schedule<MemberProbeJob>(j => j.RunAsync(CancellationToken.None), TimeSpan.FromSeconds(2));
        }

        Assert.True(await directory.SuspendAsync(tenant.Info.Id, CancellationToken.None));
        await Task.Delay(5000);
        Assert.False(MemberProbeJob.Seen.ContainsKey(tenant.Info.Id), $"job {jobId} ran for a suspended tenant");
    }

    private static async Task<T> WaitAsync<T>(Func<T?> probe)
        where T : class
    {
        for (var i = 0; i < 150; i++)
        {
            if (probe() is { } value)
            {
                return value;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The job did not run within 15 seconds.");
    }
}
