using Htmx;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VibeCrm.Tenancy;
using VibeCrm.Web.Features;
using VibeCrm.Web.Features.Customers;
using VibeCrm.Web.Features.Staff;

namespace VibeCrm.Web.Areas.Merchant.Pages.Customers;

/// <summary>What the rows partial shows: one page, the query that made it (for links) and the staff (for bulk owner).</summary>
public sealed record CustomerListView(CustomerPage Page, CustomerListQuery Query, string TenantSlug, string TimeZoneId, IReadOnlyList<StaffOption> Staff)
{
    public string ListPath => $"/{TenantSlug}/admin/customers";

    public string DetailsPath(int id) => $"/{TenantSlug}/admin/customers/details/{id}";

    public string EditPath(int id) => $"/{TenantSlug}/admin/customers/edit/{id}";

    /// <summary>A sort header's link: the same filters, page 1, this column; clicking the current column flips the direction.</summary>
    public string SortLink(string column)
    {
        var current = Query.EffectiveSort == column;
        var dir = current ? (Query.Descending ? "asc" : "desc") : (column == "name" ? "asc" : "desc");
        return ListPath + Query.With(page: 1, sort: column, dir: dir);
    }

    public string? AriaSort(string column) => Query.EffectiveSort != column ? null : Query.Descending ? "descending" : "ascending";

    public string PageLink(int page) => ListPath + Query.With(page: page);

    public string Date(DateTimeOffset? value)
    {
        if (value is null)
        {
            return "—";
        }

        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(TimeZoneId, out var z) ? z : TimeZoneInfo.Utc;
        return TimeZoneInfo.ConvertTime(value.Value, zone).ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
    }
}

public sealed class IndexModel(CustomerQueries queries, CustomerService customers, StaffOptions staffOptions) : PageModel
{
    [TempData]
    public string? StatusMessage { get; set; }

    public CustomerListView View { get; private set; } = null!;

    /// <summary>False when the tenant has no customer at all: the page then shows how to add or import the first ones.</summary>
    public bool HasCustomers { get; private set; }

    public IReadOnlyList<string> PopularTags { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync([FromQuery] CustomerListQuery filter, CancellationToken cancellationToken)
    {
        Response.Headers.Vary = "HX-Request";
        var tenant = HttpContext.RequireTenant();
        var page = await queries.ListAsync(filter, cancellationToken);
        View = new CustomerListView(page, filter, tenant.Identifier, tenant.TimeZoneId, await staffOptions.AllAsync(cancellationToken));
        var partial = Request.IsHtmx() && !Request.Headers.ContainsKey("HX-History-Restore-Request") && !Request.Headers.ContainsKey("HX-Boosted");
        if (partial)
        {
            return Partial("_CustomerRows", View);
        }

        HasCustomers = page.Rows.Count > 0 || await queries.AnyAsync(cancellationToken);
        PopularTags = HasCustomers ? await queries.PopularTagsAsync(20, cancellationToken) : [];
        return Page();
    }

    public async Task<IActionResult> OnPostTagAsync(int[] ids, string? tag, string? returnQuery, CancellationToken cancellationToken)
    {
        var (result, changed) = await customers.AddTagAsync(ids, tag, cancellationToken);
        return Back(result, $"Tag “{tag?.Trim().ToLowerInvariant()}” added to {Plural(changed)}.", returnQuery);
    }

    public async Task<IActionResult> OnPostOwnerAsync(int[] ids, string? owner, string? returnQuery, CancellationToken cancellationToken)
    {
        var (result, changed) = await customers.AssignOwnerAsync(ids, owner, cancellationToken);
        return Back(result, string.IsNullOrWhiteSpace(owner) ? $"Owner removed from {Plural(changed)}." : $"Owner assigned to {Plural(changed)}.", returnQuery);
    }

    /// <summary>Export is another module's endpoint: this sends the selection and the filters there.</summary>
    public IActionResult OnPostExport(int[] ids, string? returnQuery)
    {
        var query = SafeQuery(returnQuery);
        var selection = string.Join('&', ids.Distinct().Take(CustomerService.MaxBulkSize).Select(id => "ids=" + id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var separator = query.Length > 0 ? "&" : "?";
        var target = $"/{HttpContext.RequireTenant().Identifier}/admin/customers/export{query}{(selection.Length > 0 ? separator + selection : "")}";
        return Redirect(Request.PathBase + target);
    }

    private static string Plural(int count) => count == 1 ? "1 customer" : $"{count} customers";

    private IActionResult Back(CommandResult result, string success, string? returnQuery)
    {
        StatusMessage = result.Succeeded ? success : "Error: " + result.Error;
        var target = $"{Request.PathBase}/{HttpContext.RequireTenant().Identifier}/admin/customers{SafeQuery(returnQuery)}";
        if (Request.IsHtmx())
        {
            Response.Htmx(h => h.Redirect(target));
            return new EmptyResult();
        }

        return Redirect(target);
    }

    /// <summary>Only a query string ("?…") is taken back, never a path or another host.</summary>
    private static string SafeQuery(string? returnQuery) =>
        returnQuery is { Length: > 1 } q && q[0] == '?' && !q.Contains('#', StringComparison.Ordinal) && !q.Contains('\\', StringComparison.Ordinal) ? q : "";
}
