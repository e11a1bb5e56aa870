using System.Globalization;
using VibeCrm.Data.Loyalty;

namespace VibeCrm.Web.Features.Loyalty.Portal;

/// <summary>How far a member is from the next tier, in the program's terms (money spent or points earned, window).</summary>
public sealed record TierProgressView(
    string? CurrentTier,
    string? NextTier,
    decimal QualifyingValue,
    decimal? Remaining,
    int Percent,
    string Headline,
    string Basis)
{
    public bool AtTop => NextTier is null;

    /// <param name="currentThreshold">Threshold of the current tier (0 when none).</param>
    public static TierProgressView From(TierStatus status, decimal currentThreshold, string currency, string unitName)
    {
        ArgumentNullException.ThrowIfNull(status);
        var window = status.WindowMonths is { } months ? $"in the last {months} months" : "since you joined";
        var basis = status.Basis == TierBasis.AmountSpent
            ? $"{Money(status.QualifyingValue, currency)} spent {window}"
            : $"{Points(status.QualifyingValue)} {unitName} earned {window}";
        if (status.NextTierName is null || status.NextThreshold is not { } next)
        {
            var top = status.TierName is null ? "There are no tiers to reach yet." : $"You have reached {status.TierName}, our top tier.";
            return new TierProgressView(status.TierName, null, status.QualifyingValue, null, 100, top, basis);
        }

        var remaining = Math.Max(0, next - status.QualifyingValue);
        var span = next - currentThreshold;
        var percent = span <= 0 ? 100 : (int)Math.Clamp(Math.Floor((status.QualifyingValue - currentThreshold) * 100 / span), 0, 100);
        var headline = status.Basis == TierBasis.AmountSpent
            ? $"Spend {Money(remaining, currency)} more to reach {status.NextTierName}"
            : $"{Points(remaining)} more {unitName} to reach {status.NextTierName}";
        return new TierProgressView(status.TierName, status.NextTierName, status.QualifyingValue, remaining, percent, headline, basis);
    }

    public static string Money(decimal amount, string currency)
    {
        var symbol = currency.ToUpperInvariant() switch
        {
            "EUR" => "€",
            "USD" => "$",
            "GBP" => "£",
            _ => null,
        };
        var number = amount.ToString("#,##0.00", CultureInfo.InvariantCulture);
        return symbol is null ? $"{number} {currency}" : symbol + number;
    }

    private static string Points(decimal value) => Math.Ceiling(value).ToString("#,##0", CultureInfo.InvariantCulture);
}
