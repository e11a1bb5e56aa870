using Microsoft.EntityFrameworkCore;
using VibeCrm.Data.Crm;
using VibeCrm.Data.Identity;
using VibeCrm.Data.Tenants;
using VibeCrm.Web.Features.Customers;

namespace VibeCrm.Web.Features.Members;

/// <summary>The outcome of linking a member account to its customer record.</summary>
public sealed record MemberCustomerOutcome(CommandResult Result, int? CustomerId = null)
{
    public static MemberCustomerOutcome Fail(string error) => new(CommandResult.Fail(error));
}

/// <summary>
/// A member account (portal sign-in) and a customer (the CRM record with the history, the loyalty membership and the
/// feedback) are two things: a shopper may be a customer long before joining the portal. This links them once, by email
/// (an existing customer with the confirmed email is reused, otherwise one is created), and records the member's email
/// consent from the portal. Portal features call <see cref="EnsureAsync"/> and then work with the customer id.
/// </summary>
public sealed class MemberCustomers(TenantDbContext db, CustomerService customers, ConsentService consents)
{
    /// <summary>The linked customer, or null when the account is not linked yet (or not a member).</summary>
    public Task<int?> FindAsync(string userId, CancellationToken ct) =>
        db.Users.AsNoTracking()
            .Where(u => u.Id == userId && u.Kind == AccountKind.Member)
            .Select(u => u.CustomerId)
            .FirstOrDefaultAsync(ct);

    /// <summary>Returns the member's customer, linking or creating it on first use. Only confirmed accounts are linked.</summary>
    public async Task<MemberCustomerOutcome> EnsureAsync(string userId, CancellationToken ct)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId && u.Kind == AccountKind.Member, ct);
        if (user is null)
        {
            return MemberCustomerOutcome.Fail("Your account no longer exists.");
        }

        if (user.CustomerId is { } linked && await LiveCustomerAsync(linked, ct) is { } live)
        {
            if (live != linked)
            {
                user.CustomerId = live;
                await db.SaveChangesAsync(ct);
            }

            return new MemberCustomerOutcome(CommandResult.Ok, live);
        }

        if (!user.EmailConfirmed)
        {
            return MemberCustomerOutcome.Fail("Confirm your email address first: we sent you a link when you joined.");
        }

        var (result, customerId, created) = await customers.UpsertByEmailOrPhoneAsync(
            new CustomerInput { FirstName = user.FirstName, LastName = user.LastName, Email = user.Email },
            RecordSource.Portal,
            ct);
        if (!result.Succeeded || customerId is not { } id)
        {
            return MemberCustomerOutcome.Fail(result.Error ?? "Your customer record could not be created.");
        }

        // The customer service may have cleared the change tracker: load the account again before changing it.
        var account = await db.Users.FirstAsync(u => u.Id == userId, ct);
        account.CustomerId = id;
        await db.SaveChangesAsync(ct);
        if (created || user.MarketingEmailOptIn)
        {
            await consents.RecordAsync(id, ContactChannel.Email, user.MarketingEmailOptIn, RecordSource.Portal, "Member portal sign-up", null, ct);
        }

        return new MemberCustomerOutcome(CommandResult.Ok, id);
    }

    /// <summary>Follows merges to the surviving customer; null when the customer is gone or was erased on request.</summary>
    private async Task<int?> LiveCustomerAsync(int customerId, CancellationToken ct)
    {
        for (var hops = 0; hops < 10; hops++)
        {
            var customer = await db.Customers.AsNoTracking()
                .Where(c => c.Id == customerId)
                .Select(c => new { c.MergedIntoId, c.ErasedAt })
                .FirstOrDefaultAsync(ct);
            if (customer is null || customer.ErasedAt is not null)
            {
                return null;
            }

            if (customer.MergedIntoId is not { } next)
            {
                return customerId;
            }

            customerId = next;
        }

        return null;
    }
}
