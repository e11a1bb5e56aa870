using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace VibeCrm.Data;

/// <summary>Who is acting: the signed-in staff member, or the system (jobs, imports, the POS).</summary>
public interface IAuditActor
{
    string? UserId { get; }

    string? UserName { get; }
}

/// <summary>
/// Writes an <see cref="AuditEntry"/> for every create, update and delete of an <see cref="IAudited"/> entity.
/// Updates and deletes are recorded in the same SaveChanges; creates right after it (their id is known only then).
/// Bulk writers (imports) <see cref="Suspend"/> it and record one summary entry instead.
/// </summary>
public sealed class AuditInterceptor(IAuditActor actor, TimeProvider clock) : SaveChangesInterceptor
{
    private static readonly string[] Ignored = ["ConcurrencyStamp", "UpdatedAt", "SearchName", "SearchLastName", "NormalizedEmail"];
    private readonly List<EntityEntry> _pendingCreates = [];
    private int _suspended;

    /// <summary>
    /// Stops recording per-entity entries for this scope's context until the returned handle is disposed. For bulk
    /// writes only, which must write their own summary entry (<see cref="AuditExtensions.Audit(DbContext, string, int, string, IAuditActor, TimeProvider, object?)"/>).
    /// </summary>
    public IDisposable Suspend()
    {
        _suspended++;
        return new Resume(this);
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Capture(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Capture(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context && _pendingCreates.Count > 0)
        {
            AddCreates(context);
            await context.SaveChangesAsync(cancellationToken);
        }

        return await base.SavedChangesAsync(eventData, result, cancellationToken);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is { } context && _pendingCreates.Count > 0)
        {
            AddCreates(context);
            context.SaveChanges();
        }

        return base.SavedChanges(eventData, result);
    }

    private void Capture(DbContext? context)
    {
        if (context is null || _suspended > 0)
        {
            return;
        }

        foreach (var entry in context.ChangeTracker.Entries().Where(e => e.Entity is IAudited).ToList())
        {
            switch (entry.State)
            {
                case EntityState.Added:
                    _pendingCreates.Add(entry);
                    break;
                case EntityState.Modified:
                    var changes = entry.Properties
                        .Where(p => p.IsModified && !Ignored.Contains(p.Metadata.Name) && !Equals(p.OriginalValue, p.CurrentValue))
                        .ToDictionary(p => p.Metadata.Name, p => new[] { Format(p.OriginalValue), Format(p.CurrentValue) }, StringComparer.Ordinal);
                    if (changes.Count > 0)
                    {
                        context.Add(Entry(entry, "Updated", JsonSerializer.Serialize(changes)));
                    }

                    break;
                case EntityState.Deleted:
                    context.Add(Entry(entry, "Deleted", null));
                    break;
            }
        }
    }

    private void AddCreates(DbContext context)
    {
        foreach (var entry in _pendingCreates)
        {
            context.Add(Entry(entry, "Created", null));
        }

        _pendingCreates.Clear();
    }

    private sealed class Resume(AuditInterceptor interceptor) : IDisposable
    {
        private bool _disposed;

        public void Dispose()
        {
            if (!_disposed)
            {
                _disposed = true;
                interceptor._suspended--;
            }
        }
    }

    private AuditEntry Entry(EntityEntry entry, string action, string? changes) => new()
    {
        EntityType = entry.Metadata.ClrType.Name,
        EntityId = ((IAudited)entry.Entity).Id,
        Action = action,
        ChangesJson = changes,
        UserId = actor.UserId,
        UserName = actor.UserName,
        At = clock.GetUtcNow(),
    };

    private static string? Format(object? value) => value switch
    {
        null => null,
        DateTimeOffset d => d.ToString("u", System.Globalization.CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}

/// <summary>Used where no person is acting (start-up, jobs without a user).</summary>
public sealed class SystemAuditActor : IAuditActor
{
    public string? UserId => null;

    public string? UserName => "system";
}

public static class AuditExtensions
{
    /// <summary>Records a domain action (Merged, Erased, Converted...) with free-form details, saved with the next SaveChanges.</summary>
    public static void Audit(this DbContext db, IAudited entity, string action, IAuditActor actor, TimeProvider clock, object? details = null) =>
        db.Audit(entity.GetType().Name, entity.Id, action, actor, clock, details);

    /// <summary>Records an action on something that is not an <see cref="IAudited"/> entity (e.g. one entry for a whole import).</summary>
    public static void Audit(this DbContext db, string entityType, int entityId, string action, IAuditActor actor, TimeProvider clock, object? details = null) =>
        db.Add(new AuditEntry
        {
            EntityType = entityType,
            EntityId = entityId,
            Action = action,
            ChangesJson = details is null ? null : JsonSerializer.Serialize(details),
            UserId = actor.UserId,
            UserName = actor.UserName,
            At = clock.GetUtcNow(),
        });
}
