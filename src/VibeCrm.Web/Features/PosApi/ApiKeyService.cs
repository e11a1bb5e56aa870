using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using VibeCrm.Data.PosApi;
using VibeCrm.Data.Tenants;
using VibeCrm.Tenancy;

namespace VibeCrm.Web.Features.PosApi;

public sealed record ApiKeyRow(int Id, string Name, string Prefix, DateTimeOffset CreatedAt, string? CreatedBy, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt);

/// <param name="Key">The whole key: shown once, never stored.</param>
public sealed record CreatedApiKey(CommandResult Result, int? Id = null, string? Key = null);

/// <summary>The parts of a presented key: <c>vk_{tenant}_{id}_{secret}</c>.</summary>
public sealed record ApiKeyParts(string Tenant, string Prefix, string Secret)
{
    /// <summary>Parses a key without touching any database; null when it does not have the shape of one.</summary>
    public static ApiKeyParts? Parse(string? key)
    {
        if (string.IsNullOrWhiteSpace(key) || key.Length > 200 || !key.StartsWith(ApiKeyService.Scheme, StringComparison.Ordinal))
        {
            return null;
        }

        var parts = key[ApiKeyService.Scheme.Length..].Split('_');
        if (parts is not [var tenant, var id, var secret] || tenant.Length == 0
            || id.Length != ApiKeyService.IdLength || secret.Length != ApiKeyService.SecretLength)
        {
            return null;
        }

        return new ApiKeyParts(tenant, $"{ApiKeyService.Scheme}{tenant}_{id}", secret);
    }
}

/// <summary>
/// Per-tenant API keys for the till: <c>vk_{tenant}_{8 random chars}_{32 random chars}</c> (base32, 200 random bits).
/// The visible prefix (<c>vk_{tenant}_{id}</c>) finds the row; the SHA-256 of the whole key is compared in constant time.
/// The tenant inside the key lets <c>/api/v1/...</c> work without the tenant in the path.
/// </summary>
public sealed class ApiKeyService(TenantDbContext db, ITenantContextAccessor tenants, TimeProvider clock, ApiKeyCache cache)
{
    public const string Scheme = "vk_";
    public const int IdLength = 8;
    public const int SecretLength = 32;
    public const int MaxNameLength = 100;

    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    public async Task<IReadOnlyList<ApiKeyRow>> ListAsync(CancellationToken ct) =>
        await (
            from k in db.ApiKeys.AsNoTracking()
            join u in db.Users on k.CreatedByUserId equals u.Id into users
            from u in users.DefaultIfEmpty()
            orderby k.RevokedAt == null descending, k.Id descending
            select new ApiKeyRow(k.Id, k.Name, k.Prefix, k.CreatedAt, u == null ? null : (u.FirstName + " " + u.LastName).Trim(), k.LastUsedAt, k.RevokedAt))
            .ToListAsync(ct);

    public async Task<CreatedApiKey> CreateAsync(string? name, string? userId, CancellationToken ct)
    {
        var trimmed = name?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return new CreatedApiKey(CommandResult.Fail("Give the key a name, for example the till or store it is for."));
        }

        if (trimmed.Length > MaxNameLength)
        {
            return new CreatedApiKey(CommandResult.Fail($"The name can be at most {MaxNameLength} characters."));
        }

        var tenant = tenants.RequireTenant();
        var prefix = $"{Scheme}{tenant.Identifier}_{RandomNumberGenerator.GetString(Alphabet, IdLength)}";
        var key = $"{prefix}_{RandomNumberGenerator.GetString(Alphabet, SecretLength)}";
        var row = new ApiKey { Name = trimmed, Prefix = prefix, SecretHash = Hash(key), CreatedAt = clock.GetUtcNow(), CreatedByUserId = userId };
        db.ApiKeys.Add(row);
        await db.SaveChangesAsync(ct);
        return new CreatedApiKey(CommandResult.Ok, row.Id, key);
    }

    public async Task<CommandResult> RevokeAsync(int id, string? userId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var updated = await db.ApiKeys.Where(k => k.Id == id && k.RevokedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(k => k.RevokedAt, now).SetProperty(k => k.RevokedByUserId, userId), ct);
        if (updated == 1)
        {
            cache.Evict(tenants.RequireTenant().Id);
        }

        return updated == 1 ? CommandResult.Ok : CommandResult.Fail("This key does not exist or is already revoked.");
    }

    /// <summary>Lower-case hex SHA-256 of the key.</summary>
    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static bool HashMatches(string key, string storedHash)
    {
        var presented = Encoding.ASCII.GetBytes(Hash(key));
        var stored = Encoding.ASCII.GetBytes(storedHash);
        return CryptographicOperations.FixedTimeEquals(presented, stored);
    }
}
