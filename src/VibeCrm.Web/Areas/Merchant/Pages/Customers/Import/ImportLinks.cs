using VibeCrm.Tenancy;
using VibeCrm.Web.Infrastructure.Web;

namespace VibeCrm.Web.Areas.Merchant.Pages.Customers.Import;

/// <summary>Route values for the import pages: the area and the tenant are given explicitly, with the import id.</summary>
public static class ImportLinks
{
    public const string Map = "/Customers/Import/Map";
    public const string Preview = "/Customers/Import/Preview";
    public const string Progress = "/Customers/Import/Progress";

    public static object Values(HttpContext context, int? id) =>
        new { area = WebSetup.MerchantArea, tenant = context.RequireTenant().Identifier, id };
}
