using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Caching.Memory;
using VibeCrm.Data;
using VibeCrm.Data.Loyalty;

namespace VibeCrm.Web.Features.Loyalty;

/// <summary>
/// The programs as the ledger reads them (earn rules, tiers, benefits), kept in memory per tenant database: every
/// purchase needs them, staff change them rarely. Any save of a program, earn rule, tier or benefit in this process
/// empties the tenant's entries at once (<see cref="LoyaltyRulesInterceptor"/>); a change saved by another process is
/// seen within <see cref="Lifetime"/>, as with the tenant cache. The cached graphs are shared: read them, never change them.
/// </summary>
public sealed class LoyaltyProgramCache(IMemoryCache cache)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    // a new generation per change: an entry loaded while a change was being saved is stored under the old one, unreachable
    private readonly ConcurrentDictionary<string, long> _generations = new(StringComparer.Ordinal);

    public async Task<LoyaltyProgram> GetAsync(string database, int programId, Func<Task<LoyaltyProgram>> load)
    {
        ArgumentNullException.ThrowIfNull(load);
        var key = (database, _generations.GetValueOrDefault(database), programId);
        if (cache.TryGetValue(key, out LoyaltyProgram? program) && program is not null)
        {
            return program;
        }

        program = await load();
        cache.Set(key, program, Lifetime);
        return program;
    }

    public void Evict(string database) => _generations.AddOrUpdate(database, 1, (_, generation) => generation + 1);
}

/// <summary>Empties the <see cref="LoyaltyProgramCache"/> of a tenant when its programs, earn rules, tiers or benefits are saved.</summary>
public sealed class LoyaltyRulesInterceptor(LoyaltyProgramCache programs) : SaveChangesInterceptor, ITenantDbInterceptor
{
    private bool _rulesChanged;

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        BeforeSave(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        BeforeSave(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        AfterSave(eventData.Context);
        return base.SavedChangesAsync(eventData, result, cancellationToken);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        AfterSave(eventData.Context);
        return base.SavedChanges(eventData, result);
    }

    private void BeforeSave(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        // or-ed: the audit trail's own save runs inside this one's SavedChanges
        _rulesChanged |= context.ChangeTracker.Entries().Any(e =>
            e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
            && e.Entity is LoyaltyProgram or EarnRule or Tier or TierBenefit);
        Evict(context);
    }

    // again once saved: a purchase may have read the old rules between the first eviction and the save
    private void AfterSave(DbContext? context)
    {
        Evict(context);
        _rulesChanged = false;
    }

    private void Evict(DbContext? context)
    {
        if (_rulesChanged && context?.Database.GetConnectionString() is { } database)
        {
            programs.Evict(database);
        }
    }
}
