using System.Linq.Expressions;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using VibeCrm.Data.Crm;
using VibeCrm.Data.Tenants;
using VibeCrm.Tenancy;

namespace VibeCrm.Web.Features.Customers;

/// <summary>The customer list's query string: search, filters, sort and page. Bound from the URL, so every state has a link.</summary>
public sealed class CustomerListQuery
{
    public static readonly int[] PageSizes = [25, 50, 100];

    /// <summary>Search: a name, an email, a phone number (any format) or a tag. "#vip" searches the tag only.</summary>
    public string? Q { get; set; }

    public CustomerStatus? Status { get; set; }

    public string? Tag { get; set; }

    /// <summary>A staff user id, or "none" for customers without an owner.</summary>
    public string? Owner { get; set; }

    public DateOnly? CreatedFrom { get; set; }

    public DateOnly? CreatedTo { get; set; }

    public DateOnly? ActiveFrom { get; set; }

    public DateOnly? ActiveTo { get; set; }

    /// <summary>name, created or activity; default: last activity when searching (recent people first), else created.</summary>
    public string? Sort { get; set; }

    /// <summary>asc or desc; default: asc for name, desc for dates.</summary>
    public string? Dir { get; set; }

    public int Page { get; set; } = 1;

    public int Size { get; set; } = 25;

    public const string NoOwner = "none";

    public string EffectiveSort => Sort?.ToLowerInvariant() switch
    {
        "name" => "name",
        "created" => "created",
        "activity" => "activity",
        _ => string.IsNullOrWhiteSpace(Q) ? "created" : "activity",
    };

    public bool Descending => Dir?.ToLowerInvariant() switch
    {
        "asc" => false,
        "desc" => true,
        _ => EffectiveSort != "name",
    };

    public int EffectiveSize => PageSizes.Contains(Size) ? Size : 25;

    public int EffectivePage => Math.Clamp(Page, 1, 100_000);

    public bool HasFilters => Status is not null || !string.IsNullOrWhiteSpace(Tag) || !string.IsNullOrWhiteSpace(Owner)
        || CreatedFrom is not null || CreatedTo is not null || ActiveFrom is not null || ActiveTo is not null;

    /// <summary>The query string of this state with some values replaced, e.g. <c>With(page: 2)</c>.</summary>
    public string With(int? page = null, string? sort = null, string? dir = null, int? size = null)
    {
        var pairs = new List<KeyValuePair<string, string?>>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                pairs.Add(new(key, value));
            }
        }

        Add("q", Q?.Trim());
        Add("status", Status?.ToString());
        Add("tag", Tag?.Trim());
        Add("owner", Owner);
        Add("createdFrom", CreatedFrom?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Add("createdTo", CreatedTo?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Add("activeFrom", ActiveFrom?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Add("activeTo", ActiveTo?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Add("sort", sort ?? Sort);
        Add("dir", dir ?? Dir);
        var effectiveSize = size ?? EffectiveSize;
        Add("size", effectiveSize == 25 ? null : effectiveSize.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var effectivePage = page ?? EffectivePage;
        Add("page", effectivePage == 1 ? null : effectivePage.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return new QueryBuilder(pairs.Select(p => new KeyValuePair<string, string>(p.Key, p.Value!))).ToQueryString().Value ?? "";
    }
}

public sealed record CustomerRow(
    int Id,
    string Name,
    string? Email,
    string? Phone,
    CustomerStatus Status,
    string? OwnerName,
    IReadOnlyList<string> Tags,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastActivityAt);

/// <summary>One page of the list. <see cref="Total"/> is exact up to <see cref="CustomerQueries.CountCap"/>; beyond it <see cref="TotalIsCapped"/> is set.</summary>
public sealed record CustomerPage(IReadOnlyList<CustomerRow> Rows, int Page, int PageSize, int Total, bool TotalIsCapped, bool HasNext)
{
    public bool HasPrevious => Page > 1;

    /// <summary>The last page, when the total is known exactly.</summary>
    public int? LastPage => TotalIsCapped ? null : Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>
/// The customer list and search, built to stay fast at a million customers: every search term is an index range
/// (<c>column &gt;= term AND column &lt; term + U+FFFF</c> on SQLite, whose LIKE cannot use a binary index; LIKE 'term%'
/// on SQL Server), tags match exactly through the (Tag, CustomerId) index, merged records are always excluded,
/// and the total is counted only up to <see cref="CountCap"/>.
/// </summary>
public sealed partial class CustomerQueries(TenantDbContext db, ITenantContextAccessor tenants)
{
    public const int CountCap = 10_000;

    public async Task<CustomerPage> ListAsync(CustomerListQuery query, CancellationToken cancellationToken)
    {
        var size = query.EffectiveSize;
        var page = query.EffectivePage;
        var counted = await Filter(query, CountLead(query)).Select(c => c.Id).Take(CountCap + 1).CountAsync(cancellationToken);
        var pageLead = await PageLeadAsync(query, counted, cancellationToken);

        var sorted = Sort(Filter(query, pageLead), query.EffectiveSort, query.Descending);
        var rows = await sorted
            .Skip((page - 1) * size)
            .Take(size + 1)
            .Select(c => new { c.Id, c.FirstName, c.LastName, c.Email, c.Phone, c.Status, c.OwnerUserId, c.CreatedAt, c.LastActivityAt })
            .ToListAsync(cancellationToken);
        var hasNext = rows.Count > size;
        rows = [.. rows.Take(size)];

        // Two small lookups for the page, not one per row.
        var ids = rows.Select(r => r.Id).ToList();
        var tags = (await db.CustomerTags.AsNoTracking().Where(t => ids.Contains(t.CustomerId)).ToListAsync(cancellationToken))
            .GroupBy(t => t.CustomerId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(t => t.Tag).Order(StringComparer.Ordinal)]);
        var ownerIds = rows.Select(r => r.OwnerUserId).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var owners = await db.Users.AsNoTracking().Where(u => ownerIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => (u.FirstName + " " + u.LastName).Trim(), cancellationToken);

        return new CustomerPage(
            [.. rows.Select(r => new CustomerRow(
                r.Id,
                $"{r.FirstName} {r.LastName}".Trim() is { Length: > 0 } name ? name : r.Email ?? r.Phone ?? $"Customer {r.Id}",
                r.Email,
                r.Phone,
                r.Status,
                r.OwnerUserId is not null && owners.TryGetValue(r.OwnerUserId, out var owner) ? owner : null,
                tags.TryGetValue(r.Id, out var t) ? t : [],
                r.CreatedAt,
                r.LastActivityAt))],
            page,
            size,
            Math.Min(counted, CountCap),
            counted > CountCap,
            hasNext);
    }

    /// <summary>Whether the tenant has any (live) customer at all: the list shows its empty state otherwise.</summary>
    public Task<bool> AnyAsync(CancellationToken cancellationToken) => db.Customers.AnyAsync(c => c.MergedIntoId == null, cancellationToken);

    /// <summary>The most used tags, for the filter's suggestions.</summary>
    public async Task<IReadOnlyList<string>> PopularTagsAsync(int take, CancellationToken cancellationToken) =>
        await db.CustomerTags.AsNoTracking().GroupBy(t => t.Tag).OrderByDescending(g => g.Count()).Take(take).Select(g => g.Key).ToListAsync(cancellationToken);

    /// <summary>A tag with at most this many customers leads the query (its ids are looked up, then sorted); a commoner one is checked row by row while an index is scanned in sort order.</summary>
    public const int RareTagLimit = 20_000;

    /// <summary>The index a query should start from; every other condition is written so that no index serves it.</summary>
    public enum Lead
    {
        /// <summary>The search term's index ranges (few rows), then a sort.</summary>
        Search,

        /// <summary>The (Tag, CustomerId) index: a rare tag's customers, then a sort.</summary>
        Tag,

        /// <summary>(Status, CreatedAt): filtered and sorted by creation at once.</summary>
        Status,

        /// <summary>(OwnerUserId, CreatedAt): filtered and sorted by creation at once.</summary>
        Owner,

        /// <summary>(MergedIntoId, CreatedAt|LastActivityAt): live customers in date order, the rest checked per row.</summary>
        Merged,

        /// <summary>SearchLastName, in name order; the rest checked per row.</summary>
        Name,
    }

    /// <summary>
    /// Live customers matching the search and filters, unsorted, shaped for <paramref name="lead"/>. SQLite without
    /// ANALYZE statistics takes any indexed equality (MergedIntoId IS NULL, Status = ?) as selective and would start
    /// from it, then sort most of the table; so a condition that should not lead is written in a form no index serves:
    /// <c>COALESCE(MergedIntoId, 0) = 0</c>, the status as "not any other status", the owner through COALESCE, a common
    /// tag as a correlated EXISTS instead of an id list where the list would lead.
    /// </summary>
    public IQueryable<Customer> Filter(CustomerListQuery query, Lead lead)
    {
        var q = db.Customers.AsNoTracking();
        q = lead == Lead.Merged ? q.Where(c => c.MergedIntoId == null) : q.Where(c => (c.MergedIntoId ?? 0) == 0);
        if (SearchPredicate(query.Q, indexed: lead == Lead.Search) is { } search)
        {
            q = q.Where(search);
        }

        if (!string.IsNullOrWhiteSpace(query.Tag))
        {
            var tag = query.Tag.Trim().ToLowerInvariant();
            // An id list (IN) drives the query when nothing else can, and is a cheap probe on index entries when the
            // (MergedIntoId, date) index leads; under the other leads it would take over, so it is an EXISTS there.
            q = q.Where(HasTag(tag, indexed: lead is Lead.Tag or Lead.Merged));
        }

        if (query.Status is { } status)
        {
            if (lead == Lead.Status)
            {
                q = q.Where(c => c.Status == status);
            }
            else
            {
                foreach (var other in Enum.GetValues<CustomerStatus>().Where(s => s != status))
                {
                    q = q.Where(c => c.Status != other);
                }
            }
        }

        var noOwner = string.Equals(query.Owner, CustomerListQuery.NoOwner, StringComparison.OrdinalIgnoreCase);
        var owner = noOwner ? "" : query.Owner?.Trim();
        if (!string.IsNullOrEmpty(owner) || noOwner)
        {
            q = lead == Lead.Owner && !noOwner ? q.Where(c => c.OwnerUserId == owner) : q.Where(c => (c.OwnerUserId ?? "") == owner);
        }

        var zone = TimeZone();
        if (query.CreatedFrom is { } createdFrom)
        {
            var from = StartOfDay(createdFrom, zone);
            q = q.Where(c => c.CreatedAt >= from);
        }

        if (query.CreatedTo is { } createdTo)
        {
            var to = StartOfDay(createdTo.AddDays(1), zone);
            q = q.Where(c => c.CreatedAt < to);
        }

        if (query.ActiveFrom is { } activeFrom)
        {
            var from = StartOfDay(activeFrom, zone);
            q = q.Where(c => c.LastActivityAt >= from);
        }

        if (query.ActiveTo is { } activeTo)
        {
            var to = StartOfDay(activeTo.AddDays(1), zone);
            q = q.Where(c => c.LastActivityAt < to);
        }

        return q;
    }

    /// <summary>A search matching more customers than this is read in sort order (checking each row) rather than gathered and sorted.</summary>
    public const int BroadSearchLimit = 5_000;

    /// <summary>The index a count starts from: the narrowest condition there is (a count keeps no order).</summary>
    public static Lead CountLead(CustomerListQuery query) =>
        !string.IsNullOrWhiteSpace(query.Q) ? Lead.Search
        : !string.IsNullOrWhiteSpace(query.Tag) ? Lead.Tag
        : HasOwner(query) ? Lead.Owner
        : query.Status is not null ? Lead.Status
        : Lead.Merged;

    /// <summary>
    /// The index a page starts from: a search's ranges when it matches few customers (<paramref name="counted"/>),
    /// a rare tag's ids, else the index that gives the sort order with the filters checked per row.
    /// </summary>
    public async Task<Lead> PageLeadAsync(CustomerListQuery query, int counted, CancellationToken cancellationToken)
    {
        // A broad search is read in date order, where its matches are spread evenly; in name order they may all sit
        // in one stretch of the index (every "Dupont" for "dup"), so a search sorted by name always gathers and sorts.
        var searching = !string.IsNullOrWhiteSpace(query.Q);
        if (searching && (counted <= BroadSearchLimit || query.EffectiveSort == "name"))
        {
            return Lead.Search;
        }

        if (!searching && !string.IsNullOrWhiteSpace(query.Tag))
        {
            var tag = query.Tag.Trim().ToLowerInvariant();
            var tagged = await db.CustomerTags.Where(t => t.Tag == tag).Select(t => t.CustomerId).Take(RareTagLimit + 1).CountAsync(cancellationToken);
            if (tagged <= RareTagLimit)
            {
                return Lead.Tag;
            }
        }

        var sort = query.EffectiveSort;
        return sort == "name" ? Lead.Name
            : sort == "created" && HasOwner(query) ? Lead.Owner
            : sort == "created" && query.Status is not null ? Lead.Status
            : Lead.Merged;
    }

    private static bool HasOwner(CustomerListQuery query) =>
        !string.IsNullOrWhiteSpace(query.Owner) && !string.Equals(query.Owner, CustomerListQuery.NoOwner, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// What a search box term matches, each alternative an index range: "#vip" → the tag; "@" in it → email prefix;
    /// digits → phone prefixes in E.164 (0612… in France → +33612…); words → "first last" or "last first" prefix,
    /// email prefix, or an exact tag.
    /// </summary>
    /// <param name="indexed">False when another index leads: the alternatives are then written so no index serves them.</param>
    public Expression<Func<Customer, bool>>? SearchPredicate(string? term, bool indexed = true)
    {
        if (string.IsNullOrWhiteSpace(term))
        {
            return null;
        }

        var text = term.Trim();
        var alternatives = new List<Expression<Func<Customer, bool>>>();
        if (text.StartsWith('#'))
        {
            return HasTag(text[1..].Trim().ToLowerInvariant(), indexed);
        }

        var email = text.ToLowerInvariant();
        if (text.Contains('@', StringComparison.Ordinal))
        {
            return Prefix(c => c.NormalizedEmail, email, indexed);
        }

        var digits = PhoneSeparators().Replace(text, "");
        if (PhoneInput().IsMatch(digits))
        {
            foreach (var prefix in PhonePrefixes(digits, ContactRules.RegionFromTimeZone(tenants.RequireTenant().TimeZoneId)))
            {
                alternatives.Add(Prefix(c => c.Phone, prefix, indexed));
            }

            alternatives.Add(Prefix(c => c.NormalizedEmail, email, indexed));
            return Or(alternatives);
        }

        var key = ContactRules.SearchKey(text);
        if (key.Length > 0)
        {
            alternatives.Add(Prefix(c => c.SearchName, key, indexed));
            alternatives.Add(Prefix(c => c.SearchLastName, key, indexed));
        }

        if (!email.Contains(' ', StringComparison.Ordinal))
        {
            alternatives.Add(Prefix(c => c.NormalizedEmail, email, indexed));
        }

        if (email.Length <= CustomerService.MaxTagLength)
        {
            alternatives.Add(HasTag(email, indexed));
        }

        return Or(alternatives);
    }

    /// <summary>
    /// E.164 prefixes a typed number may start: "+4420…" and "0044 20…" as given; a national "06 12…" with the
    /// region's country code and without the trunk zero; bare digits both as an international and a national number.
    /// </summary>
    public static IReadOnlyList<string> PhonePrefixes(string digits, string? region)
    {
        if (digits.StartsWith('+'))
        {
            return [digits];
        }

        if (digits.StartsWith("00", StringComparison.Ordinal))
        {
            return ["+" + digits[2..]];
        }

        var prefixes = new List<string>();
        var countryCode = region is null ? 0 : PhoneNumbers.PhoneNumberUtil.GetInstance().GetCountryCodeForRegion(region);
        if (countryCode > 0)
        {
            prefixes.Add($"+{countryCode}{(digits.StartsWith('0') ? digits[1..] : digits)}");
        }

        if (!digits.StartsWith('0'))
        {
            prefixes.Add("+" + digits);
        }

        return [.. prefixes.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The list's orders: name, activity or creation date (the default), the id breaking ties.</summary>
    public static IQueryable<Customer> Sort(IQueryable<Customer> q, string sort, bool descending) => (sort, descending) switch
    {
        ("name", false) => q.OrderBy(c => c.SearchLastName).ThenBy(c => c.Id),
        ("name", true) => q.OrderByDescending(c => c.SearchLastName).ThenByDescending(c => c.Id),
        ("activity", false) => q.OrderBy(c => c.LastActivityAt).ThenBy(c => c.Id),
        ("activity", true) => q.OrderByDescending(c => c.LastActivityAt).ThenByDescending(c => c.Id),
        (_, false) => q.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id),
        _ => q.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id),
    };

    /// <summary>Indexed: the tag's id list leads (<c>Id IN (SELECT CustomerId …)</c>); else a per-row EXISTS probe.</summary>
    private Expression<Func<Customer, bool>> HasTag(string tag, bool indexed = true) => indexed
        ? c => db.CustomerTags.Where(t => t.Tag == tag).Select(t => t.CustomerId).Contains(c.Id)
        : c => c.Tags.Any(t => t.Tag == tag);

    /// <summary>
    /// <c>column</c> starts with <paramref name="prefix"/>, as a form an index serves: on SQLite a range (its LIKE is
    /// case-insensitive and cannot use a BINARY index), or <c>substr(column, 1, n) = prefix</c> when no index should serve
    /// it; elsewhere LIKE 'prefix%', which SQL Server turns into a seek.
    /// </summary>
    private Expression<Func<Customer, bool>> Prefix(Expression<Func<Customer, string?>> column, string prefix, bool indexed)
    {
        var upper = prefix + '\uffff';
        var length = prefix.Length;
        Expression<Func<string?, bool>> test = !db.Database.IsSqlite() ? s => s!.StartsWith(prefix)
            : indexed ? s => string.Compare(s, prefix) >= 0 && string.Compare(s, upper) < 0
            : s => s!.Substring(0, length) == prefix;
        var body = ReplacingExpressionVisitor.Replace(test.Parameters[0], column.Body, test.Body);
        return Expression.Lambda<Func<Customer, bool>>(body, column.Parameters);
    }

    private static Expression<Func<Customer, bool>> Or(List<Expression<Func<Customer, bool>>> alternatives)
    {
        var parameter = alternatives[0].Parameters[0];
        var body = alternatives[0].Body;
        foreach (var next in alternatives.Skip(1))
        {
            body = Expression.OrElse(body, ReplacingExpressionVisitor.Replace(next.Parameters[0], parameter, next.Body));
        }

        return Expression.Lambda<Func<Customer, bool>>(body, parameter);
    }

    private TimeZoneInfo TimeZone() =>
        TimeZoneInfo.TryFindSystemTimeZoneById(tenants.RequireTenant().TimeZoneId, out var zone) ? zone : TimeZoneInfo.Utc;

    private static DateTimeOffset StartOfDay(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    [GeneratedRegex(@"[\s.\-()/]", RegexOptions.None, 1000)]
    private static partial Regex PhoneSeparators();

    [GeneratedRegex(@"^\+?\d{3,15}$", RegexOptions.None, 1000)]
    private static partial Regex PhoneInput();
}
