using System.Diagnostics;
using System.Reflection;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VibeCrm.Data.Crm;
using VibeCrm.IntegrationTests.Infrastructure;
using VibeCrm.Web.Features.Imports;
using Xunit.Abstractions;

namespace VibeCrm.IntegrationTests.Imports;

public sealed class ImportTests(VibeCrmFactory factory, ITestOutputHelper output) : IClassFixture<VibeCrmFactory>
{
    [Theory]
    [InlineData("", "empty")]
    [InlineData("First name,Email\n", "no data rows")]
    [InlineData("First name,Last name,Email\nAnna,Smith,anna@example.com\nBob,bob@example.com\nCarl,Jones,carl@example.com,extra\n", "Rows 3, 4 do not have the same number of columns")]
    [InlineData("First name:Last name:Email\nAnna:Smith:anna@example.com\nBob:Lee:bob@example.com\n", "separate its columns with “:”")]
    public async Task Files_that_cannot_be_imported_are_refused_and_nothing_is_kept(string csv, string reason)
    {
        var tenant = await factory.CreateTenantAsync();
        var (result, id) = await factory.UploadAsync(tenant.Info, csv);
        Assert.False(result.Succeeded);
        Assert.Null(id);
        Assert.Contains(reason, result.Error, StringComparison.Ordinal);
        Assert.Equal(0, await factory.DbAsync(tenant.Info, db => db.ImportJobs.CountAsync()));
        var folder = Path.Combine(factory.DataFolder, "imports", tenant.Info.Id);
        Assert.True(!Directory.Exists(folder) || Directory.GetFiles(folder).Length == 0);
    }

    [Fact]
    public async Task The_preview_counts_the_whole_file_and_shows_the_first_rows_with_errors()
    {
        var tenant = await factory.CreateTenantAsync();
        await factory.AddCustomerAsync(tenant.Info, "Old", "Email", "anna@example.com", null);
        await factory.AddCustomerAsync(tenant.Info, "Old", "Phone", null, "+33611111111");
        var rows = new StringBuilder("Prénom,Nom,E-mail,Mobile\n");
        rows.Append("Anna,Smith,ANNA@example.com,\n");          // row 2: update by email
        rows.Append("Bob,Lee,bob@example.com,06 11 11 11 11\n"); // row 3: update by phone
        rows.Append("Carl,Jones,not-an-email,\n");              // row 4: invalid
        rows.Append("Dora,Diaz,anna@example.com,\n");           // row 5: duplicate of row 2
        for (var i = 0; i < 30; i++)
        {
            rows.Append($"New{i},Person,new{i}@example.com,\n"); // rows 6..35: create
        }

        var (_, id) = await factory.UploadAsync(tenant.Info, rows.ToString());
        var preview = await factory.InTenantAsync(tenant.Info, async sp =>
        {
            var imports = sp.GetRequiredService<ImportService>();
            var view = await imports.MappingAsync(id!.Value, CancellationToken.None);
            Assert.Equal(["first_name", "last_name", "email", "phone"], view!.Mapping.Targets);
            await imports.SaveMappingAsync(id.Value, view.Mapping.Targets, CancellationToken.None);
            return await imports.PreviewAsync(id.Value, CancellationToken.None);
        });

        Assert.NotNull(preview);
        Assert.Equal(20, preview.Rows.Count);
        Assert.Equal((32, 1, 1, 30, 2), (preview.Valid, preview.Invalid, preview.Duplicates, preview.WouldCreate, preview.WouldUpdate));
        var error = Assert.Single(preview.Errors, e => e.Field == "Email" && e.Row == 4);
        Assert.Contains("not a valid email", error.Reason, StringComparison.Ordinal);
        Assert.Contains(preview.Errors, e => e.Row == 5 && e.Reason.Contains("Same email as row 2", StringComparison.Ordinal));
        Assert.Equal("+33611111111", preview.Rows[1].Values[3]);
    }

    [Fact]
    public async Task Existing_customers_are_matched_by_email_then_phone_and_updated_not_duplicated()
    {
        var tenant = await factory.CreateTenantAsync();
        await factory.AddCustomerAsync(tenant.Info, "Anna", "Old", "anna@example.com", null, c => c.City = "Lyon");
        await factory.AddCustomerAsync(tenant.Info, "Bob", "Old", null, "+33611111111");
        await factory.AddCustomerAsync(tenant.Info, "Merged", "Away", "merged@example.com", null, c => c.MergedIntoId = 1);

        var job = await factory.ImportAsync(tenant.Info,
            "First name,Last name,Email,Phone,City,Tags\n" +
            "Anna,Smith,Anna@Example.com,,,VIP;Coffee\n" +
            "Bobby,Lee,bob@new.example.com,06 11 11 11 11,Paris,\n" +
            "Merged,Again,merged@example.com,,,\n");

        Assert.Equal(ImportStatus.Completed, job.Status);
        Assert.Equal((1, 2, 0, 0), (job.CreatedCount, job.UpdatedCount, job.SkippedCount, job.ErrorCount));
        var customers = await factory.CustomersAsync(tenant.Info);
        Assert.Equal(4, customers.Count);
        var anna = customers[0];
        Assert.Equal(("Anna", "Smith", "Lyon"), (anna.FirstName, anna.LastName, anna.City)); // empty cells do not erase
        Assert.Equal("anna smith", anna.SearchName);
        Assert.Equal(["coffee", "vip"], anna.Tags.Select(t => t.Tag).Order(StringComparer.Ordinal));
        var bob = customers[1];
        Assert.Equal(("Bobby", "bob@new.example.com", "Paris"), (bob.FirstName, bob.NormalizedEmail, bob.City));
        Assert.Equal("Again", customers[3].LastName); // the merged record is not a match: a new one is created
    }

    [Fact]
    public async Task Duplicates_inside_the_file_keep_the_first_row()
    {
        var tenant = await factory.CreateTenantAsync();
        var job = await factory.ImportAsync(tenant.Info,
            "Name,Email,Phone\nAnna Smith,anna@example.com,0611111111\nAnna Two,ANNA@example.com,\nBob Lee,,+33 6 11 11 11 11\nCarl,carl@example.com,\n");
        Assert.Equal(ImportStatus.Completed, job.Status);
        Assert.Equal((2, 2), (job.CreatedCount, job.SkippedCount));
        var customers = await factory.CustomersAsync(tenant.Info);
        Assert.Equal(["Anna", "Carl"], customers.Select(c => c.FirstName));
        Assert.Equal("Smith", customers[0].LastName);
    }

    [Fact]
    public async Task Without_valid_rows_only_one_bad_row_means_nothing_is_imported()
    {
        var tenant = await factory.CreateTenantAsync();
        var job = await factory.ImportAsync(tenant.Info, "Name,Email,Birthday\nAnna Smith,anna@example.com,01/02/1990\nBob Lee,bob@example.com,31/02/1990\n");
        Assert.Equal(ImportStatus.Failed, job.Status);
        Assert.Contains("nothing was imported", job.Message, StringComparison.Ordinal);
        Assert.Equal((0, 1), (job.CreatedCount, job.ErrorCount));
        Assert.Empty(await factory.CustomersAsync(tenant.Info));
        Assert.NotNull(job.ErrorFilePath);
    }

    [Fact]
    public async Task Valid_rows_only_imports_the_rest_and_the_error_file_lists_row_and_reason()
    {
        var tenant = await factory.CreateTenantAsync();
        await factory.DbAsync(tenant.Info, db =>
        {
            db.CustomFields.Add(new CustomFieldDefinition { Key = "visits", Label = "Visits", Type = CustomFieldType.Number });
            return db.SaveChangesAsync();
        });
        var job = await factory.ImportAsync(tenant.Info,
            "Name,Email,Visits\nAnna Smith,anna@example.com,3\n\"Bob, the builder\",bob@example,2\nCarl Jones,carl@example.com,many\nDora Diaz,dora@example.com,=1+1\n",
            validRowsOnly: true);
        Assert.Equal(ImportStatus.Completed, job.Status);
        Assert.Equal((1, 0, 3), (job.CreatedCount, job.SkippedCount, job.ErrorCount));
        var anna = Assert.Single(await factory.CustomersAsync(tenant.Info));
        Assert.Equal("3", Assert.Single(anna.CustomValues).Value);

        var bytes = await factory.InTenantAsync(tenant.Info, async sp =>
        {
            var file = await sp.GetRequiredService<ImportService>().OpenErrorFileAsync(job.Id, CancellationToken.None);
            await using var content = file!.Value.Content;
            using var copy = new MemoryStream();
            await content.CopyToAsync(copy);
            return copy.ToArray();
        });
        var rows = ImportTestKit.ReadCsv(bytes);
        Assert.Equal(["Row", "Field", "Reason", "Name", "Email", "Visits"], rows[0]);
        Assert.Equal(["3", "Email", "“bob@example” is not a valid email address.", "Bob, the builder", "bob@example", "2"], rows[1]);
        Assert.Equal(["4", "Visits", "“many” is not a number."], rows[2][..3]);
        Assert.Equal(["5", "Visits"], rows[3][..2]);
        Assert.Equal("'=1+1", rows[3][^1]); // original values are protected against formulas too
    }

    [Fact]
    public async Task A_retried_job_does_not_duplicate_anything()
    {
        var tenant = await factory.CreateTenantAsync();
        var csv = new StringBuilder("Email,First name\n");
        for (var i = 0; i < 2500; i++)
        {
            csv.Append($"p{i}@example.com,P{i}\n");
        }

        var job = await factory.ImportAsync(tenant.Info, csv.ToString(), validRowsOnly: true);
        Assert.Equal((2500, 2500), (job.CreatedCount, job.ProcessedRows));

        // Hangfire runs the same job again: a finished import does nothing.
        await factory.RunJobAsync(tenant.Info, job.Id);
        Assert.Equal(2500, await factory.DbAsync(tenant.Info, db => db.Customers.CountAsync()));

        // A worker died after committing the first batch: the retry resumes there, and rows written twice are upserts.
        await factory.DbAsync(tenant.Info, db => db.ImportJobs.Where(j => j.Id == job.Id).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.Status, ImportStatus.Running).SetProperty(j => j.ProcessedRows, 1000).SetProperty(j => j.CreatedCount, 1000)));
        await factory.RunJobAsync(tenant.Info, job.Id);
        var again = await factory.JobAsync(tenant.Info, job.Id);
        Assert.Equal((ImportStatus.Completed, 2500), (again.Status, again.ProcessedRows));
        Assert.Equal(2500, await factory.DbAsync(tenant.Info, db => db.Customers.CountAsync()));

        // The same for an all-or-nothing import that was interrupted: it starts over, still without duplicates.
        var atomic = await factory.ImportAsync(tenant.Info, csv.ToString());
        Assert.Equal((0, 2500), (atomic.CreatedCount, atomic.UpdatedCount));
        Assert.Equal(2500, await factory.DbAsync(tenant.Info, db => db.Customers.CountAsync()));
    }

    [Fact]
    public async Task Leads_are_imported_as_leads()
    {
        var tenant = await factory.CreateTenantAsync();
        var job = await factory.ImportAsync(tenant.Info, "Name,Email,Société,Source\nAnna Smith,anna@example.com,Acme,Referral\nBob Lee,bob@example.com,,\n", kind: ImportKind.Leads);
        Assert.Equal((ImportStatus.Completed, 2), (job.Status, job.CreatedCount));
        var leads = await factory.DbAsync(tenant.Info, db => db.Leads.OrderBy(l => l.Id).ToListAsync());
        Assert.Equal(("Acme", LeadSource.Referral, LeadStatus.New), (leads[0].Company, leads[0].Source, leads[0].Status));
        Assert.Equal(LeadSource.Import, leads[1].Source);
        Assert.Empty(await factory.CustomersAsync(tenant.Info));

        // Imported leads are scored like leads saved by hand (default rules: email 10, company 5, referral 15).
        Assert.Equal((30, 10), (leads[0].Score, leads[1].Score));
        await factory.ImportAsync(tenant.Info, "Email,Phone\nbob@example.com,+33612345678\n", kind: ImportKind.Leads);
        Assert.Equal(20, await factory.DbAsync(tenant.Info, db => db.Leads.Where(l => l.Id == leads[1].Id).Select(l => l.Score).SingleAsync()));
    }

    [Fact]
    public async Task Matching_a_batch_looks_emails_and_phones_up_through_their_indexes_not_the_whole_table()
    {
        var tenant = await factory.CreateTenantAsync();
        var plans = await factory.DbAsync(tenant.Info, async db =>
        {
            var result = new List<string>();
            foreach (var query in new[]
                     {
                         VibeCrm.Web.Features.Customers.CustomerMatcher.ByEmail(db, ["a@example.com", "b@example.com"]),
                         VibeCrm.Web.Features.Customers.CustomerMatcher.ByPhone(db, ["+33612345678", "+33687654321"]),
                     })
            {
                result.Add(string.Join(" | ", await ExplainAsync(db, query.ToQueryString())));
            }

            return result;
        });
        Assert.Contains("USING INDEX IX_Customers_NormalizedEmail", plans[0], StringComparison.Ordinal);
        Assert.Contains("USING INDEX IX_Customers_Phone", plans[1], StringComparison.Ordinal);
        Assert.All(plans, p => Assert.DoesNotContain("MergedIntoId", p, StringComparison.Ordinal));
        Assert.All(plans, p => Assert.DoesNotContain("SCAN c", p, StringComparison.Ordinal));
    }

    /// <summary>SQLite's plan for a query as EF writes it (ToQueryString: <c>.param set</c> lines, then the SQL).</summary>
    private static async Task<List<string>> ExplainAsync(VibeCrm.Data.Tenants.TenantDbContext db, string queryString)
    {
        var lines = queryString.Split('\n');
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + string.Join('\n', lines.Where(l => !l.StartsWith(".param", StringComparison.Ordinal)));
        foreach (var line in lines.Where(l => l.StartsWith(".param set ", StringComparison.Ordinal)))
        {
            var parts = line[".param set ".Length..].Split(' ', 2);
            var parameter = explain.CreateParameter();
            parameter.ParameterName = parts[0];
            parameter.Value = parts[1].Trim().Trim('\'');
            explain.Parameters.Add(parameter);
        }

        var plan = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            plan.Add(reader.GetString(3));
        }

        return plan;
    }

    [Fact]
    public async Task An_import_is_audited_once_with_its_counts_and_unchanged_rows_are_not_rewritten()
    {
        var tenant = await factory.CreateTenantAsync();
        const string csv = "First name,Email,Tags\nAda,ada@example.com,vip\nBen,ben@example.com,\nCy,cy@example.com,\n";
        var first = await factory.ImportAsync(tenant.Info, csv);
        Assert.Equal((ImportStatus.Completed, 3), (first.Status, first.CreatedCount));
        var stamps = await factory.DbAsync(tenant.Info, db => db.Customers.OrderBy(c => c.Id).Select(c => c.ConcurrencyStamp).ToListAsync());

        // The same file again: matched (counted as updated), but nothing to change, so the records are not touched.
        var again = await factory.ImportAsync(tenant.Info, csv);
        Assert.Equal((0, 3), (again.CreatedCount, again.UpdatedCount));
        Assert.Equal(stamps, await factory.DbAsync(tenant.Info, db => db.Customers.OrderBy(c => c.Id).Select(c => c.ConcurrencyStamp).ToListAsync()));

        // A changed row is written (new stamp), the others still not.
        await factory.ImportAsync(tenant.Info, "Email,City\nben@example.com,Lille\n");
        var after = await factory.DbAsync(tenant.Info, db => db.Customers.OrderBy(c => c.Id).Select(c => new { c.ConcurrencyStamp, c.City }).ToListAsync());
        Assert.Equal((stamps[0], "Lille", stamps[2]), (after[0].ConcurrencyStamp, after[1].City, after[2].ConcurrencyStamp));
        Assert.NotEqual(stamps[1], after[1].ConcurrencyStamp);

        // One summary entry per import, by the person who started it; no entry per row.
        var audit = await factory.DbAsync(tenant.Info, db => db.AuditEntries.AsNoTracking().OrderBy(a => a.Id).ToListAsync());
        Assert.DoesNotContain(audit, a => a.EntityType == "Customer");
        var imports = audit.Where(a => a.EntityType == ImportJobRunner.AuditType).ToList();
        Assert.Equal([first.Id, again.Id], imports.Take(2).Select(a => a.EntityId));
        Assert.Equal(3, imports.Count);
        Assert.All(imports, a => Assert.Equal(("Imported", first.CreatedByUserId), (a.Action, a.UserId)));
        Assert.Contains("\"Created\":3", imports[0].ChangesJson, StringComparison.Ordinal);
        Assert.Contains("\"Updated\":3", imports[1].ChangesJson, StringComparison.Ordinal);
        Assert.Contains("people.csv", imports[0].ChangesJson, StringComparison.Ordinal);

        // Managers find it in the audit trail.
        using var owner = new BrowserClient(factory);
        await owner.SignInStaffAsync(tenant.Slug, tenant.OwnerEmail);
        var trail = await owner.GetPageAsync($"/{tenant.Slug}/admin/audit?EntityType=Import");
        Assert.Contains($"Import #{first.Id}", trail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Five_thousand_rows_import_in_batches()
    {
        var tenant = await factory.CreateTenantAsync();
        var csv = Generate(5_000);
        var clock = Stopwatch.StartNew();
        var job = await factory.ImportAsync(tenant.Info, csv);
        output.WriteLine($"5,000 rows ({csv.Length / 1024} KB) uploaded, mapped and imported in {clock.Elapsed.TotalSeconds:F1} s");
        Assert.Equal((ImportStatus.Completed, 5_000, 5_000), (job.Status, job.CreatedCount, job.ProcessedRows));
        Assert.Equal(5_000, await factory.DbAsync(tenant.Info, db => db.Customers.CountAsync()));
        Assert.Equal(5_000, await factory.DbAsync(tenant.Info, db => db.CustomerTags.CountAsync(t => t.Tag == "imported")));
    }

    /// <summary>
    /// The import figures for docs/PERFORMANCE.md: run with <c>IMPORT_BENCH=1</c> (and <c>IMPORT_BENCH_ROWS</c>, default 100,000).
    /// Imports the rows into an empty tenant (creates), then the same file again (updates), and measures in the same run a raw
    /// baseline: the same customers and tags inserted by prepared ADO.NET commands, 1,000 rows per transaction, into another
    /// empty tenant database (no CSV parsing, no validation, no matching, no audit).
    /// </summary>
    [Fact]
    public async Task Bench_100k_rows_when_asked()
    {
        if (Environment.GetEnvironmentVariable("IMPORT_BENCH") != "1")
        {
            return;
        }

        var rows = int.TryParse(Environment.GetEnvironmentVariable("IMPORT_BENCH_ROWS"), out var n) ? n : 100_000;
        var csv = Generate(rows);
        var raw = await factory.CreateTenantAsync();
        var clock = Stopwatch.StartNew();
        await factory.DbAsync(raw.Info, db => RawInsertAsync(db, rows));
        var rawSeconds = clock.Elapsed.TotalSeconds;
        output.WriteLine($"raw batched insert, {rows:N0} rows: {rawSeconds:F2} s ({rows / rawSeconds:N0} rows/s)");

        var tenant = await factory.CreateTenantAsync();
        clock.Restart();
        var mapping = await factory.InTenantAsync(tenant.Info, async sp =>
        {
            var imports = sp.GetRequiredService<ImportService>();
            var (_, probe) = await factory.UploadAsync(tenant.Info, string.Join('\n', csv.Split('\n').Take(3)));
            return (await imports.MappingAsync(probe!.Value, CancellationToken.None))!.Mapping;
        });
        var parser = ImportAnalysis.Parser(ImportKind.Customers, mapping, [], "FR");
        var parsed = 0;
        await foreach (var row in ImportAnalysis.AnalyzeAsync(new StringReader(csv), ';', parser, CancellationToken.None))
        {
            parsed += row.Outcome == RowOutcome.Valid ? 1 : 0;
        }

        output.WriteLine($"one pass of reading, parsing and validating ({parsed:N0} valid rows): {clock.Elapsed.TotalSeconds:F2} s");
        foreach (var pass in new[] { "create", "update" })
        {
            clock.Restart();
            var (uploaded, id) = await factory.UploadAsync(tenant.Info, csv);
            Assert.True(uploaded.Succeeded, uploaded.Error);
            var upload = clock.Elapsed.TotalSeconds;
            await factory.MapAndStartAsync(tenant.Info, id!.Value, validRowsOnly: false);
            var map = clock.Elapsed.TotalSeconds - upload;
            await factory.RunJobAsync(tenant.Info, id.Value);
            var seconds = clock.Elapsed.TotalSeconds;
            var job = await factory.JobAsync(tenant.Info, id.Value);
            output.WriteLine($"import ({pass}), {rows:N0} rows ({csv.Length / 1024 / 1024} MB): {seconds:F2} s ({rows / seconds:N0} rows/s, {seconds / rawSeconds:F1}x raw)"
                + $" = upload {upload:F2} s + map and start {map:F2} s + job {seconds - upload - map:F2} s; created {job.CreatedCount}, updated {job.UpdatedCount}");
            Assert.Equal(ImportStatus.Completed, job.Status);
        }

        output.WriteLine($"audit entries: {await factory.DbAsync(tenant.Info, db => db.AuditEntries.CountAsync())}");
    }

    /// <summary>The baseline: the rows <see cref="Generate"/> describes, already parsed, written with prepared commands in batches of 1,000.</summary>
    private static async Task<int> RawInsertAsync(VibeCrm.Data.Tenants.TenantDbContext db, int rows)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var now = DateTimeOffset.UtcNow;
        for (var start = 0; start < rows; start += 1000)
        {
            await using var transaction = await connection.BeginTransactionAsync();
            await using var customer = connection.CreateCommand();
            customer.Transaction = transaction;
            customer.CommandText = """
                INSERT INTO Customers (FirstName, LastName, SearchName, SearchLastName, Email, NormalizedEmail, Phone, Birthday, City, Status, CreatedAt, UpdatedAt, ConcurrencyStamp)
                VALUES ($first, 'Sample', $search, $searchLast, $email, $email, $phone, $birthday, 'Lyon', 'Active', $now, $now, $stamp) RETURNING Id
                """;
            var p = new[] { "$first", "$search", "$searchLast", "$email", "$phone", "$birthday", "$now", "$stamp" }.Select(name =>
            {
                var parameter = customer.CreateParameter();
                parameter.ParameterName = name;
                customer.Parameters.Add(parameter);
                return parameter;
            }).ToArray();
            await using var tag = connection.CreateCommand();
            tag.Transaction = transaction;
            tag.CommandText = "INSERT INTO CustomerTags (CustomerId, Tag) VALUES ($id, $tag)";
            var tagId = tag.CreateParameter();
            tagId.ParameterName = "$id";
            var tagName = tag.CreateParameter();
            tagName.ParameterName = "$tag";
            tag.Parameters.Add(tagId);
            tag.Parameters.Add(tagName);
            for (var i = start; i < Math.Min(rows, start + 1000); i++)
            {
                p[0].Value = $"Person{i}";
                p[1].Value = $"person{i} sample";
                p[2].Value = $"sample person{i}";
                p[3].Value = $"person{i}@example.com";
                p[4].Value = "+336" + (10_000_000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture);
                p[5].Value = new DateOnly(1985, 1 + (i % 9), 1 + (i % 28)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
                p[6].Value = now.UtcTicks;
                p[7].Value = Guid.NewGuid().ToString("N");
                tagId.Value = await customer.ExecuteScalarAsync();
                foreach (var t in (string[])["imported", "csv"])
                {
                    tagName.Value = t;
                    await tag.ExecuteNonQueryAsync();
                }
            }

            await transaction.CommitAsync();
        }

        return rows;
    }

    [Fact]
    public async Task A_50_MB_file_is_accepted()
    {
        var limit = typeof(VibeCrm.Web.Areas.Merchant.Pages.Customers.Import.IndexModel);
        Assert.True(limit.GetCustomAttribute<RequestSizeLimitAttribute>() is not null);
        Assert.True(limit.GetCustomAttribute<RequestFormLimitsAttribute>()!.MultipartBodyLengthLimit >= ImportService.MaxFileBytes);
        Assert.True(VibeCrm.Web.Areas.Merchant.Pages.Customers.Import.IndexModel.UploadLimit > 50L * 1024 * 1024);

        // And through the page: a multipart POST of just under 50 MB reaches the mapping step.
        var tenant = await factory.CreateTenantAsync();
        using var browser = new BrowserClient(factory);
        await browser.SignInStaffAsync(tenant.Slug, tenant.OwnerEmail);
        var csv = new StringBuilder("Email,First name,Notes\n", 50 * 1024 * 1024);
        var note = new string('n', 400);
        for (var i = 0; csv.Length < ImportService.MaxFileBytes - 1000; i++)
        {
            csv.Append('p').Append(i).Append("@example.com,P,").Append(note).Append('\n');
        }

        using var response = await ImportPages.UploadAsync(browser, tenant.Slug, Encoding.UTF8.GetBytes(csv.ToString()), "big.csv");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/customers/import/map", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_files_are_stored_and_read_per_tenant()
    {
        var a = await factory.CreateTenantAsync();
        var b = await factory.CreateTenantAsync();
        var (_, idB) = await factory.UploadAsync(b.Info, "Email\nsecret-b@example.com\n");
        var (_, idA) = await factory.UploadAsync(a.Info, "Email\nmine-a@example.com\n");
        var storedB = await factory.DbAsync(b.Info, db => db.ImportJobs.Where(j => j.Id == idB).Select(j => j.StoredPath).SingleAsync());
        Assert.True(File.Exists(Path.Combine(factory.DataFolder, "imports", b.Info.Id, storedB)));

        // Tenant A's storage resolves names inside A's folder only: B's file name finds nothing there, and escapes are refused.
        await factory.InTenantAsync(a.Info, sp =>
        {
            var storage = sp.GetRequiredService<ImportStorage>();
            Assert.False(storage.Exists(storedB));
            Assert.StartsWith(Path.Combine(factory.DataFolder, "imports", a.Info.Id), storage.PathOf(storedB), StringComparison.Ordinal);
            Assert.Throws<InvalidOperationException>(() => storage.PathOf(Path.Combine("..", b.Info.Id, storedB)));
            return Task.FromResult(0);
        });

        // Both imports have id 1 in their own database: A's job runs A's import on A's file only.
        Assert.Equal(idA, idB);
        await factory.MapAndStartAsync(a.Info, idA!.Value, validRowsOnly: false);
        await factory.RunJobAsync(a.Info, idA.Value);
        Assert.Equal(["mine-a@example.com"], (await factory.CustomersAsync(a.Info)).Select(c => c.Email));
        Assert.Empty(await factory.CustomersAsync(b.Info));
        Assert.Equal(ImportStatus.Uploaded, (await factory.JobAsync(b.Info, idB!.Value)).Status);
    }

    private static string Generate(int rows)
    {
        var csv = new StringBuilder("First name;Last name;Email;Phone;City;Tags;Birthday\n", rows * 90);
        for (var i = 0; i < rows; i++)
        {
            csv.Append("Person").Append(i).Append(";Sample;person").Append(i).Append("@example.com;+336")
                .Append((10_000_000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(";Lyon;imported|csv;")
                .Append(1 + (i % 28)).Append("/0").Append(1 + (i % 9)).Append("/1985\n");
        }

        return csv.ToString();
    }
}
