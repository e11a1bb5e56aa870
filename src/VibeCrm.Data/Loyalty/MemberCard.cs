using System.Security.Cryptography;

namespace VibeCrm.Data.Loyalty;

/// <summary>
/// The member card: a 16-digit number drawn from the system's CSPRNG (about 53 bits, so it cannot be guessed from
/// another member's card) and a QR code whose payload is <c>VIBECRM:CARD:{number}</c>. The till sends either to the
/// POS API's member lookup; the portal displays both.
/// </summary>
public static class MemberCard
{
    public const int Length = 16;

    public const string QrPrefix = "VIBECRM:CARD:";

    private const string Digits = "0123456789";

    public static string NewNumber() => RandomNumberGenerator.GetString(Digits, Length);

    /// <summary>What the member card's QR code encodes.</summary>
    public static string QrPayload(string cardNumber) => QrPrefix + cardNumber;

    /// <summary>For display: four groups of four digits.</summary>
    public static string Format(string cardNumber) =>
        cardNumber.Length == Length ? $"{cardNumber[..4]} {cardNumber[4..8]} {cardNumber[8..12]} {cardNumber[12..]}" : cardNumber;

    /// <summary>A typed card number (spaces and dashes ignored); null when it is not 16 digits.</summary>
    public static string? NormalizeNumber(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var digits = new string([.. raw.Where(c => c is not (' ' or '-'))]);
        return digits.Length == Length && digits.All(char.IsAsciiDigit) ? digits : null;
    }

    /// <summary>The card number inside a scanned QR payload (or a bare card number); null when it is neither.</summary>
    public static string? FromQrPayload(string? payload)
    {
        if (string.IsNullOrWhiteSpace(payload))
        {
            return null;
        }

        var text = payload.Trim();
        return text.StartsWith(QrPrefix, StringComparison.OrdinalIgnoreCase) ? NormalizeNumber(text[QrPrefix.Length..]) : NormalizeNumber(text);
    }
}
