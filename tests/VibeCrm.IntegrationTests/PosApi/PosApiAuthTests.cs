using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VibeCrm.Data.Identity;
using VibeCrm.IntegrationTests.Infrastructure;
using VibeCrm.Web.Features.PosApi;

namespace VibeCrm.IntegrationTests.PosApi;

/// <summary>API keys: who may create them, how they are stored, and what a missing, wrong, revoked or foreign key gets.</summary>
public sealed class PosApiAuthTests(PosApiFactory factory) : IClassFixture<PosApiFactory>
{
    [Fact]
    public async Task A_request_without_a_key_gets_a_401_problem()
    {
        var s = await factory.PosSetupAsync();
        using var anonymous = factory.ApiClient(null);
        using var response = await anonymous.GetAsync($"/{s.Tenant.Identifier}/api/v1/programs");
        await response.ProblemAsync(401, "missing-api-key");
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);

        using var withoutTenant = await anonymous.GetAsync("/api/v1/programs");
        await withoutTenant.ProblemAsync(401, "missing-api-key");
    }

    [Fact]
    public async Task An_unknown_or_malformed_key_gets_a_401_problem()
    {
        var s = await factory.PosSetupAsync();
        var forged = s.Key[..^4] + "aaaa";
        foreach (var key in new[] { forged, "not-a-key", s.Key + "x" })
        {
            using var client = factory.ApiClient(key);
            using var response = await client.GetAsync($"/{s.Tenant.Identifier}/api/v1/programs");
            await response.ProblemAsync(401, "invalid-api-key");
        }
    }

    [Fact]
    public async Task The_key_works_as_bearer_or_X_Api_Key_with_or_without_the_tenant_in_the_path_and_records_its_last_use()
    {
        var s = await factory.PosSetupAsync();
        using var bearer = await s.Client.GetAsync($"/{s.Tenant.Identifier}/api/v1/programs");
        Assert.Equal(HttpStatusCode.OK, bearer.StatusCode);
        var programs = await bearer.JsonAsync();
        Assert.Equal(s.ProgramId, programs[0].GetProperty("id").GetInt32());

        using var header = factory.ApiClient(null);
        header.DefaultRequestHeaders.Add("X-Api-Key", s.Key);
        using var fromKey = await header.GetAsync("/api/v1/programs");
        Assert.Equal(HttpStatusCode.OK, fromKey.StatusCode);
        Assert.Equal(s.ProgramId, (await fromKey.JsonAsync())[0].GetProperty("id").GetInt32());

        var lastUsed = await factory.DbAsync(s.Tenant, db => db.ApiKeys.Select(k => k.LastUsedAt).SingleAsync());
        Assert.NotNull(lastUsed);
    }

    [Fact]
    public async Task A_revoked_key_gets_a_401_problem()
    {
        var s = await factory.PosSetupAsync();
        var id = await factory.DbAsync(s.Tenant, db => db.ApiKeys.Select(k => k.Id).SingleAsync());
        var revoked = await factory.RunAsync(s.Tenant, sp => sp.GetRequiredService<ApiKeyService>().RevokeAsync(id, null, CancellationToken.None));
        Assert.True(revoked.Succeeded);
        using var response = await s.Client.GetAsync("/api/v1/programs");
        await response.ProblemAsync(401, "revoked-api-key");
    }

    [Fact]
    public async Task A_key_of_tenant_A_never_works_on_tenant_B()
    {
        var a = await factory.PosSetupAsync();
        var b = await factory.PosSetupAsync();
        using var onB = await a.Client.GetAsync($"/{b.Tenant.Identifier}/api/v1/members/{b.MembershipId}/balance");
        await onB.ProblemAsync(401, "invalid-api-key");
        using var postOnB = await a.Client.PostAsync($"/{b.Tenant.Identifier}/api/v1/purchases", PosHttp.Purchase(b, "cross-1", 10));
        await postOnB.ProblemAsync(401, "invalid-api-key");

        // B's key is stored in B's database only: presenting A's key with B's slug forged into it fails too
        var forged = a.Key.Replace($"vk_{a.Tenant.Identifier}_", $"vk_{b.Tenant.Identifier}_", StringComparison.Ordinal);
        using var forgedClient = factory.ApiClient(forged);
        using var forgedCall = await forgedClient.GetAsync("/api/v1/programs");
        await forgedCall.ProblemAsync(401, "invalid-api-key");
        Assert.Equal(0, await factory.DbAsync(b.Tenant, db => db.Purchases.CountAsync()));
    }

    [Fact]
    public async Task Keys_are_stored_as_a_sha256_hash_with_a_visible_prefix()
    {
        var s = await factory.PosSetupAsync();
        var row = await factory.DbAsync(s.Tenant, db => db.ApiKeys.SingleAsync());
        Assert.StartsWith(row.Prefix + "_", s.Key, StringComparison.Ordinal);
        Assert.StartsWith($"vk_{s.Tenant.Identifier}_", row.Prefix, StringComparison.Ordinal);
        Assert.Equal(ApiKeyService.Hash(s.Key), row.SecretHash);
        Assert.DoesNotContain(s.Key[(row.Prefix.Length + 1)..], row.SecretHash + row.Prefix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_owner_creates_a_key_shown_once_and_revokes_it_in_settings()
    {
        var tenant = await factory.CreateTenantAsync();
        using var owner = new BrowserClient(factory);
        await owner.SignInStaffAsync(tenant.Slug, tenant.OwnerEmail);
        var page = $"/{tenant.Slug}/admin/settings/apikeys";
        Assert.Contains("/api/v1/reference", await owner.GetPageAsync(page), StringComparison.Ordinal);

        using var empty = await owner.PostFormAsync(page, new Dictionary<string, string> { ["NewKey.Name"] = " " }, page + "?handler=Create");
        Assert.Contains("Give the key a name", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var created = await owner.PostFormAsync(page, new Dictionary<string, string> { ["NewKey.Name"] = "Front till" }, page + "?handler=Create");
        var html = await created.Content.ReadAsStringAsync();
        var key = System.Text.RegularExpressions.Regex.Match(html, "value=\"(vk_[a-z0-9_-]+)\"").Groups[1].Value;
        Assert.NotEmpty(key);
        Assert.Contains("no-store", created.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        Assert.DoesNotContain(key, await owner.GetPageAsync(page), StringComparison.Ordinal);

        using var api = factory.ApiClient(key);
        using (var ok = await api.GetAsync("/api/v1/programs"))
        {
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        var id = await factory.DbAsync(tenant.Info, db => db.ApiKeys.Select(k => k.Id).SingleAsync());
        using var revoke = await owner.PostFormAsync(page, new Dictionary<string, string> { ["id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, page + "?handler=Revoke");
        Assert.Equal(HttpStatusCode.Redirect, revoke.StatusCode);
        Assert.Contains("Revoked", await owner.GetPageAsync(page), StringComparison.Ordinal);
        using var refused = await api.GetAsync("/api/v1/programs");
        await refused.ProblemAsync(401, "revoked-api-key");
    }

    [Fact]
    public async Task An_agent_cannot_open_the_api_keys_settings()
    {
        var tenant = await factory.CreateTenantAsync();
        var email = $"agent@{tenant.Slug}.test";
        await factory.CreateStaffAsync(tenant.Info, email, Roles.Agent);
        using var agent = new BrowserClient(factory);
        await agent.SignInStaffAsync(tenant.Slug, email);
        using var response = await agent.GetAsync($"/{tenant.Slug}/admin/settings/apikeys");
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("accessdenied", response.Headers.Location?.OriginalString ?? "", StringComparison.OrdinalIgnoreCase);
    }
}

public sealed class PosApiRateLimitTests(RateLimitedPosApiFactory factory) : IClassFixture<RateLimitedPosApiFactory>
{
    [Fact]
    public async Task Each_key_has_its_own_budget_and_beyond_it_gets_429_with_Retry_After()
    {
        var s = await factory.PosSetupAsync();
        for (var i = 0; i < RateLimitedPosApiFactory.Permits; i++)
        {
            using var ok = await s.Client.GetAsync("/api/v1/programs");
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using var limited = await s.Client.GetAsync("/api/v1/programs");
        await limited.ProblemAsync(429, "rate-limited");
        Assert.True(limited.Headers.RetryAfter?.Delta?.TotalSeconds >= 1, "Retry-After in seconds");

        // another key of the same tenant is not affected
        using var other = factory.ApiClient(await factory.CreateKeyAsync(s.Tenant, "Till 2"));
        using var fresh = await other.GetAsync("/api/v1/programs");
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
    }
}
