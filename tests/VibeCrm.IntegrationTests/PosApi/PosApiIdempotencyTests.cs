using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VibeCrm.Data.Loyalty;
using VibeCrm.Data.PosApi;
using VibeCrm.Web.Features.PosApi;

namespace VibeCrm.IntegrationTests.PosApi;

/// <summary>Stripe's semantics for Idempotency-Key on every POST, including under 1,000 concurrent retries.</summary>
public sealed class PosApiIdempotencyTests(PosApiFactory factory) : IClassFixture<PosApiFactory>
{
    [Fact]
    public async Task The_same_key_and_body_replays_the_first_response_with_the_replayed_header()
    {
        var s = await factory.PosSetupAsync();
        var body = PosHttp.Purchase(s, "I-1", 25m);
        using var first = await s.Client.PostAsync("/api/v1/purchases", body, "key-1");
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.False(first.Headers.Contains(IdempotencyFilter.ReplayedHeader));
        var firstBody = await first.Content.ReadAsStringAsync();

        // the tenant-prefixed URL is the same request
        using var replay = await s.Client.PostAsync($"/{s.Tenant.Identifier}/api/v1/purchases", body, "key-1");
        Assert.Equal(HttpStatusCode.Created, replay.StatusCode);
        Assert.Equal("true", replay.Headers.GetValues(IdempotencyFilter.ReplayedHeader).Single());
        Assert.Equal(firstBody, await replay.Content.ReadAsStringAsync());
        Assert.Equal("application/json", replay.Content.Headers.ContentType?.MediaType);
        Assert.Equal(1, await factory.DbAsync(s.Tenant, db => db.Purchases.CountAsync()));
    }

    [Fact]
    public async Task The_same_key_with_a_different_body_or_path_gets_422()
    {
        var s = await factory.PosSetupAsync();
        using var first = await s.Client.PostAsync("/api/v1/purchases", PosHttp.Purchase(s, "I-2", 25m), "key-2");
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        using var other = await s.Client.PostAsync("/api/v1/purchases", PosHttp.Purchase(s, "I-2", 26m), "key-2");
        await other.ProblemAsync(422, "idempotency-key-reused");
        using var otherPath = await s.Client.PostAsync("/api/v1/customers", new { email = "k@example.com" }, "key-2");
        await otherPath.ProblemAsync(422, "idempotency-key-reused");
        Assert.Equal(25m, await factory.DbAsync(s.Tenant, db => db.Purchases.Select(p => p.Total).SingleAsync()));
    }

    [Fact]
    public async Task A_retry_while_the_first_request_runs_gets_409_and_a_stale_claim_is_taken_over()
    {
        var s = await factory.PosSetupAsync();
        var body = PosHttp.Purchase(s, "I-3", 25m);
        var bytes = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(body, PosJson.Options));

        // the first request has claimed the key and is still running
        await factory.DbAsync(s.Tenant, async db =>
        {
            var keyId = await db.ApiKeys.Select(k => k.Id).SingleAsync();
            db.IdempotencyRecords.Add(new IdempotencyRecord { ApiKeyId = keyId, Key = "key-3", RequestHash = IdempotencyFilter.RequestHash("POST", "/purchases", bytes), CreatedAt = factory.Clock.Now });
            return await db.SaveChangesAsync();
        });
        using var running = await s.Client.PostAsync("/api/v1/purchases", PosHttp.Raw(Encoding.UTF8.GetString(bytes)), "key-3");
        await running.ProblemAsync(409, "idempotency-in-progress");
        Assert.NotNull(running.Headers.RetryAfter);
        Assert.Equal(0, await factory.DbAsync(s.Tenant, db => db.Purchases.CountAsync()));

        // it never finished (the process died): after the lock timeout a retry runs it, once
        factory.Clock.Advance(TimeSpan.FromMinutes(3));
        using var retried = await s.Client.PostAsync("/api/v1/purchases", PosHttp.Raw(Encoding.UTF8.GetString(bytes)), "key-3");
        Assert.Equal(HttpStatusCode.Created, retried.StatusCode);
        using var replayed = await s.Client.PostAsync("/api/v1/purchases", PosHttp.Raw(Encoding.UTF8.GetString(bytes)), "key-3");
        Assert.Equal("true", replayed.Headers.GetValues(IdempotencyFilter.ReplayedHeader).Single());
        Assert.Equal(1, await factory.DbAsync(s.Tenant, db => db.Purchases.CountAsync()));
    }

    [Fact]
    public async Task A_400_is_not_kept_so_the_corrected_request_runs_under_the_same_key_and_errors_are_replayed()
    {
        var s = await factory.PosSetupAsync();
        using var malformed = await s.Client.PostAsync("/api/v1/purchases", PosHttp.Raw("{oops"), "key-4");
        await malformed.ProblemAsync(400, "malformed-json");
        using var invalid = await s.Client.PostAsync("/api/v1/purchases", new { membershipId = s.MembershipId }, "key-4");
        await invalid.ProblemAsync(400, "validation");
        using var fixedRequest = await s.Client.PostAsync("/api/v1/purchases", PosHttp.Purchase(s, "I-4", 10m), "key-4");
        Assert.Equal(HttpStatusCode.Created, fixedRequest.StatusCode);

        // a 404 is an answer: it is replayed
        using var unknown = await s.Client.PostAsync("/api/v1/reward-codes/ZZZZZZZZZZ/consume", new { }, "key-5");
        await unknown.ProblemAsync(404, "unknown-code");
        using var unknownAgain = await s.Client.PostAsync("/api/v1/reward-codes/ZZZZZZZZZZ/consume", new { }, "key-5");
        await unknownAgain.ProblemAsync(404, "unknown-code");
        Assert.Equal("true", unknownAgain.Headers.GetValues(IdempotencyFilter.ReplayedHeader).Single());
    }

    [Fact]
    public async Task Keys_are_scoped_per_api_key()
    {
        var s = await factory.PosSetupAsync();
        using var other = factory.ApiClient(await factory.CreateKeyAsync(s.Tenant, "Till 2"));
        using var first = await s.Client.PostAsync("/api/v1/purchases", PosHttp.Purchase(s, "I-6", 10m), "shared");
        using var second = await other.PostAsync("/api/v1/purchases", PosHttp.Purchase(s, "I-7", 10m), "shared");
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.False(second.Headers.Contains(IdempotencyFilter.ReplayedHeader));
    }

    [Fact]
    public async Task The_purge_job_forgets_keys_older_than_24_hours()
    {
        var s = await factory.PosSetupAsync();
        using (await s.Client.PostAsync("/api/v1/purchases", PosHttp.Purchase(s, "I-8", 10m), "old"))
        {
        }

        factory.Clock.Advance(TimeSpan.FromHours(25));
        using (await s.Client.PostAsync("/api/v1/purchases", PosHttp.Purchase(s, "I-9", 10m), "new"))
        {
        }

        await factory.RunAsync(s.Tenant, async sp =>
        {
            await sp.GetRequiredService<IdempotencyPurgeJob>().RunAsync(CancellationToken.None);
            return 0;
        });
        Assert.Equal(["new"], await factory.DbAsync(s.Tenant, db => db.IdempotencyRecords.Select(r => r.Key).ToListAsync()));
    }

    [Fact]
    public async Task A_thousand_concurrent_replays_of_one_key_make_exactly_one_purchase_and_one_ledger_entry()
    {
        var s = await factory.PosSetupAsync();
        var body = JsonSerializer.Serialize(PosHttp.Purchase(s, "I-1000", 42m), PosJson.Options);
        using var gate = new SemaphoreSlim(0);
        var calls = Enumerable.Range(0, 1000).Select(async _ =>
        {
            await gate.WaitAsync();
            using var response = await s.Client.PostAsync("/api/v1/purchases", PosHttp.Raw(body), "flaky-till");
            return ((int)response.StatusCode, response.Headers.Contains(IdempotencyFilter.ReplayedHeader), await response.Content.ReadAsStringAsync());
        }).ToList();
        gate.Release(1000);
        var results = await Task.WhenAll(calls);

        Assert.All(results, r => Assert.True(r.Item1 is 201 or 409, $"{r.Item1}: {r.Item3}"));
        var originals = results.Where(r => r.Item1 == 201 && !r.Item2).ToList();
        Assert.Single(originals);
        Assert.All(results.Where(r => r.Item1 == 201), r => Assert.Equal(originals[0].Item3, r.Item3));
        Assert.Equal(1, await factory.DbAsync(s.Tenant, db => db.Purchases.CountAsync()));
        Assert.Equal(1, await factory.DbAsync(s.Tenant, db => db.LedgerEntries.CountAsync(e => e.Type == LedgerEntryType.Earn)));
        Assert.Equal(42, (await factory.BalanceAsync(s.Loyalty)).ActivePoints);
    }
}
