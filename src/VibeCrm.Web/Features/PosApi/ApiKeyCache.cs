using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using VibeCrm.Data.Tenants;

namespace VibeCrm.Web.Features.PosApi;

/// <summary>What authentication needs of a stored key.</summary>
public sealed record ApiKeyCredential(int Id, string Name, string SecretHash, DateTimeOffset? RevokedAt, DateTimeOffset? LastUsedAt);

/// <summary>
/// The API keys the tills present, kept in memory per tenant: every call of the API is authenticated, and a till sends
/// the same key all day. A key revoked in this process is forgotten at once (<see cref="Evict"/>); one revoked by another
/// process is refused within <see cref="Lifetime"/>, as a suspended tenant is. Unknown keys are not remembered: each is
/// looked up (and rate-limited) again.
/// </summary>
public sealed class ApiKeyCache(IMemoryCache cache)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    // a new generation per revocation: a key read while it was being revoked is stored under the old one, unreachable
    private readonly ConcurrentDictionary<string, long> _generations = new(StringComparer.Ordinal);

    private static readonly Func<TenantDbContext, string, CancellationToken, Task<ApiKeyCredential?>> ByPrefix =
        EF.CompileAsyncQuery((TenantDbContext db, string prefix, CancellationToken ct) => db.ApiKeys.AsNoTracking()
            .Where(k => k.Prefix == prefix)
            .Select(k => new ApiKeyCredential(k.Id, k.Name, k.SecretHash, k.RevokedAt, k.LastUsedAt))
            .SingleOrDefault());

    /// <summary>The key with this prefix in the tenant's database, from memory when it was looked up lately.</summary>
    public async Task<ApiKeyCredential?> FindAsync(string tenantId, string prefix, TenantDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var key = Key(tenantId, prefix);
        if (cache.TryGetValue(key, out ApiKeyCredential? cached) && cached is not null)
        {
            return cached;
        }

        var found = await ByPrefix(db, prefix, ct);
        if (found is not null)
        {
            cache.Set(key, found, Lifetime);
        }

        return found;
    }

    /// <summary>Remembers when the key was last used, as written to its row.</summary>
    public void Used(string tenantId, string prefix, DateTimeOffset at)
    {
        var key = Key(tenantId, prefix);
        if (cache.TryGetValue(key, out ApiKeyCredential? cached) && cached is not null)
        {
            cache.Set(key, cached with { LastUsedAt = at }, Lifetime);
        }
    }

    /// <summary>Forgets the tenant's keys (one was revoked): their next calls are checked against the database.</summary>
    public void Evict(string tenantId) => _generations.AddOrUpdate(tenantId, 1, (_, generation) => generation + 1);

    private (string, string, long, string) Key(string tenantId, string prefix) =>
        (nameof(ApiKeyCache), tenantId, _generations.GetValueOrDefault(tenantId), prefix);
}
