using Microsoft.EntityFrameworkCore;
using VibeCrm.Data.Identity;
using VibeCrm.Data.Tenants;

namespace VibeCrm.Web.Features.Staff;

/// <summary>A staff member in a picker or a filter; deactivated ones appear only where old records name them.</summary>
public sealed record StaffOption(string Id, string Name, bool IsActive = true)
{
    public string Initials => string.Concat(Name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(2).Select(p => char.ToUpperInvariant(p[0])));
}

/// <summary>Staff members for owner, assignee and staff pickers and filters across the back office.</summary>
public sealed class StaffOptions(TenantDbContext db)
{
    /// <summary>Active staff members, by name: who can be chosen as owner or assignee.</summary>
    public async Task<IReadOnlyList<StaffOption>> ActiveAsync(CancellationToken cancellationToken)
    {
        var rows = await db.Users.AsNoTracking()
            .Where(u => u.Kind == AccountKind.Staff && u.IsActive)
            .OrderBy(u => u.FirstName).ThenBy(u => u.LastName)
            .Select(u => new { u.Id, u.FirstName, u.LastName, u.Email })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new StaffOption(r.Id, Name(r.FirstName, r.LastName, r.Email, r.Id)))];
    }

    /// <summary>All staff members, the deactivated ones too (for names and filters of older records), active first, then by name.</summary>
    public async Task<IReadOnlyList<StaffOption>> AllAsync(CancellationToken cancellationToken) =>
        (await db.Users.AsNoTracking().Where(u => u.Kind == AccountKind.Staff)
            .Select(u => new { u.Id, u.FirstName, u.LastName, u.Email, u.IsActive })
            .ToListAsync(cancellationToken))
        .Select(u => new StaffOption(u.Id, Name(u.FirstName, u.LastName, u.Email, u.Id), u.IsActive))
        .OrderByDescending(s => s.IsActive).ThenBy(s => s.Name, StringComparer.CurrentCulture)
        .ToList();

    public Task<bool> IsActiveStaffAsync(string userId, CancellationToken cancellationToken) =>
        db.Users.AnyAsync(u => u.Id == userId && u.Kind == AccountKind.Staff && u.IsActive, cancellationToken);

    public static string InitialsOf(string? name) => name is null ? "" : new StaffOption("", name).Initials;

    private static string Name(string? first, string? last, string? email, string id) =>
        $"{first} {last}".Trim() is { Length: > 0 } name ? name : email ?? id;
}
