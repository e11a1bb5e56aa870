using Microsoft.EntityFrameworkCore;
using VibeCrm.Data.Crm;
using VibeCrm.Data.Tenants;
using VibeCrm.Web.Features.Customers;

namespace VibeCrm.Web.Features.Opportunities;

/// <summary>Who an opportunity is with: a customer or a lead, written <c>customer:12</c> or <c>lead:5</c> in forms.</summary>
public sealed record PartyRef(bool IsCustomer, int Id)
{
    public string Key => (IsCustomer ? "customer:" : "lead:") + Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static PartyRef? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var parts = value.Split(':', 2);
        if (parts.Length != 2 || !int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) || id <= 0)
        {
            return null;
        }

        return parts[0] switch
        {
            "customer" => new PartyRef(true, id),
            "lead" => new PartyRef(false, id),
            _ => null,
        };
    }
}

public sealed record PartyOption(string Key, string Label);

/// <summary>Finds customers and leads by name, email or phone for pickers.</summary>
public sealed class Parties(TenantDbContext db)
{
    public const int Limit = 20;

    /// <summary>Builds a LIKE pattern that matches <paramref name="text"/> anywhere, with wildcards escaped.</summary>
    public static string Contains(string text) => "%" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";

    public async Task<IReadOnlyList<PartyOption>> SearchAsync(string? query, CancellationToken cancellationToken)
    {
        var customers = db.Customers.AsNoTracking().Where(c => c.MergedIntoId == null && c.ErasedAt == null);
        var leads = db.Leads.AsNoTracking().Where(l => l.Status != LeadStatus.Converted);
        if (!string.IsNullOrWhiteSpace(query))
        {
            var key = ContactRules.SearchKey(query);
            var pattern = Contains(query.Trim());
            customers = customers.Where(c => c.SearchName.StartsWith(key) || c.SearchLastName.StartsWith(key)
                || EF.Functions.Like(c.Email!, pattern, "\\") || EF.Functions.Like(c.Phone!, pattern, "\\"));
            leads = leads.Where(l => EF.Functions.Like(l.FirstName + " " + l.LastName, pattern, "\\") || EF.Functions.Like(l.Email!, pattern, "\\")
                || EF.Functions.Like(l.Phone!, pattern, "\\") || EF.Functions.Like(l.Company!, pattern, "\\"));
        }

        var customerRows = await customers.OrderBy(c => c.SearchName).Take(Limit)
            .Select(c => new { c.Id, c.FirstName, c.LastName, c.Email, c.Phone }).ToListAsync(cancellationToken);
        var leadRows = await leads.OrderBy(l => l.FirstName).ThenBy(l => l.LastName).Take(Limit)
            .Select(l => new { l.Id, l.FirstName, l.LastName, l.Email, l.Phone, l.Company }).ToListAsync(cancellationToken);
        return
        [
            .. customerRows.Select(c => new PartyOption(new PartyRef(true, c.Id).Key, "Customer · " + Describe(c.FirstName, c.LastName, c.Email, c.Phone, null))),
            .. leadRows.Select(l => new PartyOption(new PartyRef(false, l.Id).Key, "Lead · " + Describe(l.FirstName, l.LastName, l.Email, l.Phone, l.Company))),
        ];
    }

    public async Task<PartyOption?> FindAsync(PartyRef? party, CancellationToken cancellationToken)
    {
        if (party is null)
        {
            return null;
        }

        if (party.IsCustomer)
        {
            var c = await db.Customers.AsNoTracking().Where(x => x.Id == party.Id && x.MergedIntoId == null)
                .Select(x => new { x.FirstName, x.LastName, x.Email, x.Phone }).FirstOrDefaultAsync(cancellationToken);
            return c is null ? null : new PartyOption(party.Key, "Customer · " + Describe(c.FirstName, c.LastName, c.Email, c.Phone, null));
        }

        var l = await db.Leads.AsNoTracking().Where(x => x.Id == party.Id)
            .Select(x => new { x.FirstName, x.LastName, x.Email, x.Phone, x.Company }).FirstOrDefaultAsync(cancellationToken);
        return l is null ? null : new PartyOption(party.Key, "Lead · " + Describe(l.FirstName, l.LastName, l.Email, l.Phone, l.Company));
    }

    public static string Describe(string? first, string? last, string? email, string? phone, string? company)
    {
        var name = $"{first} {last}".Trim();
        var label = name.Length > 0 ? name : email ?? phone ?? "(no name)";
        var contact = name.Length > 0 ? email ?? phone : null;
        return label + (company is { Length: > 0 } ? $" ({company})" : "") + (contact is null ? "" : $" — {contact}");
    }
}
