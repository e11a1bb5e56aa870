using Microsoft.EntityFrameworkCore;
using VibeCrm.Data.Identity;
using VibeCrm.Data.Tenants;

namespace VibeCrm.Web.Features.Staff;

public sealed record StaffOption(string Id, string Name)
{
    public string Initials => string.Concat(Name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(2).Select(p => char.ToUpperInvariant(p[0])));
}

/// <summary>Active staff members, for owner, assignee and staff pickers across the back office.</summary>
public sealed class StaffOptions(TenantDbContext db)
{
    public async Task<IReadOnlyList<StaffOption>> ActiveAsync(CancellationToken cancellationToken)
    {
        var rows = await db.Users.AsNoTracking()
            .Where(u => u.Kind == AccountKind.Staff && u.IsActive)
            .OrderBy(u => u.FirstName).ThenBy(u => u.LastName)
            .Select(u => new { u.Id, u.FirstName, u.LastName, u.Email })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new StaffOption(r.Id, $"{r.FirstName} {r.LastName}".Trim() is { Length: > 0 } n ? n : r.Email ?? r.Id))];
    }

    public Task<bool> IsActiveStaffAsync(string userId, CancellationToken cancellationToken) =>
        db.Users.AnyAsync(u => u.Id == userId && u.Kind == AccountKind.Staff && u.IsActive, cancellationToken);

    public static string InitialsOf(string? name) => name is null ? "" : new StaffOption("", name).Initials;
}
