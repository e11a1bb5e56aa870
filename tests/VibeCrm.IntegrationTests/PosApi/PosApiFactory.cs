using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using VibeCrm.Data.Identity;
using VibeCrm.IntegrationTests.Infrastructure;
using VibeCrm.IntegrationTests.Loyalty;
using VibeCrm.Tenancy;
using VibeCrm.Web.Features.PosApi;

namespace VibeCrm.IntegrationTests.PosApi;

/// <summary>The app with the loyalty engine, a test clock and a POS API rate limit high enough not to interfere.</summary>
public class PosApiFactory : LoyaltyFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["PosApi:PermitsPerMinute"] = PermitsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    protected virtual int PermitsPerMinute => 1_000_000;

    public async Task<string> CreateKeyAsync(TenantInfo tenant, string name = "Till 1")
    {
        var created = await RunAsync(tenant, sp => sp.GetRequiredService<ApiKeyService>().CreateAsync(name, null, CancellationToken.None));
        Assert.True(created.Result.Succeeded, created.Result.Error);
        return created.Key!;
    }

    /// <summary>A client that sends <paramref name="key"/> as a bearer token.</summary>
    public HttpClient ApiClient(string? key)
    {
        var client = CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return client;
    }

    /// <summary>A tenant with an active program, one member and an API client for it.</summary>
    public async Task<PosSetup> PosSetupAsync(Action<Data.Loyalty.LoyaltyProgram>? configure = null)
    {
        var setup = await SetupAsync(configure);
        var key = await CreateKeyAsync(setup.Tenant);
        return new PosSetup(setup, key, ApiClient(key));
    }

    public Task<string> CreateStaffAsync(TenantInfo tenant, string email, string role) =>
        InTenantAsync(tenant, async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser
            {
                Kind = AccountKind.Staff,
                UserName = AppUser.UserNameFor(AccountKind.Staff, email),
                Email = email,
                EmailConfirmed = true,
                FirstName = "Ada",
                LastName = role,
                CreatedAt = DateTimeOffset.UtcNow,
            };
            var created = await users.CreateAsync(user, Password);
            Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
            await users.AddToRoleAsync(user, role);
            return user.Id;
        });
}

public sealed class RateLimitedPosApiFactory : PosApiFactory
{
    public const int Permits = 3;

    protected override int PermitsPerMinute => Permits;
}

public sealed record PosSetup(LoyaltySetup Loyalty, string Key, HttpClient Client)
{
    public TenantInfo Tenant => Loyalty.Tenant;

    public int ProgramId => Loyalty.ProgramId;

    public int MembershipId => Loyalty.MembershipId;
}

public static class PosHttp
{
    public static StringContent Json(object body) => new(JsonSerializer.Serialize(body, PosJson.Options), Encoding.UTF8, "application/json");

    public static StringContent Raw(string json) => new(json, Encoding.UTF8, "application/json");

    public static async Task<HttpResponseMessage> PostAsync(this HttpClient client, string url, object body, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = body as HttpContent ?? Json(body) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add(IdempotencyFilter.Header, idempotencyKey);
        }

        return await client.SendAsync(request);
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text.Length == 0 ? "null" : text).RootElement.Clone();
    }

    /// <summary>Asserts a problem+json answer with the given status and type slug; returns it.</summary>
    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage response, int status, string typeSlug)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"expected {status} {typeSlug}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var json = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal(PosProblems.TypeBase + typeSlug, json.GetProperty("type").GetString());
        Assert.False(string.IsNullOrWhiteSpace(json.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(json.GetProperty("detail").GetString()));
        return json;
    }

    public static object Purchase(PosSetup s, string externalId, decimal total, params object[] lines) => new
    {
        programId = s.ProgramId,
        membershipId = s.MembershipId,
        externalId,
        total,
        currency = "EUR",
        paymentMethod = "card",
        storeCode = "main",
        lines = lines.Length > 0 ? lines : [new { sku = "LATTE", name = "Latte", category = "coffee", quantity = 1, unitPrice = total }],
    };
}
