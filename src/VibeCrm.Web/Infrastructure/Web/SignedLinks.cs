using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using VibeCrm.Tenancy;

namespace VibeCrm.Web.Infrastructure.Web;

public enum SignedLinkStatus
{
    Valid = 0,

    /// <summary>Tampered, truncated, for another purpose or another tenant.</summary>
    Invalid = 1,

    Expired = 2,
}

/// <summary>What a signed link token said: its status and, when valid, the payload it carries.</summary>
public sealed record SignedLinkRead(SignedLinkStatus Status, string? Payload = null)
{
    public bool IsValid => Status == SignedLinkStatus.Valid;
}

/// <summary>
/// Tokens for links that need no login (review invitations, surveys, email replies, unsubscribe). A token carries a
/// payload and an expiry, is encrypted and authenticated with the data-protection key ring (shared by all instances), and
/// is bound to a purpose and to the tenant in scope: a token for one purpose or tenant reads as invalid anywhere else.
/// Single use ("answered once") is the caller's rule, kept in its own records.
/// </summary>
public sealed class SignedLinks(IDataProtectionProvider provider, ITenantContextAccessor tenants, TimeProvider clock)
{
    private const char Separator = '|';

    public string Create(string purpose, string payload, TimeSpan lifetime)
    {
        var expires = clock.GetUtcNow().Add(lifetime).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return Protector(purpose).Protect(expires + Separator + payload);
    }

    public SignedLinkRead Read(string purpose, string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 4096)
        {
            return new SignedLinkRead(SignedLinkStatus.Invalid);
        }

        string plain;
        try
        {
            plain = Protector(purpose).Unprotect(token.Trim());
        }
        catch (CryptographicException)
        {
            return new SignedLinkRead(SignedLinkStatus.Invalid);
        }

        var cut = plain.IndexOf(Separator, StringComparison.Ordinal);
        if (cut <= 0 || !long.TryParse(plain.AsSpan(0, cut), NumberStyles.None, CultureInfo.InvariantCulture, out var expires))
        {
            return new SignedLinkRead(SignedLinkStatus.Invalid);
        }

        return clock.GetUtcNow().ToUnixTimeSeconds() >= expires
            ? new SignedLinkRead(SignedLinkStatus.Expired)
            : new SignedLinkRead(SignedLinkStatus.Valid, plain[(cut + 1)..]);
    }

    private IDataProtector Protector(string purpose)
    {
        var tenant = tenants.Current ?? throw new InvalidOperationException("Signed links are made and read inside a tenant scope.");
        return provider.CreateProtector("VibeCrm.SignedLinks", tenant.Id, purpose);
    }
}
