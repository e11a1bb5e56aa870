using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VibeCrm.Data.Crm;
using VibeCrm.IntegrationTests.Infrastructure;
using VibeCrm.Web.Features.Customers;

namespace VibeCrm.IntegrationTests.Customers;

/// <summary>Create, update and upsert: each validation rule's message, normalization, duplicates, concurrency, bulk actions.</summary>
public sealed class CustomerServiceTests(VibeCrmFactory factory) : IClassFixture<VibeCrmFactory>
{
    public static TheoryData<string, CustomerInput, string, string> InvalidInputs() => new()
    {
        { "nothing", new CustomerInput { Notes = "just a note" }, "", CustomerService.NothingToIdentifyMessage },
        { "email", new CustomerInput { Email = "chloe@" }, "Email", "is not a valid email address" },
        { "phone", new CustomerInput { FirstName = "A", Phone = "12" }, "Phone", "is not a valid phone number" },
        { "birthday", new CustomerInput { FirstName = "A", Birthday = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(3)) }, "Birthday", "cannot be in the future" },
        { "old birthday", new CustomerInput { FirstName = "A", Birthday = new DateOnly(1850, 1, 1) }, "Birthday", "after 1900" },
        { "country", new CustomerInput { FirstName = "A", Country = "XX" }, "Country", "is not a country code from the list" },
        { "language", new CustomerInput { FirstName = "A", Language = "klingon" }, "Language", "is not a language from the list" },
        { "time zone", new CustomerInput { FirstName = "A", TimeZoneId = "Mars/Olympus_Mons" }, "TimeZoneId", "is not a time zone from the list" },
        { "tag", new CustomerInput { FirstName = "A", Tags = [new string('x', 51)] }, "Tags", "longer than 50 characters" },
        { "owner", new CustomerInput { FirstName = "A", OwnerUserId = "not-a-staff-id" }, "OwnerUserId", "Choose an active staff member" },
        { "instagram", new CustomerInput { FirstName = "A", Instagram = "@not valid!" }, "Instagram", "is not a valid Instagram handle" },
        { "x link", new CustomerInput { FirstName = "A", XHandle = "https://example.com/chloe" }, "XHandle", "is not a X profile link or handle" },
        { "first name length", new CustomerInput { FirstName = new string('a', 101) }, "FirstName", "First name is too long" },
        { "notes length", new CustomerInput { FirstName = "A", Notes = new string('n', 4001) }, "Notes", "Notes is too long" },
    };

    [Theory]
    [MemberData(nameof(InvalidInputs))]
    public async Task Each_rule_has_its_message_next_to_its_field(string rule, CustomerInput input, string field, string message)
    {
        var tenant = await factory.CreateTenantAsync();
        var result = await factory.CreateAsync(tenant, input);
        Assert.False(result.Succeeded, rule);
        Assert.True(result.Errors.TryGetValue(field, out var error), $"{rule}: no error for '{field}' in {string.Join("; ", result.Errors)}");
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Equal(0, await factory.DbAsync(tenant, db => db.Customers.CountAsync()));
    }

    [Fact]
    public async Task Values_are_normalized_and_search_keys_kept_in_sync()
    {
        var tenant = await factory.CreateTenantAsync();
        var id = await factory.CreateOkAsync(tenant, new CustomerInput
        {
            FirstName = "  Chloé ", LastName = "Dupont", Email = " Chloe.Dupont@Example.COM ", Phone = "06 12 34 56 78",
            Country = "fr", Language = "en-gb", TimeZoneId = "Europe/Paris", Tags = [" VIP ", "vip", "Office  Lunch"],
            Instagram = "https://www.instagram.com/chloe.dpt/?hl=fr", TikTok = "@chloe_d", LinkedIn = "linkedin.com/in/chloe-dupont-123",
            PreferredCategories = "coffee , pastries,,coffee",
        });
        var c = await factory.LoadAsync(tenant, id);
        Assert.Equal(("Chloé", "chloe dupont", "dupont chloe"), (c.FirstName, c.SearchName, c.SearchLastName));
        Assert.Equal(("Chloe.Dupont@Example.COM", "chloe.dupont@example.com"), (c.Email, c.NormalizedEmail));
        Assert.Equal("+33612345678", c.Phone);
        Assert.Equal(("FR", "en-GB"), (c.Country, c.Language));
        Assert.Equal(["office lunch", "vip"], c.Tags.Select(t => t.Tag).Order(StringComparer.Ordinal));
        Assert.Equal(("chloe.dpt", "chloe_d", "chloe-dupont-123"), (c.Instagram, c.TikTok, c.LinkedIn));
        Assert.Equal("coffee, pastries", c.PreferredCategories);
        Assert.Equal(CustomerStatus.Active, c.Status);

        // Renaming updates the search keys; the update replaces tags.
        await factory.WithAsync(tenant, async sp =>
        {
            var service = sp.GetRequiredService<CustomerService>();
            var form = (await service.LoadForEditAsync(id, CancellationToken.None))!;
            var result = await service.UpdateAsync(id, form.Input with { LastName = "Lefèvre", Email = "chloe@lefevre.fr", Tags = ["regular"] }, form.ConcurrencyStamp, CancellationToken.None);
            Assert.True(result.Succeeded, result.Result.Error);
            return 0;
        });
        c = await factory.LoadAsync(tenant, id);
        Assert.Equal(("chloe lefevre", "lefevre chloe", "chloe@lefevre.fr"), (c.SearchName, c.SearchLastName, c.NormalizedEmail));
        Assert.Equal(["regular"], c.Tags.Select(t => t.Tag));
        Assert.True(c.UpdatedAt >= c.CreatedAt);
    }

    [Fact]
    public async Task Creating_a_known_email_or_phone_warns_with_the_existing_customers_until_confirmed()
    {
        var tenant = await factory.CreateTenantAsync();
        var first = await factory.CreateOkAsync(tenant, new CustomerInput { FirstName = "Léa", Email = "lea@example.com", Phone = "+33 6 11 22 33 44" });

        var byEmail = await factory.CreateAsync(tenant, new CustomerInput { FirstName = "Lea", Email = "LEA@example.com" }, createAnyway: false);
        Assert.False(byEmail.Succeeded);
        Assert.True(byEmail.NeedsDuplicateConfirmation);
        var match = Assert.Single(byEmail.Duplicates);
        Assert.Equal((first, "email"), (match.Id, match.MatchedOn));

        var byPhone = await factory.CreateAsync(tenant, new CustomerInput { FirstName = "Other", Phone = "06 11 22 33 44" }, createAnyway: false);
        Assert.Equal((first, "phone"), (Assert.Single(byPhone.Duplicates).Id, byPhone.Duplicates[0].MatchedOn));

        var anyway = await factory.CreateAsync(tenant, new CustomerInput { FirstName = "Lea", Email = "lea@example.com" }, createAnyway: true);
        Assert.True(anyway.Succeeded);
        Assert.Equal(2, await factory.DbAsync(tenant, db => db.Customers.CountAsync()));
    }

    [Fact]
    public async Task A_stale_edit_is_refused_with_a_clear_message_and_loses_nothing()
    {
        var tenant = await factory.CreateTenantAsync();
        var id = await factory.CreateOkAsync(tenant, new CustomerInput { FirstName = "Hugo", LastName = "Garcia" });
        var stale = await factory.WithAsync(tenant, sp => sp.GetRequiredService<CustomerService>().LoadForEditAsync(id, CancellationToken.None));

        // Someone else saves first.
        await factory.WithAsync(tenant, async sp =>
        {
            var service = sp.GetRequiredService<CustomerService>();
            var fresh = (await service.LoadForEditAsync(id, CancellationToken.None))!;
            Assert.True((await service.UpdateAsync(id, fresh.Input with { Notes = "Theirs" }, fresh.ConcurrencyStamp, CancellationToken.None)).Succeeded);
            return 0;
        });

        var mine = await factory.WithAsync(tenant, sp => sp.GetRequiredService<CustomerService>().UpdateAsync(id, stale!.Input with { Notes = "Mine" }, stale.ConcurrencyStamp, CancellationToken.None));
        Assert.False(mine.Succeeded);
        Assert.Equal(CustomerService.ConflictMessage, mine.Result.Error);
        Assert.Equal("Theirs", (await factory.LoadAsync(tenant, id)).Notes);
    }

    [Fact]
    public async Task Custom_field_values_are_checked_per_type_and_required_fields_enforced()
    {
        var tenant = await factory.CreateTenantAsync();
        var visits = await factory.AddFieldAsync(tenant, "Visits per week", CustomFieldType.Number);
        var since = await factory.AddFieldAsync(tenant, "Customer since", CustomFieldType.Date);
        var oat = await factory.AddFieldAsync(tenant, "Oat milk?", CustomFieldType.YesNo);
        var drink = await factory.AddFieldAsync(tenant, "Favourite drink", CustomFieldType.Choice, "Espresso\nLatte\nTea");
        var card = await factory.AddFieldAsync(tenant, "Card number", CustomFieldType.Text, required: true);
        Assert.Equal(("visits_per_week", "oat_milk", "favourite_drink"), (visits, oat, drink));

        var bad = await factory.CreateAsync(tenant, new CustomerInput
        {
            FirstName = "Noah",
            CustomFields = new Dictionary<string, string> { [visits] = "three", [since] = "31/12/2024", [oat] = "maybe", [drink] = "Mocha", ["shoe_size"] = "42" },
        });
        Assert.Contains("must be a number", bad.Errors[$"CustomFields[{visits}]"], StringComparison.Ordinal);
        Assert.Contains("yyyy-MM-dd", bad.Errors[$"CustomFields[{since}]"], StringComparison.Ordinal);
        Assert.Contains("must be yes or no", bad.Errors[$"CustomFields[{oat}]"], StringComparison.Ordinal);
        Assert.Contains("must be one of: Espresso, Latte, Tea", bad.Errors[$"CustomFields[{drink}]"], StringComparison.Ordinal);
        Assert.Contains("Card number is required", bad.Errors[$"CustomFields[{card}]"], StringComparison.Ordinal);
        Assert.Contains("no custom field “shoe_size”", bad.Errors["CustomFields[shoe_size]"], StringComparison.Ordinal);

        var id = await factory.CreateOkAsync(tenant, new CustomerInput
        {
            FirstName = "Noah",
            CustomFields = new Dictionary<string, string> { [visits] = "2,5", [since] = "2024-12-31", [oat] = "Yes", [drink] = "latte", [card] = " A-123 " },
        });
        var values = await factory.DbAsync(tenant, db => db.CustomFieldValues.Where(v => v.CustomerId == id)
            .Join(db.CustomFields, v => v.FieldId, f => f.Id, (v, f) => new { f.Key, v.Value }).ToDictionaryAsync(x => x.Key, x => x.Value));
        Assert.Equal("2.5", values[visits]);
        Assert.Equal("2024-12-31", values[since]);
        Assert.Equal("true", values[oat]);
        Assert.Equal("Latte", values[drink]);
        Assert.Equal("A-123", values[card]);

        // Archiving hides a field and keeps its values.
        var fieldId = await factory.DbAsync(tenant, db => db.CustomFields.Where(f => f.Key == drink).Select(f => f.Id).SingleAsync());
        await factory.WithAsync(tenant, sp => sp.GetRequiredService<CustomFieldService>().SetArchivedAsync(fieldId, true, CancellationToken.None));
        await factory.WithAsync(tenant, async sp =>
        {
            var service = sp.GetRequiredService<CustomerService>();
            var form = (await service.LoadForEditAsync(id, CancellationToken.None))!;
            var custom = form.Input.CustomFields!.Where(kv => kv.Key != drink).ToDictionary(StringComparer.Ordinal);
            Assert.True((await service.UpdateAsync(id, form.Input with { CustomFields = custom }, form.ConcurrencyStamp, CancellationToken.None)).Succeeded);
            return 0;
        });
        Assert.True(await factory.DbAsync(tenant, db => db.CustomFieldValues.AnyAsync(v => v.CustomerId == id && v.FieldId == fieldId && v.Value == "Latte")));
    }

    [Fact]
    public async Task Upsert_matches_by_email_then_phone_and_changes_only_given_fields()
    {
        var tenant = await factory.CreateTenantAsync();
        var id = await factory.CreateOkAsync(tenant, new CustomerInput
        {
            FirstName = "Emma", LastName = "Laurent", Email = "emma@example.com", Phone = "+33 6 55 44 33 22", City = "Lyon", Tags = ["regular"],
        });
        async Task<(bool Ok, int? Id, bool Created)> Upsert(CustomerInput input)
        {
            var (result, customerId, created) = await factory.WithAsync(tenant, sp =>
                sp.GetRequiredService<CustomerService>().UpsertByEmailOrPhoneAsync(input, RecordSource.Import, CancellationToken.None));
            return (result.Succeeded, customerId, created);
        }

        // By email (any case): only the given fields change, blank cells change nothing, tags are added.
        Assert.Equal((true, id, false), await Upsert(new CustomerInput { Email = "EMMA@example.com", City = "Paris", LastName = " ", Tags = ["vip"] }));
        var c = await factory.LoadAsync(tenant, id);
        Assert.Equal(("Emma", "Laurent", "Paris", "+33655443322"), (c.FirstName, c.LastName, c.City, c.Phone));
        Assert.Equal(["regular", "vip"], c.Tags.Select(t => t.Tag).Order(StringComparer.Ordinal));

        // By phone in another format when the email is unknown.
        Assert.Equal((true, id, false), await Upsert(new CustomerInput { Email = "emma.new@example.com", Phone = "06 55 44 33 22", PostalCode = "75001" }));
        c = await factory.LoadAsync(tenant, id);
        Assert.Equal(("emma.new@example.com", "75001", "Paris"), (c.NormalizedEmail, c.PostalCode, c.City));

        // Nobody matches: a new customer.
        var (ok, newId, created) = await Upsert(new CustomerInput { FirstName = "Lucas", Phone = "07 81 23 45 67" });
        Assert.True(ok && created);
        Assert.NotEqual(id, newId);

        // Invalid values are refused with the reason; merged customers are not matched.
        var (bad, _, _) = await Upsert(new CustomerInput { Email = "emma.new@example.com", Birthday = new DateOnly(2999, 1, 1) });
        Assert.False(bad);
        await factory.DbAsync(tenant, db => db.Customers.Where(x => x.Id == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.MergedIntoId, newId)));
        var (_, third, createdAgain) = await Upsert(new CustomerInput { Email = "emma.new@example.com" });
        Assert.True(createdAgain);
        Assert.NotEqual(id, third);
    }

    [Fact]
    public async Task Bulk_tag_and_owner_change_only_live_selected_customers()
    {
        var tenant = await factory.CreateTenantAsync();
        var owner = await factory.OwnerIdAsync(tenant);
        var a = await factory.CreateOkAsync(tenant, new CustomerInput { FirstName = "A", Tags = ["vip"] });
        var b = await factory.CreateOkAsync(tenant, new CustomerInput { FirstName = "B" });
        var c = await factory.CreateOkAsync(tenant, new CustomerInput { FirstName = "C" });
        var stampBefore = (await factory.LoadAsync(tenant, b)).ConcurrencyStamp;

        var (tagged, changed) = await factory.WithAsync(tenant, sp => sp.GetRequiredService<CustomerService>().AddTagAsync([a, b], " VIP ", CancellationToken.None));
        Assert.True(tagged.Succeeded);
        Assert.Equal(1, changed); // a had it already
        Assert.Equal(["vip"], (await factory.LoadAsync(tenant, b)).Tags.Select(t => t.Tag));
        Assert.Empty((await factory.LoadAsync(tenant, c)).Tags);
        Assert.NotEqual(stampBefore, (await factory.LoadAsync(tenant, b)).ConcurrencyStamp); // an open edit form must not undo it

        var (assigned, count) = await factory.WithAsync(tenant, sp => sp.GetRequiredService<CustomerService>().AssignOwnerAsync([b, c], owner, CancellationToken.None));
        Assert.True(assigned.Succeeded);
        Assert.Equal(2, count);
        Assert.Equal(owner, (await factory.LoadAsync(tenant, c)).OwnerUserId);
        Assert.Null((await factory.LoadAsync(tenant, a)).OwnerUserId);

        var (refused, _) = await factory.WithAsync(tenant, sp => sp.GetRequiredService<CustomerService>().AssignOwnerAsync([a], "nobody", CancellationToken.None));
        refused.AssertFails("active staff member");
        var (empty, _) = await factory.WithAsync(tenant, sp => sp.GetRequiredService<CustomerService>().AddTagAsync([], "x", CancellationToken.None));
        empty.AssertFails("Select at least one customer");
    }
}
