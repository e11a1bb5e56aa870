using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using VibeCrm.Data.Catalog;
using VibeCrm.Web.Infrastructure.Auth;

namespace VibeCrm.Web.Features.Platform;

public sealed record OperatorSeed(string Email, string Password);

/// <summary>Platform operators: created from configuration on first start, password sign-in with lockout.</summary>
public sealed partial class OperatorAccounts(
    IDbContextFactory<CatalogDbContext> catalog,
    IPasswordHasher<PlatformOperator> hasher,
    TimeProvider clock,
    ILogger<OperatorAccounts> logger)
{
    private const int MaxFailures = 5;

    public async Task SeedAsync(IEnumerable<OperatorSeed> seeds, CancellationToken cancellationToken)
    {
        await using var db = await catalog.CreateDbContextAsync(cancellationToken);
        foreach (var seed in seeds.Where(s => !string.IsNullOrWhiteSpace(s.Email) && !string.IsNullOrWhiteSpace(s.Password)))
        {
            var email = seed.Email.Trim().ToLowerInvariant();
            if (await db.Operators.AnyAsync(o => o.Email == email, cancellationToken))
            {
                continue;
            }

            var op = new PlatformOperator { Email = email, PasswordHash = "", CreatedAt = clock.GetUtcNow() };
            op.PasswordHash = hasher.HashPassword(op, seed.Password);
            db.Operators.Add(op);
            LogCreated(logger, email);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Checks the password; on success returns the principal to sign in, else an error message.</summary>
    public async Task<(ClaimsPrincipal? Principal, string? Error)> CheckAsync(string email, string password, CancellationToken cancellationToken)
    {
        await using var db = await catalog.CreateDbContextAsync(cancellationToken);
        var normalized = email.Trim().ToLowerInvariant();
        var op = await db.Operators.FirstOrDefaultAsync(o => o.Email == normalized, cancellationToken);
        var now = clock.GetUtcNow();
        if (op is null)
        {
            hasher.HashPassword(new PlatformOperator { Email = "", PasswordHash = "" }, password);
            return (null, "Email or password is not correct.");
        }

        if (op.LockedUntil > now)
        {
            return (null, "Too many failed attempts. This account is locked for a few minutes.");
        }

        if (hasher.VerifyHashedPassword(op, op.PasswordHash, password) == PasswordVerificationResult.Failed)
        {
            op.FailedSignIns++;
            if (op.FailedSignIns >= MaxFailures)
            {
                op.LockedUntil = now.AddMinutes(15);
                op.FailedSignIns = 0;
            }

            await db.SaveChangesAsync(cancellationToken);
            return (null, "Email or password is not correct.");
        }

        op.FailedSignIns = 0;
        op.LockedUntil = null;
        await db.SaveChangesAsync(cancellationToken);
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, op.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), new Claim(ClaimTypes.Name, op.Email), new Claim(VibeClaims.Kind, "Operator")],
            AuthSchemes.Operator);
        return (new ClaimsPrincipal(identity), null);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Platform operator {Email} created from configuration")]
    private static partial void LogCreated(ILogger logger, string email);
}
