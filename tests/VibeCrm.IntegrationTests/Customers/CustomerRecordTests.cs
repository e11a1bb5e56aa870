using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VibeCrm.Data.Crm;
using VibeCrm.IntegrationTests.Infrastructure;
using VibeCrm.IntegrationTests.Opportunities;
using VibeCrm.Web.Features.Customers;

namespace VibeCrm.IntegrationTests.Customers;

/// <summary>Consent history, merge, GDPR export and erasure, audit trail.</summary>
public sealed class CustomerRecordTests(VibeCrmFactory factory) : IClassFixture<VibeCrmFactory>
{
    private static string Details(TestTenant t, int id) => $"/{t.Slug}/admin/customers/details/{id}";

    private static string S(int value) => value.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task Consent_changes_are_appended_never_overwritten_and_the_latest_per_channel_wins()
    {
        var tenant = await factory.CreateTenantAsync();
        var id = await factory.AddCustomerAsync(tenant, "Cora", "Consent");
        using var owner = new BrowserClient(factory);
        await owner.SignInStaffAsync(tenant.Slug, tenant.OwnerEmail);
        async Task Record(string channel, bool granted, string source, string note)
        {
            using var r = await owner.PostFormAsync(Details(tenant, id), new Dictionary<string, string>
            {
                ["channel"] = channel, ["granted"] = granted ? "true" : "false", ["source"] = source, ["note"] = note,
            }, Details(tenant, id) + "?handler=Consent");
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        }

        await Record("Email", true, "Pos", "Signed up at the till");
        var first = await factory.InDbAsync(tenant, db => db.ConsentRecords.AsNoTracking().SingleAsync(c => c.CustomerId == id));
        await Record("Email", false, "Staff", "Asked by phone to stop");
        await Record("Sms", true, "Staff", "Happy with texts");

        var records = await factory.InDbAsync(tenant, db => db.ConsentRecords.AsNoTracking().Where(c => c.CustomerId == id).OrderBy(c => c.Id).ToListAsync());
        Assert.Equal(3, records.Count);
        Assert.Equivalent(first, records[0]); // untouched
        Assert.Equal(await factory.UserIdAsync(tenant, tenant.OwnerEmail), records[1].RecordedByUserId);

        var current = await factory.InTenantAsync(tenant.Info, sp => sp.GetRequiredService<ConsentService>().CurrentAsync(id, CancellationToken.None));
        Assert.False(current[ContactChannel.Email].Granted);
        Assert.True(current[ContactChannel.Email].IsKnown);
        Assert.True(current[ContactChannel.Sms].Granted);
        Assert.False(current[ContactChannel.Push].IsKnown);
        Assert.False(current[ContactChannel.DirectMail].IsKnown);

        var page = await owner.GetPageAsync(Details(tenant, id));
        Assert.Contains("Signed up at the till", page, StringComparison.Ordinal);
        Assert.Contains("Asked by phone to stop", page, StringComparison.Ordinal);
        Assert.Contains("point of sale", page, StringComparison.Ordinal);

        using var bad = await owner.PostFormAsync(Details(tenant, id), new Dictionary<string, string> { ["channel"] = "Email", ["granted"] = "true", ["source"] = "Staff", ["note"] = new string('x', 600) }, Details(tenant, id) + "?handler=Consent");
        Assert.Contains("at most 500", await owner.GetPageAsync(bad.Headers.Location!.OriginalString), StringComparison.Ordinal);
        Assert.Equal(3, await factory.InDbAsync(tenant, db => db.ConsentRecords.CountAsync(c => c.CustomerId == id)));
    }

    [Fact]
    public async Task Merge_moves_everything_to_the_survivor_and_hides_the_duplicate()
    {
        var tenant = await factory.CreateTenantAsync();
        var keep = await factory.AddCustomerAsync(tenant, "Marie", "Martin", "marie@example.com");
        var other = await factory.AddCustomerAsync(tenant, "Marie", "Martin", "marie.martin@work.example", c => c.Phone = "+33612345678");
        var now = DateTimeOffset.UtcNow;
        var (fieldId, leadId) = await factory.InDbAsync(tenant, async db =>
        {
            var field = new CustomFieldDefinition { Key = "drink", Label = "Favourite drink" };
            var stage = new PipelineStage { Name = "New", Kind = StageKind.Open };
            db.AddRange(field, stage);
            await db.SaveChangesAsync();
            db.CustomerTags.AddRange(new CustomerTag { CustomerId = keep, Tag = "vip" }, new CustomerTag { CustomerId = other, Tag = "vip" }, new CustomerTag { CustomerId = other, Tag = "vegan" });
            db.CustomFieldValues.AddRange(new CustomFieldValue { CustomerId = keep, FieldId = field.Id, Value = "Espresso" }, new CustomFieldValue { CustomerId = other, FieldId = field.Id, Value = "Latte" });
            db.Interactions.Add(new Interaction { CustomerId = other, Type = InteractionType.Call, Subject = "Dup call", OccurredAt = now, CreatedAt = now, UpdatedAt = now });
            db.ConsentRecords.Add(new ConsentRecord { CustomerId = other, Channel = ContactChannel.Sms, Granted = true, Source = RecordSource.Portal, RecordedAt = now });
            db.Opportunities.Add(new Opportunity { CustomerId = other, Title = "Party", Currency = "EUR", Amount = 90, StageId = stage.Id, CreatedAt = now, UpdatedAt = now });
            var lead = new VibeCrm.Data.Crm.Lead { FirstName = "Marie", Status = LeadStatus.Converted, ConvertedCustomerId = other, CreatedAt = now, UpdatedAt = now };
            db.Leads.Add(lead);
            await db.SaveChangesAsync();
            return (field.Id, lead.Id);
        });

        using var owner = new BrowserClient(factory);
        await owner.SignInStaffAsync(tenant.Slug, tenant.OwnerEmail);
        var mergeUrl = $"/{tenant.Slug}/admin/customers/merge";
        var search = await owner.GetPageAsync($"{mergeUrl}?keep={keep}&q=marie.martin");
        Assert.Contains($"other={other}", search, StringComparison.Ordinal);
        var compare = $"{mergeUrl}?keep={keep}&other={other}";
        var chooser = await owner.GetPageAsync(compare);
        Assert.Contains("marie.martin@work.example", chooser, StringComparison.Ordinal);
        Assert.Contains("Latte", chooser, StringComparison.Ordinal);

        using (var merged = await owner.PostFormAsync(compare, new Dictionary<string, string>
               {
                   ["keep"] = S(keep), ["other"] = S(other), ["choice[Email]"] = "other", ["choice[Phone]"] = "other", [$"choice[cf:{fieldId}]"] = "keep",
               }, mergeUrl))
        {
            Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);
        }

        await factory.InDbAsync(tenant, async db =>
        {
            var survivor = await db.Customers.AsNoTracking().SingleAsync(c => c.Id == keep);
            Assert.Equal("marie.martin@work.example", survivor.Email);
            Assert.Equal("marie.martin@work.example", survivor.NormalizedEmail);
            Assert.Equal("+33612345678", survivor.Phone);
            Assert.Equal(keep, (await db.Customers.AsNoTracking().SingleAsync(c => c.Id == other)).MergedIntoId);
            Assert.Equal(["vegan", "vip"], await db.CustomerTags.Where(t => t.CustomerId == keep).Select(t => t.Tag).OrderBy(t => t).ToListAsync());
            Assert.Equal(0, await db.CustomerTags.CountAsync(t => t.CustomerId == other));
            Assert.Equal("Espresso", await db.CustomFieldValues.Where(v => v.CustomerId == keep).Select(v => v.Value).SingleAsync());
            Assert.Equal(0, await db.CustomFieldValues.CountAsync(v => v.CustomerId == other));
            Assert.Equal(1, await db.Interactions.CountAsync(i => i.CustomerId == keep));
            Assert.Equal(1, await db.ConsentRecords.CountAsync(c => c.CustomerId == keep));
            Assert.Equal(1, await db.Opportunities.CountAsync(o => o.CustomerId == keep));
            Assert.Equal(keep, await db.Leads.Where(l => l.Id == leadId).Select(l => l.ConvertedCustomerId).SingleAsync());
            Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.EntityType == "Customer" && a.EntityId == keep && a.Action == "Merged"));
            Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.EntityType == "Customer" && a.EntityId == other && a.Action == "Merged"));
            return 0;
        });

        var current = await factory.InTenantAsync(tenant.Info, sp => sp.GetRequiredService<ConsentService>().CurrentAsync(keep, CancellationToken.None));
        Assert.True(current[ContactChannel.Sms].Granted);
        var page = await owner.GetPageAsync(Details(tenant, keep));
        Assert.Contains("Dup call", page, StringComparison.Ordinal);
        Assert.Contains("Party", page, StringComparison.Ordinal);
        using (var redirect = await owner.GetAsync(Details(tenant, other)))
        {
            Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        }

        // Refused: into itself, an already merged record; nothing changes.
        var third = await factory.AddCustomerAsync(tenant, "Third", "Person");
        using (var self = await owner.PostFormAsync(Details(tenant, keep), new Dictionary<string, string> { ["keep"] = S(keep), ["other"] = S(keep) }, mergeUrl))
        {
            Assert.Equal(HttpStatusCode.OK, self.StatusCode);
            Assert.Contains("cannot be merged into itself", await self.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var again = await owner.PostFormAsync(Details(tenant, keep), new Dictionary<string, string> { ["keep"] = S(third), ["other"] = S(other) }, mergeUrl))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            Assert.Contains("already merged", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Null(await factory.InDbAsync(tenant, db => db.Customers.Where(c => c.Id == third).Select(c => c.MergedIntoId).SingleAsync()));
        Assert.Equal(keep, await factory.InDbAsync(tenant, db => db.Customers.Where(c => c.Id == other).Select(c => c.MergedIntoId).SingleAsync()));
    }

    [Fact]
    public async Task Gdpr_export_contains_the_data_and_erasure_anonymises_but_keeps_counts_and_needs_a_manager()
    {
        var tenant = await factory.CreateTenantAsync();
        var id = await factory.AddCustomerAsync(tenant, "Greta", "Gdpr", "greta@example.com", c =>
        {
            c.Phone = "+33600000001";
            c.Instagram = "@greta";
            c.Birthday = new DateOnly(1990, 5, 4);
            c.Notes = "Allergic to nuts";
        });
        var now = DateTimeOffset.UtcNow;
        await factory.InDbAsync(tenant, async db =>
        {
            var field = new CustomFieldDefinition { Key = "size", Label = "Shirt size" };
            db.Add(field);
            await db.SaveChangesAsync();
            db.CustomFieldValues.Add(new CustomFieldValue { CustomerId = id, FieldId = field.Id, Value = "M" });
            db.CustomerTags.Add(new CustomerTag { CustomerId = id, Tag = "regular" });
            db.ConsentRecords.Add(new ConsentRecord { CustomerId = id, Channel = ContactChannel.Email, Granted = true, Source = RecordSource.Portal, RecordedAt = now });
            db.Interactions.Add(new Interaction { CustomerId = id, Type = InteractionType.Email, Subject = "Order", Body = "Greta's secret address", OccurredAt = now, CreatedAt = now, UpdatedAt = now });
            db.Interactions.Add(new Interaction { CustomerId = id, Type = InteractionType.Note, Subject = "Visit", Body = "Came with her sister", OccurredAt = now, CreatedAt = now, UpdatedAt = now });
            return await db.SaveChangesAsync();
        });

        // A profile change recorded the old email in the audit trail.
        await factory.InDbAsync(tenant, async db =>
        {
            var c = await db.Customers.SingleAsync(c => c.Id == id);
            c.City = "Lyon";
            return await db.SaveChangesAsync();
        });

        using var owner = new BrowserClient(factory);
        await owner.SignInStaffAsync(tenant.Slug, tenant.OwnerEmail);
        using (var export = await owner.GetAsync($"{Details(tenant, id)}?handler=Export"))
        {
            Assert.Equal(HttpStatusCode.OK, export.StatusCode);
            Assert.Equal("application/json", export.Content.Headers.ContentType?.MediaType);
            Assert.Contains("attachment", export.Content.Headers.ContentDisposition?.DispositionType, StringComparison.Ordinal);
            using var json = JsonDocument.Parse(await export.Content.ReadAsStringAsync());
            var root = json.RootElement;
            Assert.Equal("greta@example.com", root.GetProperty("profile").GetProperty("email").GetString());
            Assert.Equal("M", root.GetProperty("customFields")[0].GetProperty("value").GetString());
            Assert.Equal("regular", root.GetProperty("tags")[0].GetString());
            Assert.Equal("granted", root.GetProperty("consents").GetProperty("current").GetProperty("Email").GetString());
            Assert.Equal(2, root.GetProperty("interactions").GetArrayLength());
            Assert.True(root.GetProperty("auditEntries").GetArrayLength() >= 2);
            Assert.Equal(0, root.GetProperty("opportunities").GetArrayLength());
        }

        // Agents may not erase.
        var agentEmail = $"agent@{tenant.Slug}.test";
        await factory.AddStaffAsync(tenant, agentEmail, "Agent");
        using var agent = new BrowserClient(factory);
        await agent.SignInStaffAsync(tenant.Slug, agentEmail);
        Assert.DoesNotContain("Erase personal data", await agent.GetPageAsync(Details(tenant, id)), StringComparison.Ordinal);
        using (var refused = await agent.PostFormAsync(Details(tenant, id), new Dictionary<string, string> { ["confirmName"] = "Greta Gdpr" }, Details(tenant, id) + "?handler=Erase"))
        {
            Assert.True(refused.StatusCode is HttpStatusCode.Forbidden || (refused.StatusCode == HttpStatusCode.Redirect && refused.Headers.Location!.OriginalString.Contains("accessdenied", StringComparison.Ordinal)));
        }

        // The name must be typed.
        using (var wrong = await owner.PostFormAsync(Details(tenant, id), new Dictionary<string, string> { ["confirmName"] = "Someone else" }, Details(tenant, id) + "?handler=Erase"))
        {
            Assert.Contains("to confirm", await owner.GetPageAsync(wrong.Headers.Location!.OriginalString), StringComparison.Ordinal);
        }

        Assert.Null(await factory.InDbAsync(tenant, db => db.Customers.Where(c => c.Id == id).Select(c => c.ErasedAt).SingleAsync()));

        using (var erase = await owner.PostFormAsync(Details(tenant, id), new Dictionary<string, string> { ["confirmName"] = "greta gdpr" }, Details(tenant, id) + "?handler=Erase"))
        {
            Assert.Equal(HttpStatusCode.Redirect, erase.StatusCode);
        }

        await factory.InDbAsync(tenant, async db =>
        {
            var c = await db.Customers.AsNoTracking().SingleAsync(c => c.Id == id);
            Assert.Equal("Erased", c.FirstName);
            Assert.Equal("", c.LastName);
            Assert.Null(c.Email);
            Assert.Null(c.Phone);
            Assert.Null(c.Instagram);
            Assert.Null(c.Birthday);
            Assert.Null(c.Notes);
            Assert.Null(c.City);
            Assert.NotNull(c.ErasedAt);
            Assert.Equal(0, await db.CustomFieldValues.CountAsync(v => v.CustomerId == id));
            Assert.Equal(0, await db.CustomerTags.CountAsync(t => t.CustomerId == id));
            Assert.Equal(2, await db.Interactions.CountAsync(i => i.CustomerId == id));
            Assert.Equal(0, await db.Interactions.CountAsync(i => i.CustomerId == id && i.Body != null));
            var withdrawn = await db.ConsentRecords.AsNoTracking().Where(r => r.CustomerId == id && !r.Granted).ToListAsync();
            Assert.Equal(4, withdrawn.Count);
            Assert.All(withdrawn, r => Assert.Equal((RecordSource.Staff, "erased on request"), (r.Source, r.Note)));
            Assert.Equal(1, await db.ConsentRecords.CountAsync(r => r.CustomerId == id && r.Granted)); // history kept
            var audit = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == "Customer" && a.EntityId == id).ToListAsync();
            Assert.Single(audit, a => a.Action == "Erased");
            Assert.DoesNotContain(audit, a => a.ChangesJson != null && (a.ChangesJson.Contains("greta", StringComparison.OrdinalIgnoreCase) || a.ChangesJson.Contains("Lyon", StringComparison.Ordinal)));
            return 0;
        });

        var page = await owner.GetPageAsync(Details(tenant, id));
        Assert.Contains("Erased on request", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"/customers/edit/{id}", page, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"interaction-form\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Greta", page, StringComparison.Ordinal);

        // Nothing can be logged any more.
        using var log = await owner.PostFormAsync(Details(tenant, id), new Dictionary<string, string> { ["Input.Type"] = "Call", ["Input.Direction"] = "Outbound", ["Input.Subject"] = "Hello" }, Details(tenant, id) + "?handler=Log");
        Assert.Equal(HttpStatusCode.Redirect, log.StatusCode); // back to the record, with the reason
        Assert.Contains("nothing can be logged", await owner.GetPageAsync(log.Headers.Location!.OriginalString), StringComparison.Ordinal);
        Assert.Equal(2, await factory.InDbAsync(tenant, db => db.Interactions.CountAsync(i => i.CustomerId == id)));
    }

    [Fact]
    public async Task An_erased_customer_cannot_be_edited_logged_on_merged_or_have_history_deleted()
    {
        var tenant = await factory.CreateTenantAsync();
        var id = await factory.AddCustomerAsync(tenant, "Ezra", "Erased", "ezra@example.com");
        var live = await factory.AddCustomerAsync(tenant, "Ezra", "Erased", "ezra.work@example.com");
        using var owner = new BrowserClient(factory);
        await owner.SignInStaffAsync(tenant.Slug, tenant.OwnerEmail);
        using (var log = await owner.PostFormAsync(Details(tenant, id), new Dictionary<string, string> { ["Input.Type"] = "Call", ["Input.Direction"] = "Outbound", ["Input.Subject"] = "Before" }, Details(tenant, id) + "?handler=Log"))
        {
            Assert.Equal(HttpStatusCode.Redirect, log.StatusCode);
        }

        var interactionId = await factory.InDbAsync(tenant, db => db.Interactions.Where(i => i.CustomerId == id).Select(i => i.Id).SingleAsync());
        var editUrl = $"/{tenant.Slug}/admin/customers/edit/{id}";
        var form = await owner.GetPageAsync(editUrl); // the token for the post below is taken while the record is still editable
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var stamp = System.Text.RegularExpressions.Regex.Match(form, "name=\"Input.ConcurrencyStamp\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(token);
        using (var erase = await owner.PostFormAsync(Details(tenant, id), new Dictionary<string, string> { ["confirmName"] = "Ezra Erased" }, Details(tenant, id) + "?handler=Erase"))
        {
            Assert.Equal(HttpStatusCode.Redirect, erase.StatusCode);
        }

        // The edit page sends the person back to the record with the reason, for GET and for a form posted from an old tab.
        using (var get = await owner.GetAsync(editUrl))
        {
            Assert.Equal(HttpStatusCode.Redirect, get.StatusCode);
            Assert.EndsWith($"/customers/details/{id}", get.Headers.Location!.OriginalString, StringComparison.Ordinal);
            Assert.Contains("personal data was erased; the record cannot be edited", await owner.GetPageAsync(get.Headers.Location!.OriginalString), StringComparison.Ordinal);
        }

        using (var request = new HttpRequestMessage(HttpMethod.Post, editUrl)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = System.Net.WebUtility.HtmlDecode(token),
                ["Input.ConcurrencyStamp"] = stamp,
                ["Input.FirstName"] = "Ezra",
                ["Input.LastName"] = "Back",
                ["Input.Email"] = "ezra@example.com",
                ["Input.Status"] = "Active",
            }),
        })
        using (var post = await owner.SendAsync(request))
        {
            Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
            Assert.EndsWith($"/customers/details/{id}", post.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        var erased = await factory.InDbAsync(tenant, db => db.Customers.AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.Equal(("Erased", "", (string?)null), (erased.FirstName, erased.LastName, erased.Email));

        // No interaction logged or deleted, and no merge either way.
        using (var log = await owner.PostFormAsync(Details(tenant, id), new Dictionary<string, string> { ["Input.Type"] = "Call", ["Input.Direction"] = "Outbound", ["Input.Subject"] = "After" }, Details(tenant, id) + "?handler=Log"))
        {
            Assert.Equal(HttpStatusCode.Redirect, log.StatusCode);
            Assert.Contains("erased on request; nothing can be logged", await owner.GetPageAsync(log.Headers.Location!.OriginalString), StringComparison.Ordinal);
        }

        using (var delete = await owner.PostFormAsync(Details(tenant, id), new Dictionary<string, string>(), Details(tenant, id) + $"?handler=DeleteInteraction&interactionId={S(interactionId)}"))
        {
            Assert.Contains("history is kept as it is", await owner.GetPageAsync(delete.Headers.Location!.OriginalString), StringComparison.Ordinal);
        }

        Assert.Equal(1, await factory.InDbAsync(tenant, db => db.Interactions.CountAsync(i => i.CustomerId == id)));
        var mergeUrl = $"/{tenant.Slug}/admin/customers/merge";
        foreach (var (keep, other) in new[] { (live, id), (id, live) })
        {
            var merge = await owner.PostFormAsync(Details(tenant, live), new Dictionary<string, string> { ["keep"] = S(keep), ["other"] = S(other) }, mergeUrl)
                .BodyAsync(HttpStatusCode.OK);
            Assert.Contains("An erased customer cannot be merged.", merge, StringComparison.Ordinal);
        }

        Assert.Equal(0, await factory.InDbAsync(tenant, db => db.Customers.CountAsync(c => c.MergedIntoId != null)));
    }

    [Fact]
    public async Task The_audit_trail_is_for_managers_with_filters_and_the_customer_history_tab()
    {
        var tenant = await factory.CreateTenantAsync();
        var id = await factory.AddCustomerAsync(tenant, "Ada", "Audit", "ada@example.com");
        await factory.InDbAsync(tenant, async db =>
        {
            var c = await db.Customers.SingleAsync(c => c.Id == id);
            c.City = "Nantes";
            return await db.SaveChangesAsync();
        });
        using var owner = new BrowserClient(factory);
        await owner.SignInStaffAsync(tenant.Slug, tenant.OwnerEmail);
        using (await owner.PostFormAsync(Details(tenant, id), new Dictionary<string, string> { ["Input.Type"] = "Call", ["Input.Direction"] = "Outbound", ["Input.Subject"] = "Audited call" }, Details(tenant, id) + "?handler=Log"))
        {
        }

        var details = await owner.GetPageAsync(Details(tenant, id));
        Assert.Contains("Nantes", details, StringComparison.Ordinal); // History tab: City (empty) → Nantes
        Assert.Contains("<span class=\"fw-semibold\">City</span>", details, StringComparison.Ordinal);

        var auditUrl = $"/{tenant.Slug}/admin/audit";
        var all = await owner.GetPageAsync(auditUrl);
        Assert.Contains($"Customer #{id}", all, StringComparison.Ordinal);
        Assert.Contains("Interaction #", all, StringComparison.Ordinal);
        var onlyInteractions = await owner.GetPageAsync(auditUrl + "?EntityType=Interaction");
        Assert.DoesNotContain($"Customer #{id}", onlyInteractions, StringComparison.Ordinal);
        Assert.Contains("Interaction #", onlyInteractions, StringComparison.Ordinal);
        var ownerId = await factory.UserIdAsync(tenant, tenant.OwnerEmail);
        var byOwner = await owner.GetPageAsync(auditUrl + "?UserId=" + ownerId);
        Assert.Contains("Interaction #", byOwner, StringComparison.Ordinal);
        Assert.DoesNotContain($"Customer #{id}", byOwner, StringComparison.Ordinal); // that change was made by the system
        var future = DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Contains("No changes recorded", await owner.GetPageAsync(auditUrl + "?From=" + future), StringComparison.Ordinal);

        var agentEmail = $"agent@{tenant.Slug}.test";
        await factory.AddStaffAsync(tenant, agentEmail, "Agent");
        using var agent = new BrowserClient(factory);
        await agent.SignInStaffAsync(tenant.Slug, agentEmail);
        using var refused = await agent.GetAsync(auditUrl);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("accessdenied", refused.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }
}
