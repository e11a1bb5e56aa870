using Microsoft.EntityFrameworkCore;
using VibeCrm.Data.Identity;
using VibeCrm.Data.Tenants;

namespace VibeCrm.Web.Features.Opportunities;

public sealed record StaffOption(string Id, string Name)
{
    public string Initials => string.Concat(Name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(2).Select(p => char.ToUpperInvariant(p[0])));
}

/// <summary>Active staff members, for owner pickers and filters (opportunities and leads).</summary>
public sealed class StaffOptions(TenantDbContext db)
{
    public async Task<IReadOnlyList<StaffOption>> ActiveAsync(CancellationToken cancellationToken) =>
        await db.Users.AsNoTracking()
            .Where(u => u.Kind == AccountKind.Staff && u.IsActive)
            .OrderBy(u => u.FirstName).ThenBy(u => u.LastName)
            .Select(u => new StaffOption(u.Id, (u.FirstName + " " + u.LastName).Trim()))
            .ToListAsync(cancellationToken);

    public Task<bool> IsActiveStaffAsync(string userId, CancellationToken cancellationToken) =>
        db.Users.AnyAsync(u => u.Id == userId && u.Kind == AccountKind.Staff && u.IsActive, cancellationToken);

    public static string InitialsOf(string? name) => name is null ? "" : new StaffOption("", name).Initials;
}
