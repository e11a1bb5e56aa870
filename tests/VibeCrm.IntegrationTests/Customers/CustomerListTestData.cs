using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VibeCrm.Data.Crm;
using VibeCrm.Data.Identity;
using VibeCrm.Data.Tenants;
using VibeCrm.IntegrationTests.Infrastructure;
using VibeCrm.Web.Features;
using VibeCrm.Web.Features.Customers;

namespace VibeCrm.IntegrationTests.Customers;

/// <summary>Shortcuts for customer tests: services in a tenant scope, creating customers and custom fields.</summary>
public static class CustomerListTestData
{
    public static Task<T> WithAsync<T>(this VibeCrmFactory factory, TestTenant tenant, Func<IServiceProvider, Task<T>> action) =>
        factory.InTenantAsync(tenant.Info, action);

    public static Task<CustomerSaveResult> CreateAsync(this VibeCrmFactory factory, TestTenant tenant, CustomerInput input, bool createAnyway = true) =>
        factory.WithAsync(tenant, sp => sp.GetRequiredService<CustomerService>().CreateAsync(input, createAnyway, CancellationToken.None));

    public static async Task<int> CreateOkAsync(this VibeCrmFactory factory, TestTenant tenant, CustomerInput input)
    {
        var result = await factory.CreateAsync(tenant, input);
        Assert.True(result.Succeeded, result.Result.Error);
        return result.CustomerId!.Value;
    }

    public static Task<CustomerPage> ListAsync(this VibeCrmFactory factory, TestTenant tenant, CustomerListQuery query) =>
        factory.WithAsync(tenant, sp => sp.GetRequiredService<CustomerQueries>().ListAsync(query, CancellationToken.None));

    public static async Task<IReadOnlyList<string>> NamesAsync(this VibeCrmFactory factory, TestTenant tenant, CustomerListQuery query) =>
        [.. (await factory.ListAsync(tenant, query)).Rows.Select(r => r.Name)];

    public static Task<T> DbAsync<T>(this VibeCrmFactory factory, TestTenant tenant, Func<TenantDbContext, Task<T>> action) =>
        factory.WithAsync(tenant, sp => action(sp.GetRequiredService<TenantDbContext>()));

    public static Task<Customer> LoadAsync(this VibeCrmFactory factory, TestTenant tenant, int id) =>
        factory.DbAsync(tenant, db => db.Customers.AsNoTracking().Include(c => c.Tags).Include(c => c.CustomValues).SingleAsync(c => c.Id == id));

    public static Task<string> OwnerIdAsync(this VibeCrmFactory factory, TestTenant tenant) =>
        factory.WithAsync(tenant, sp => Task.FromResult(sp.GetRequiredService<UserManager<AppUser>>().Users.Single(u => u.Email == tenant.OwnerEmail).Id));

    public static Task<string> AddFieldAsync(this VibeCrmFactory factory, TestTenant tenant, string label, CustomFieldType type, string? choices = null, bool required = false) =>
        factory.WithAsync(tenant, async sp =>
        {
            var (result, key) = await sp.GetRequiredService<CustomFieldService>().AddAsync(label, type, choices, required, CancellationToken.None);
            Assert.True(result.Succeeded, result.Error);
            return key!;
        });

    public static void AssertFails(this CommandResult result, string expected)
    {
        Assert.False(result.Succeeded);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }
}
