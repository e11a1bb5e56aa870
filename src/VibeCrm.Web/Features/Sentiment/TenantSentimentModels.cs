using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using VibeCrm.Data.Tenants;
using VibeCrm.Sentiment;

namespace VibeCrm.Web.Features.Sentiment;

/// <summary>A model ready to score, with the name staff see ("base", "v3").</summary>
public sealed record ActiveSentimentModel(string Name, int? VersionId, SentimentModel Model);

/// <summary>
/// The model each tenant scores with, cached in memory per tenant (singleton). Every lookup asks the tenant database
/// which version is active (one indexed read of an id) and loads the stored zip only when that id changed, so a model
/// accepted on one instance is picked up by every instance on its next call.
/// </summary>
public sealed class TenantSentimentModels(BaseSentimentModel baseModel)
{
    private readonly ConcurrentDictionary<string, ActiveSentimentModel> _byTenant = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _loading = new(StringComparer.Ordinal);

    public ActiveSentimentModel Base => new(BaseSentimentModel.Name, null, baseModel.Model);

    /// <summary>The active model of the tenant whose database <paramref name="db"/> is.</summary>
    public async Task<ActiveSentimentModel> GetAsync(string tenantId, TenantDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var active = await db.SentimentModelVersions.AsNoTracking()
            .Where(v => v.IsActive)
            .Select(v => new { v.Id, v.Version })
            .FirstOrDefaultAsync(cancellationToken);
        if (active is null)
        {
            _byTenant.TryRemove(tenantId, out _);
            return Base;
        }

        if (_byTenant.TryGetValue(tenantId, out var cached) && cached.VersionId == active.Id)
        {
            return cached;
        }

        var gate = _loading.GetOrAdd(tenantId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (_byTenant.TryGetValue(tenantId, out cached) && cached.VersionId == active.Id)
            {
                return cached;
            }

            var zip = await db.SentimentModelVersions.AsNoTracking()
                .Where(v => v.Id == active.Id)
                .Select(v => v.ModelZip)
                .FirstOrDefaultAsync(cancellationToken);
            if (zip is null)
            {
                return Base; // an active row without a model cannot happen through the retrainer; score with the base model
            }

            using var stream = new MemoryStream(zip, writable: false);
            var loaded = new ActiveSentimentModel(VersionName(active.Version), active.Id, SentimentModel.Load(stream));

            // The replaced model is not disposed here: a request may still be scoring with it. It holds managed memory
            // only and is collected once no one refers to it.
            _byTenant[tenantId] = loaded;
            return loaded;
        }
        finally
        {
            gate.Release();
        }
    }

    public static string VersionName(int version) => "v" + version.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
