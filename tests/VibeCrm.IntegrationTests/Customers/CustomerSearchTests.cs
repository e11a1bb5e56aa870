using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VibeCrm.Data.Crm;
using VibeCrm.IntegrationTests.Infrastructure;
using VibeCrm.Web.Features.Customers;

namespace VibeCrm.IntegrationTests.Customers;

/// <summary>Search, filters, sorts and paging of the customer list, on the real SQLite database.</summary>
public sealed class CustomerSearchTests(VibeCrmFactory factory) : IClassFixture<VibeCrmFactory>
{
    private sealed record Sample(TestTenant Tenant, int Chloe, int Marc, int Zoe, int Merged, string OwnerId);

    private async Task<Sample> SampleAsync()
    {
        var tenant = await factory.CreateTenantAsync(); // Europe/Paris: national numbers are French
        var owner = await factory.OwnerIdAsync(tenant);
        var chloe = await factory.CreateOkAsync(tenant, new CustomerInput
        {
            FirstName = "Chloé", LastName = "Dupont", Email = "Chloe.Dupont@Example.com", Phone = "06 12 34 56 78", Tags = ["VIP", "vegan"],
        });
        var marc = await factory.CreateOkAsync(tenant, new CustomerInput
        {
            FirstName = "Marc", LastName = "Durand", Email = "marc@durand.fr", Phone = "+44 20 7946 0958", Tags = ["regular"], Status = CustomerStatus.Inactive,
        });
        var zoe = await factory.CreateOkAsync(tenant, new CustomerInput { FirstName = "Zoé", LastName = "Martin", Email = "zoe@martin.test", Tags = ["regular"], OwnerUserId = owner });
        var merged = await factory.CreateOkAsync(tenant, new CustomerInput { FirstName = "Chloe", LastName = "Dupont", Email = "old-chloe@example.com", Tags = ["vip"] });
        var now = DateTimeOffset.UtcNow;
        await factory.DbAsync(tenant, async db =>
        {
            // Known dates for the date filters and sorts (Paris is UTC+1 in winter).
            await Set(db, chloe, new DateTimeOffset(2025, 1, 10, 12, 0, 0, TimeSpan.Zero), now.AddDays(-1));
            await Set(db, marc, new DateTimeOffset(2025, 3, 5, 12, 0, 0, TimeSpan.Zero), now.AddDays(-100));
            await Set(db, zoe, new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero), null);
            await db.Customers.Where(c => c.Id == merged).ExecuteUpdateAsync(s => s.SetProperty(c => c.MergedIntoId, chloe));
            return 0;
        });
        return new Sample(tenant, chloe, marc, zoe, merged, owner);

        static Task Set(VibeCrm.Data.Tenants.TenantDbContext db, int id, DateTimeOffset created, DateTimeOffset? activity) =>
            db.Customers.Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.CreatedAt, created).SetProperty(c => c.LastActivityAt, activity));
    }

    [Theory]
    [InlineData("dup", "Chloé Dupont")] // last name prefix
    [InlineData("chlo", "Chloé Dupont")] // first name prefix
    [InlineData("Chloé D", "Chloé Dupont")] // "first last", accent typed
    [InlineData("CHLOE dupo", "Chloé Dupont")] // no accent, upper case
    [InlineData("dupont chl", "Chloé Dupont")] // "last first"
    [InlineData("zoé", "Zoé Martin")]
    [InlineData("chloe.dup", "Chloé Dupont")] // email prefix without @
    [InlineData("marc@d", "Marc Durand")] // email prefix with @
    [InlineData("ZOE@MARTIN.TEST", "Zoé Martin")] // whole email, any case
    [InlineData("06 12 34", "Chloé Dupont")] // national format
    [InlineData("0612.34.56", "Chloé Dupont")]
    [InlineData("+33 6 12", "Chloé Dupont")] // international
    [InlineData("0033612", "Chloé Dupont")] // 00 prefix
    [InlineData("612345", "Chloé Dupont")] // national without the trunk zero
    [InlineData("+44 20 7946", "Marc Durand")]
    [InlineData("(+44) 20-7946", "Marc Durand")]
    [InlineData("vegan", "Chloé Dupont")] // a tag, exact
    public async Task Search_finds_by_name_email_phone_and_tag(string term, string expected)
    {
        var s = await SampleAsync();
        Assert.Equal([expected], await factory.NamesAsync(s.Tenant, new CustomerListQuery { Q = term }));
    }

    [Fact]
    public async Task Search_by_tag_is_exact_and_hash_means_tag_only()
    {
        var s = await SampleAsync();
        Assert.Equal(["Marc Durand", "Zoé Martin"], await factory.NamesAsync(s.Tenant, new CustomerListQuery { Q = "#regular" }));
        Assert.Empty(await factory.NamesAsync(s.Tenant, new CustomerListQuery { Q = "#regul" }));
        Assert.Equal(["Chloé Dupont"], await factory.NamesAsync(s.Tenant, new CustomerListQuery { Q = "#VIP" }));
        Assert.Empty(await factory.NamesAsync(s.Tenant, new CustomerListQuery { Q = "nobody-here" }));
    }

    [Fact]
    public async Task Merged_records_never_show()
    {
        var s = await SampleAsync();
        var all = await factory.ListAsync(s.Tenant, new CustomerListQuery());
        Assert.Equal(3, all.Total);
        Assert.DoesNotContain(all.Rows, r => r.Id == s.Merged);
        Assert.DoesNotContain((await factory.ListAsync(s.Tenant, new CustomerListQuery { Q = "old-chloe" })).Rows, r => r.Id == s.Merged);
        Assert.DoesNotContain((await factory.ListAsync(s.Tenant, new CustomerListQuery { Tag = "vip", Sort = "name" })).Rows, r => r.Id == s.Merged);
    }

    [Fact]
    public async Task Filters_by_status_tag_owner_and_dates()
    {
        var s = await SampleAsync();
        var t = s.Tenant;
        Assert.Equal(["Marc Durand"], await factory.NamesAsync(t, new CustomerListQuery { Status = CustomerStatus.Inactive }));
        Assert.Equal(["Zoé Martin", "Chloé Dupont"], await factory.NamesAsync(t, new CustomerListQuery { Status = CustomerStatus.Active }));
        Assert.Equal(["Zoé Martin", "Marc Durand"], await factory.NamesAsync(t, new CustomerListQuery { Tag = " Regular " }));
        Assert.Equal(["Zoé Martin"], await factory.NamesAsync(t, new CustomerListQuery { Tag = "regular", Status = CustomerStatus.Active }));
        Assert.Equal(["Zoé Martin"], await factory.NamesAsync(t, new CustomerListQuery { Owner = s.OwnerId }));
        Assert.Equal(["Marc Durand", "Chloé Dupont"], await factory.NamesAsync(t, new CustomerListQuery { Owner = "none" }));
        Assert.Equal(["Marc Durand"], await factory.NamesAsync(t, new CustomerListQuery { CreatedFrom = new DateOnly(2025, 3, 5), CreatedTo = new DateOnly(2025, 3, 5) }));
        Assert.Equal(["Zoé Martin", "Marc Durand"], await factory.NamesAsync(t, new CustomerListQuery { CreatedFrom = new DateOnly(2025, 2, 1) }));
        Assert.Equal(["Chloé Dupont"], await factory.NamesAsync(t, new CustomerListQuery { ActiveFrom = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-10)) }));
        Assert.Equal(["Marc Durand"], await factory.NamesAsync(t, new CustomerListQuery { ActiveTo = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-10)) }));
        Assert.Equal(["Chloé Dupont"], await factory.NamesAsync(t, new CustomerListQuery { Q = "d", Status = CustomerStatus.Active, Owner = "none" }));
    }

    [Fact]
    public async Task Sorts_by_name_created_and_last_activity_both_ways()
    {
        var s = await SampleAsync();
        var t = s.Tenant;
        Assert.Equal(["Zoé Martin", "Marc Durand", "Chloé Dupont"], await factory.NamesAsync(t, new CustomerListQuery())); // newest first
        Assert.Equal(["Chloé Dupont", "Marc Durand", "Zoé Martin"], await factory.NamesAsync(t, new CustomerListQuery { Sort = "name" })); // by last name
        Assert.Equal(["Zoé Martin", "Marc Durand", "Chloé Dupont"], await factory.NamesAsync(t, new CustomerListQuery { Sort = "name", Dir = "desc" }));
        Assert.Equal(["Chloé Dupont", "Marc Durand", "Zoé Martin"], await factory.NamesAsync(t, new CustomerListQuery { Sort = "created", Dir = "asc" }));
        Assert.Equal(["Chloé Dupont", "Marc Durand", "Zoé Martin"], await factory.NamesAsync(t, new CustomerListQuery { Sort = "activity" })); // no activity last
        Assert.Equal(["Zoé Martin", "Marc Durand", "Chloé Dupont"], await factory.NamesAsync(t, new CustomerListQuery { Sort = "activity", Dir = "asc" }));
    }

    /// <summary>Each query shape (which index leads) must return the same customers; only the plan differs.</summary>
    [Fact]
    public async Task Every_query_shape_returns_the_same_customers()
    {
        var s = await SampleAsync();
        var queries = new[]
        {
            new CustomerListQuery { Q = "dup" }, new CustomerListQuery { Q = "chloe.d" }, new CustomerListQuery { Q = "06 12" },
            new CustomerListQuery { Q = "#regular" }, new CustomerListQuery { Q = "vegan" }, new CustomerListQuery { Q = "marc@" },
            new CustomerListQuery { Tag = "regular", Status = CustomerStatus.Active }, new CustomerListQuery { Owner = s.OwnerId, Tag = "regular" },
            new CustomerListQuery { Owner = "none", Status = CustomerStatus.Inactive }, new CustomerListQuery { Tag = "vip" },
        };
        foreach (var query in queries)
        {
            var results = await factory.WithAsync(s.Tenant, async sp =>
            {
                var customers = sp.GetRequiredService<CustomerQueries>();
                var byLead = new List<int[]>();
                foreach (var lead in Enum.GetValues<CustomerQueries.Lead>())
                {
                    byLead.Add(await customers.Filter(query, lead).Select(c => c.Id).OrderBy(id => id).ToArrayAsync());
                }

                return byLead;
            });
            Assert.All(results, r => Assert.Equal(results[0], r));
            Assert.NotEmpty(results[0]);
        }
    }

    [Fact]
    public async Task Pages_of_25_50_and_100_with_a_total()
    {
        var tenant = await factory.CreateTenantAsync();
        await factory.WithAsync(tenant, async sp =>
        {
            var service = sp.GetRequiredService<CustomerService>();
            for (var i = 0; i < 60; i++)
            {
                var result = await service.CreateAsync(new CustomerInput { FirstName = $"Person{i:D2}", LastName = "Paged" }, createAnyway: true, CancellationToken.None);
                Assert.True(result.Succeeded);
            }

            return 0;
        });

        var first = await factory.ListAsync(tenant, new CustomerListQuery { Sort = "name", Size = 25 });
        Assert.Equal(25, first.Rows.Count);
        Assert.Equal(60, first.Total);
        Assert.False(first.TotalIsCapped);
        Assert.Equal(3, first.LastPage);
        Assert.True(first.HasNext);
        Assert.False(first.HasPrevious);
        Assert.Equal("Person00 Paged", first.Rows[0].Name);

        var third = await factory.ListAsync(tenant, new CustomerListQuery { Sort = "name", Size = 25, Page = 3 });
        Assert.Equal(10, third.Rows.Count);
        Assert.False(third.HasNext);
        Assert.Equal("Person50 Paged", third.Rows[0].Name);

        Assert.Equal(50, (await factory.ListAsync(tenant, new CustomerListQuery { Size = 50 })).Rows.Count);
        Assert.Equal(60, (await factory.ListAsync(tenant, new CustomerListQuery { Size = 100 })).Rows.Count);
        Assert.Equal(25, (await factory.ListAsync(tenant, new CustomerListQuery { Size = 7 })).Rows.Count); // unknown sizes fall back to 25
        Assert.Equal("?sort=name&page=2", new CustomerListQuery { Sort = "name", Page = 5 }.With(page: 2));
    }
}
