using Microsoft.EntityFrameworkCore;
using VibeCrm.Data.Crm;
using VibeCrm.Data.Tenants;

namespace VibeCrm.Web.Features.Customers;

/// <summary>
/// The one rule for "is this person already a customer?", used wherever customers are written from outside the
/// profile form (the POS and API upsert, CSV imports): a live customer (not merged, not erased) with the same
/// normalized email wins, else one with the same E.164 phone; among several, the oldest record.
/// </summary>
public sealed class CustomerMatcher
{
    private readonly Dictionary<string, Customer> _byEmail;
    private readonly Dictionary<string, Customer> _byPhone;

    private CustomerMatcher(IReadOnlyList<Customer> candidates)
    {
        _byEmail = Index(candidates, c => c.NormalizedEmail);
        _byPhone = Index(candidates, c => c.Phone);
    }

    /// <summary>
    /// Live customers: not merged into another record and not erased. Written so that no index serves it: SQLite,
    /// without statistics, would otherwise start from the (MergedIntoId, …) index, i.e. every live customer, instead of
    /// the email, phone or id the caller looks for.
    /// </summary>
    public static IQueryable<Customer> Live(TenantDbContext db) => db.Customers.Where(c => (c.MergedIntoId ?? 0) == 0 && c.ErasedAt == null);

    /// <summary>
    /// Loads (tracked, with tags and custom values) every live customer any of the keys can match, in one query per
    /// batch, so a batch of rows is matched without a query per row.
    /// </summary>
    public static async Task<CustomerMatcher> LoadAsync(
        TenantDbContext db, IEnumerable<string?> normalizedEmails, IEnumerable<string?> phones, CancellationToken cancellationToken)
    {
        List<string> emails = [.. normalizedEmails.OfType<string>().Distinct(StringComparer.Ordinal)];
        List<string> numbers = [.. phones.OfType<string>().Distinct(StringComparer.Ordinal)];
        if (emails.Count == 0 && numbers.Count == 0)
        {
            return new CustomerMatcher([]);
        }

        var ids = await MatchingIdsAsync(db, emails, numbers, cancellationToken);
        var candidates = ids.Count == 0 ? [] : await db.Customers.Include(c => c.Tags).Include(c => c.CustomValues).AsSplitQuery()
            .Where(c => ids.Contains(c.Id))
            .OrderBy(c => c.Id)
            .ToListAsync(cancellationToken);
        return new CustomerMatcher(candidates);
    }

    /// <summary>
    /// The ids of live customers with one of the emails or phones: two lookups, each led by its own index. Written as
    /// one <c>email IN (…) OR phone IN (…)</c> query, or with a plain <c>MergedIntoId IS NULL</c> (which SQLite, without
    /// statistics, takes for selective), SQLite walked the (MergedIntoId, …) index instead — the whole table, once per
    /// batch, so imports grew quadratic with the size of the tenant.
    /// </summary>
    public static async Task<List<int>> MatchingIdsAsync(TenantDbContext db, IReadOnlyCollection<string> normalizedEmails, IReadOnlyCollection<string> phones, CancellationToken cancellationToken)
    {
        var ids = normalizedEmails.Count == 0 ? [] : await ByEmail(db, normalizedEmails).ToListAsync(cancellationToken);
        if (phones.Count > 0)
        {
            ids.AddRange(await ByPhone(db, phones).ToListAsync(cancellationToken));
        }

        return [.. ids.Distinct()];
    }

    /// <summary>Live customers' ids by normalized email, led by the email index.</summary>
    public static IQueryable<int> ByEmail(TenantDbContext db, IReadOnlyCollection<string> normalizedEmails) =>
        Live(db).Where(c => normalizedEmails.Contains(c.NormalizedEmail!)).Select(c => c.Id);

    /// <summary>Live customers' ids by E.164 phone, led by the phone index.</summary>
    public static IQueryable<int> ByPhone(TenantDbContext db, IReadOnlyCollection<string> phones) =>
        Live(db).Where(c => phones.Contains(c.Phone!)).Select(c => c.Id);

    /// <summary>The customer the keys match, or null: email first, then phone.</summary>
    public Customer? Find(string? normalizedEmail, string? phone) =>
        (normalizedEmail is not null && _byEmail.TryGetValue(normalizedEmail, out var byEmail) ? byEmail : null)
        ?? (phone is not null && _byPhone.TryGetValue(phone, out var byPhone) ? byPhone : null);

    /// <summary>Makes a customer created in this batch findable by the rows after it.</summary>
    public void Add(Customer customer)
    {
        if (customer.NormalizedEmail is { } email)
        {
            _byEmail.TryAdd(email, customer);
        }

        if (customer.Phone is { } phone)
        {
            _byPhone.TryAdd(phone, customer);
        }
    }

    private static Dictionary<string, Customer> Index(IReadOnlyList<Customer> candidates, Func<Customer, string?> key)
    {
        var index = new Dictionary<string, Customer>(StringComparer.Ordinal);
        foreach (var customer in candidates)
        {
            if (key(customer) is { } k)
            {
                index.TryAdd(k, customer); // ordered by id: the oldest wins
            }
        }

        return index;
    }
}
