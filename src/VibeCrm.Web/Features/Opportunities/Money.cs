using System.Globalization;

namespace VibeCrm.Web.Features.Opportunities;

/// <summary>How amounts are shown in the back office: grouped digits and the ISO currency code.</summary>
public static class Money
{
    public static string Format(decimal amount, string currency) =>
        string.Create(CultureInfo.InvariantCulture, $"{amount:#,0.##} {currency}");

    public static string Date(DateOnly? date) => date?.ToString("d MMM yyyy", CultureInfo.InvariantCulture) ?? "";
}
