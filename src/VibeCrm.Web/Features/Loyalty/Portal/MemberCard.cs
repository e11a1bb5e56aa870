using VibeCrm.Data.Loyalty;

namespace VibeCrm.Web.Features.Loyalty.Portal;

/// <summary>
/// The number printed on the digital member card and the payload of its QR code, in one place.
/// Today it is the membership's stable card id ("program-membership" with a Luhn check digit); when the membership carries
/// the till's card number, <see cref="NumberOf"/> returns it instead (one line to change) and the QR follows.
/// </summary>
public static class MemberCard
{
    public static string NumberOf(LoyaltyMembership membership)
    {
        ArgumentNullException.ThrowIfNull(membership);
        return StableId(membership.ProgramId, membership.Id);
    }

    /// <summary>What the till scans: the card number itself, so a QR scan and a typed number look the member up the same way.</summary>
    public static string QrPayload(string cardNumber) => cardNumber;

    /// <summary>E.g. "01-000042-7": program, membership, check digit over both.</summary>
    public static string StableId(int programId, int membershipId)
    {
        var digits = $"{programId:00}{membershipId:000000}";
        return $"{programId:00}-{membershipId:000000}-{Luhn(digits)}";
    }

    private static int Luhn(string digits)
    {
        var sum = 0;
        var doubleIt = true;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var d = digits[i] - '0';
            if (doubleIt)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
            doubleIt = !doubleIt;
        }

        return (10 - (sum % 10)) % 10;
    }
}
