using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VibeCrm.Data.Crm;
using VibeCrm.Data.Tenants;
using VibeCrm.IntegrationTests.Infrastructure;
using VibeCrm.Web.Features.Customers;
using VibeCrm.Web.Features.Members;

namespace VibeCrm.IntegrationTests.Accounts;

/// <summary>A member account is linked to one customer record: an existing customer with the email is reused.</summary>
public sealed class MemberCustomerLinkTests(VibeCrmFactory factory) : IClassFixture<VibeCrmFactory>
{
    [Fact]
    public async Task Confirming_the_email_links_the_member_to_the_existing_customer_with_that_email()
    {
        var tenant = await factory.CreateTenantAsync();
        var existingId = await factory.InTenantAsync(tenant.Info, async sp =>
        {
            var (result, id, _) = await sp.GetRequiredService<CustomerService>().UpsertByEmailOrPhoneAsync(
                new CustomerInput { FirstName = "Nora", LastName = "Till", Email = "Nora@Shopper.test" }, RecordSource.Pos, CancellationToken.None);
            Assert.True(result.Succeeded, result.Error);
            return id!.Value;
        });

        using var shopper = new BrowserClient(factory);
        using (await shopper.PostFormAsync($"/{tenant.Slug}/account/join", new Dictionary<string, string>
               {
                   ["Input.FirstName"] = "Nora",
                   ["Input.LastName"] = "Till",
                   ["Input.Email"] = "nora@shopper.test",
                   ["Input.Password"] = VibeCrmFactory.Password,
                   ["Input.MarketingEmailOptIn"] = "true",
               }))
        {
        }

        var email = await factory.Smtp.WaitForAsync("nora@shopper.test");
        await shopper.GetPageAsync(Links.Find(email, "confirmemail"));

        var (linked, customers, consent) = await factory.InTenantAsync(tenant.Info, async sp =>
        {
            var db = sp.GetRequiredService<TenantDbContext>();
            var user = await db.Users.SingleAsync(u => u.Email == "nora@shopper.test");
            var count = await db.Customers.CountAsync();
            var consents = await db.ConsentRecords.Where(c => c.CustomerId == existingId).Select(c => new { c.Granted, c.Source }).ToListAsync();
            return (user.CustomerId, count, consents);
        });
        Assert.Equal(existingId, linked);
        Assert.Equal(1, customers);
        Assert.Contains(consent, c => c.Granted && c.Source == RecordSource.Portal);
    }

    [Fact]
    public async Task A_member_without_a_customer_gets_one_once_and_follows_a_merge()
    {
        var tenant = await factory.CreateTenantAsync();
        var userId = await factory.CreateMemberAsync(tenant.Info, "ines@shopper.test", "Ines");
        var (first, second, rows) = await factory.InTenantAsync(tenant.Info, async sp =>
        {
            var links = sp.GetRequiredService<MemberCustomers>();
            var a = await links.EnsureAsync(userId, CancellationToken.None);
            var b = await links.EnsureAsync(userId, CancellationToken.None);
            return (a, b, await sp.GetRequiredService<TenantDbContext>().Customers.CountAsync(c => c.NormalizedEmail == "ines@shopper.test"));
        });
        Assert.True(first.Result.Succeeded, first.Result.Error);
        Assert.Equal(first.CustomerId, second.CustomerId);
        Assert.Equal(1, rows);

        var survivor = await factory.InTenantAsync(tenant.Info, async sp =>
        {
            var db = sp.GetRequiredService<TenantDbContext>();
            var other = new Customer { FirstName = "Ines", LastName = "Merged", CreatedAt = DateTimeOffset.UtcNow };
            db.Customers.Add(other);
            await db.SaveChangesAsync();
            var mine = await db.Customers.SingleAsync(c => c.Id == first.CustomerId);
            mine.MergedIntoId = other.Id;
            await db.SaveChangesAsync();
            return other.Id;
        });
        var after = await factory.InTenantAsync(tenant.Info, sp => sp.GetRequiredService<MemberCustomers>().EnsureAsync(userId, CancellationToken.None));
        Assert.Equal(survivor, after.CustomerId);
    }

    [Fact]
    public async Task An_unconfirmed_member_is_not_linked()
    {
        var tenant = await factory.CreateTenantAsync();
        var userId = await factory.CreateMemberAsync(tenant.Info, "late@shopper.test");
        await factory.InTenantAsync(tenant.Info, async sp =>
        {
            var db = sp.GetRequiredService<TenantDbContext>();
            var user = await db.Users.SingleAsync(u => u.Id == userId);
            user.EmailConfirmed = false;
            return await db.SaveChangesAsync();
        });
        var outcome = await factory.InTenantAsync(tenant.Info, sp => sp.GetRequiredService<MemberCustomers>().EnsureAsync(userId, CancellationToken.None));
        Assert.False(outcome.Result.Succeeded);
        Assert.Contains("Confirm your email", outcome.Result.Error, StringComparison.Ordinal);
    }
}
