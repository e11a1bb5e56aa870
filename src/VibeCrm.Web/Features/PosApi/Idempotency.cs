using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using VibeCrm.Data.PosApi;
using VibeCrm.Data.Tenants;
using VibeCrm.Web.Infrastructure.Jobs;

namespace VibeCrm.Web.Features.PosApi;

/// <summary>
/// Stripe's idempotency semantics for every POST of the API. With an <c>Idempotency-Key</c> header, the key is claimed
/// (an insert under a unique (API key, Idempotency-Key) index, committed) before the endpoint runs, so of any number of
/// concurrent requests exactly one does the work. Retries with the same method, path and body get the first response
/// again, with <c>Idempotent-Replayed: true</c>; a different request under the same key gets 422; a retry while the first
/// is still running gets 409. Responses below 500 are kept, except 400s (nothing ran: the retry may fix the request);
/// a 5xx or an exception releases the key. On SQLite the claim and the work each pass the tenant's
/// <see cref="PosWriteGate"/>, so that concurrent tills queue instead of spinning on the database lock.
/// </summary>
public sealed class IdempotencyFilter(TenantDbContext db, TimeProvider clock, IOptions<PosApiOptions> options, PosWriteGate gate) : IEndpointFilter
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    public const int MaxKeyLength = 255;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var key = http.Request.Headers[Header].ToString();
        if (!HttpMethods.IsPost(http.Request.Method))
        {
            return await next(context);
        }

        var tenantId = http.User.FindFirst(Infrastructure.Auth.VibeClaims.Tenant)?.Value ?? "";
        if (key.Length == 0)
        {
            using (await gate.EnterAsync(tenantId, http.RequestAborted))
            {
                return await Execute(context, next);
            }
        }

        if (key.Length > MaxKeyLength || key.Any(char.IsControl))
        {
            return PosProblems.Invalid(Header, $"The Idempotency-Key header must be 1 to {MaxKeyLength} printable characters (a UUID is a good choice).");
        }

        var body = await PosRequestBody.ReadAsync(http) ?? [];
        var hash = RequestHash(http.Request.Method, PosApiRoutes.RelativePath(http.Request.Path), body);
        var apiKeyId = http.User.KeyId();
        Claim claim;
        using (await gate.EnterAsync(tenantId, http.RequestAborted))
        {
            claim = await ClaimAsync(apiKeyId, key, hash, http.RequestAborted);
        }

        if (claim.Existing is { } existing)
        {
            return Answer(http, existing, hash);
        }

        using (await gate.EnterAsync(tenantId, http.RequestAborted))
        {
            return await RunAndStoreAsync(context, next, claim.RecordId!.Value);
        }
    }

    /// <summary>Runs the endpoint and writes its result now, so that the write gate covers it.</summary>
    private static async Task<object?> Execute(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        await (result as IResult ?? (result is null ? Results.Empty : TypedResults.Ok(result))).ExecuteAsync(context.HttpContext);
        return Results.Empty;
    }

    private async Task<object?> RunAndStoreAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next, long recordId)
    {
        var http = context.HttpContext;
        var original = http.Response.Body;
        using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        try
        {
            await Execute(context, next);
        }
        catch
        {
            http.Response.Body = original;
            await ReleaseAsync(recordId);
            throw;
        }

        http.Response.Body = original;
        var status = http.Response.StatusCode;
        if (status >= 500 || status == StatusCodes.Status400BadRequest)
        {
            await ReleaseAsync(recordId);
        }
        else
        {
            var text = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
            var contentType = http.Response.ContentType;
            var location = http.Response.Headers.Location.ToString();
            var now = clock.GetUtcNow();
            await db.IdempotencyRecords.Where(r => r.Id == recordId).ExecuteUpdateAsync(u => u
                .SetProperty(r => r.ResponseStatus, status)
                .SetProperty(r => r.ResponseBody, text)
                .SetProperty(r => r.ResponseContentType, contentType)
                .SetProperty(r => r.ResponseLocation, location.Length > 0 ? location : null)
                .SetProperty(r => r.CompletedAt, now), CancellationToken.None);
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(original, http.RequestAborted);
        return Results.Empty;
    }

    private sealed record Claim(long? RecordId, IdempotencyRecord? Existing);

    /// <summary>Inserts the key (the unique index decides who runs); on a conflict, the record that is already there.</summary>
    private async Task<Claim> ClaimAsync(int apiKeyId, string key, string hash, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var record = new IdempotencyRecord { ApiKeyId = apiKeyId, Key = key, RequestHash = hash, CreatedAt = now };
        db.IdempotencyRecords.Add(record);
        try
        {
            await db.SaveChangesAsync(ct);
            return new Claim(record.Id, null);
        }
        catch (DbUpdateException)
        {
            // someone holds the key already (the unique index said so)
        }
        finally
        {
            db.Entry(record).State = EntityState.Detached;
        }

        var existing = await db.IdempotencyRecords.AsNoTracking().SingleAsync(r => r.ApiKeyId == apiKeyId && r.Key == key, ct);
        if (existing.ResponseStatus is null && existing.RequestHash == hash && existing.CreatedAt < now - options.Value.IdempotencyLockTimeout)
        {
            // the first request never finished (the process died): take the key over, once
            var taken = await db.IdempotencyRecords.Where(r => r.Id == existing.Id && r.ResponseStatus == null && r.CreatedAt == existing.CreatedAt)
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.CreatedAt, now), ct);
            if (taken == 1)
            {
                return new Claim(existing.Id, null);
            }
        }

        return new Claim(null, existing);
    }

    private static IResult Answer(HttpContext http, IdempotencyRecord existing, string hash)
    {
        if (existing.RequestHash != hash)
        {
            return PosProblems.Result(PosProblems.IdempotencyMismatch,
                "This Idempotency-Key was already used for a different request (method, path or body). Use a new key for a new request.");
        }

        if (existing.ResponseStatus is not { } status)
        {
            http.Response.Headers.RetryAfter = "1";
            return PosProblems.Result(PosProblems.IdempotencyInFlight, "The first request with this Idempotency-Key is still running. Retry in a moment to get its response.");
        }

        http.Response.Headers[ReplayedHeader] = "true";
        if (existing.ResponseLocation is { } location)
        {
            http.Response.Headers.Location = location;
        }

        return Results.Text(existing.ResponseBody ?? "", existing.ResponseContentType, Encoding.UTF8, status);
    }

    private async Task ReleaseAsync(long recordId) =>
        await db.IdempotencyRecords.Where(r => r.Id == recordId).ExecuteDeleteAsync(CancellationToken.None);

    /// <summary>Hex SHA-256 of method, the path after <c>/api/v1</c> (so both URL forms match) and the body bytes.</summary>
    public static string RequestHash(string method, string path, byte[] body)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes($"{method.ToUpperInvariant()}\n{path}\n"));
        sha.AppendData(body);
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}

/// <summary>Forgets idempotency keys after the retention period (24 h by default).</summary>
public sealed class IdempotencyPurgeJob(TenantDbContext db, TimeProvider clock, IOptions<PosApiOptions> options) : ITenantJob
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow() - options.Value.IdempotencyRetention;
        await db.IdempotencyRecords.Where(r => r.CreatedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
    }
}
