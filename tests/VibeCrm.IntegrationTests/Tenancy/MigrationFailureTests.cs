using Microsoft.Extensions.DependencyInjection;
using VibeCrm.Data;
using VibeCrm.IntegrationTests.Infrastructure;
using VibeCrm.Tenancy;
using VibeCrm.Web.Features.Tenants;

namespace VibeCrm.IntegrationTests.Tenancy;

public sealed class MigrationFailureTests(VibeCrmFactory factory) : IClassFixture<VibeCrmFactory>
{
    [Fact]
    public async Task A_tenant_that_fails_to_migrate_is_marked_failed_and_the_others_carry_on()
    {
        var healthy = await factory.CreateTenantAsync();
        var broken = await factory.CreateTenantAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var file = factory.Services.GetRequiredService<DatabaseLocator>().TenantFile(broken.Info.DatabaseName);
        await File.WriteAllTextAsync(file, "this is not a database, it was damaged on disk");
        foreach (var suffix in new[] { "-wal", "-shm" })
        {
            File.Delete(file + suffix);
        }

        using var scope = factory.Services.CreateScope();
        var failures = await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateTenantsAsync(CancellationToken.None);
        Assert.Equal(1, failures);

        var rows = await scope.ServiceProvider.GetRequiredService<TenantDirectory>().ListAsync(CancellationToken.None);
        var brokenRow = rows.Single(r => r.Id == broken.Info.Id);
        Assert.Equal(TenantState.Failed, brokenRow.State);
        Assert.StartsWith("Migration failed", brokenRow.LastError, StringComparison.Ordinal);
        Assert.Equal(TenantState.Active, rows.Single(r => r.Id == healthy.Info.Id).State);

        using var visitor = new BrowserClient(factory);
        using var refused = await visitor.GetAsync($"/{broken.Slug}");
        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        using var fine = await visitor.GetAsync($"/{healthy.Slug}");
        Assert.Equal(System.Net.HttpStatusCode.OK, fine.StatusCode);
    }
}
