using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using VibeCrm.Data;
using VibeCrm.Data.PosApi;
using VibeCrm.Data.Tenants;
using VibeCrm.Web.Infrastructure.Jobs;

namespace VibeCrm.Web.Features.PosApi;

/// <summary>
/// Stripe's idempotency semantics for every POST of the API. Retries with the same <c>Idempotency-Key</c>, method, path
/// and body get the first response again, with <c>Idempotent-Replayed: true</c>; a different request under the same key
/// gets 422; a retry while the first is still running gets 409. Responses below 500 are kept, except 400s (nothing ran:
/// the retry may fix the request); a 5xx or an exception keeps nothing.
/// <para>
/// On SQLite the request is one transaction in the tenant's group commit (<see cref="PosWriteGate"/>): what the endpoint
/// writes and the stored response commit together or not at all, and the answer leaves only once committed. Requests
/// running in this process hold their key in memory (a concurrent retry gets 409 at once); the unique
/// (API key, Idempotency-Key) index settles a race with another process: the loser's transaction is undone and it
/// answers with the winner's response.
/// </para>
/// <para>
/// On SQL Server requests run side by side and the key is claimed first (an insert under the unique index, committed),
/// so that of any number of concurrent requests exactly one does the work; its response is stored when it is done.
/// </para>
/// </summary>
public sealed class IdempotencyFilter(TenantDbContext db, TimeProvider clock, IOptions<PosApiOptions> options, DatabaseLocator locator,
    PosWriteUnit unit, InFlightKeys inFlight) : IEndpointFilter
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

        if (key.Length > MaxKeyLength || key.Any(char.IsControl))
        {
            return PosProblems.Invalid(Header, $"The Idempotency-Key header must be 1 to {MaxKeyLength} printable characters (a UUID is a good choice).");
        }

        var tenantId = http.User.FindFirst(Infrastructure.Auth.VibeClaims.Tenant)?.Value ?? "";
        if (locator.Provider != DatabaseProvider.Sqlite)
        {
            return key.Length == 0 ? await next(context) : await ClaimFirstAsync(context, next, key);
        }

        // the request's reads share one connection: each open of a pooled connection registers EF's SQL functions anew
        await db.Database.OpenConnectionAsync(http.RequestAborted);
        if (key.Length == 0)
        {
            return await InTransactionAsync(context, next, tenantId, null);
        }

        var body = await PosRequestBody.ReadAsync(http) ?? [];
        var request = new KeyedRequest(http.User.KeyId(), key, RequestHash(http.Request.Method, PosApiRoutes.RelativePath(http.Request.Path), body));
        var flight = (tenantId, request.ApiKeyId, key);
        if (!inFlight.TryAdd(flight))
        {
            return InProgress(http);
        }

        try
        {
            // checked while holding the key in memory: a finished request of this process has committed before letting it go
            var existing = await FindAsync(request, http.RequestAborted);
            return existing is not null && !IsAbandoned(existing, request.Hash)
                ? Answer(http, existing, request.Hash)
                : await InTransactionAsync(context, next, tenantId, request with { Abandoned = existing?.Id });
        }
        finally
        {
            inFlight.Remove(flight);
        }
    }

    private sealed record KeyedRequest(int ApiKeyId, string Key, string Hash, long? Abandoned = null);

    /// <summary>
    /// Runs the endpoint in this request's turn of the group commit, stores its response under the key (when there is
    /// one and the answer is kept) in the same transaction, waits for the commit, then sends the response.
    /// </summary>
    private async Task<object?> InTransactionAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next, string tenantId, KeyedRequest? request)
    {
        var http = context.HttpContext;
        var runner = http.RequestServices.GetRequiredService<Loyalty.LedgerRunner>();
        var joinsLate = http.GetEndpoint()?.Metadata.Contains(PosWriteUnit.JoinsAtFirstLedgerChange) == true;
        unit.Activate(tenantId, joinsLate);
        var original = http.Response.Body;
        using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        var kept = false;
        try
        {
            if (!joinsLate)
            {
                await unit.JoinAsync(http.RequestAborted);
            }

            await Execute(context, next);
            var status = http.Response.StatusCode;
            kept = request is null ? status < 500 : IsKept(status);
            if (kept && request is not null)
            {
                await unit.JoinAsync(http.RequestAborted);
                if (!await StoreAsync(request, http, buffer))
                {
                    // another process completed the same key meanwhile: its answer stands, ours is undone
                    kept = false;
                    await unit.EndAsync(keep: false);
                    runner.RolledBack();
                    http.Response.Body = original;
                    http.Response.Clear();
                    var winner = await FindAsync(request, CancellationToken.None);
                    return winner is null ? InProgress(http) : Answer(http, winner, request.Hash);
                }
            }

            await unit.EndAsync(kept);
        }
        catch
        {
            http.Response.Body = original;
            await unit.EndAsync(keep: false);
            runner.RolledBack();
            throw;
        }

        http.Response.Body = original;
        if (kept)
        {
            runner.Committed();
        }
        else
        {
            runner.RolledBack();
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(original, http.RequestAborted);
        return Results.Empty;
    }

    /// <summary>Inserts the key with the response; false when the key is already taken.</summary>
    private async Task<bool> StoreAsync(KeyedRequest request, HttpContext http, MemoryStream buffer)
    {
        if (request.Abandoned is { } abandoned)
        {
            await db.IdempotencyRecords.Where(r => r.Id == abandoned && r.ResponseStatus == null).ExecuteDeleteAsync(CancellationToken.None);
        }

        // one plain insert in the request's transaction (SQLite only: this is the group-commit path; instants are stored as
        // UTC ticks there, see ProviderConventions); on a conflict the whole request is undone by the caller
        var response = StoredResponse.Of(http, buffer);
        var now = clock.GetUtcNow().UtcTicks;
        try
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "PosIdempotencyKeys" ("ApiKeyId", "Key", "RequestHash", "CreatedAt", "CompletedAt", "ResponseStatus", "ResponseBody", "ResponseContentType", "ResponseLocation")
                VALUES ({request.ApiKeyId}, {request.Key}, {request.Hash}, {now}, {now}, {response.Status}, {response.Body}, {response.ContentType}, {response.Location})
                """, CancellationToken.None);
            return true;
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == SqliteConstraint)
        {
            return false;
        }
    }

    /// <summary>SQLITE_CONSTRAINT: here, the unique (API key, Idempotency-Key) index.</summary>
    private const int SqliteConstraint = 19;

    /// <summary>Under a key, answers below 500 are kept, except 400s (nothing ran: the retry may fix the request).</summary>
    private static bool IsKept(int status) => status < 500 && status != StatusCodes.Status400BadRequest;

    /// <summary>What is stored of a buffered response, to be replayed.</summary>
    private sealed record StoredResponse(int Status, string Body, string? ContentType, string? Location)
    {
        public static StoredResponse Of(HttpContext http, MemoryStream buffer)
        {
            var location = http.Response.Headers.Location.ToString();
            return new StoredResponse(http.Response.StatusCode, Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length),
                http.Response.ContentType, location.Length > 0 ? location : null);
        }
    }

    private Task<IdempotencyRecord?> FindAsync(KeyedRequest request, CancellationToken ct) => RecordByKey(db, request.ApiKeyId, request.Key, ct);

    /// <summary>Compiled: every keyed POST looks its key up first.</summary>
    private static readonly Func<TenantDbContext, int, string, CancellationToken, Task<IdempotencyRecord?>> RecordByKey =
        EF.CompileAsyncQuery((TenantDbContext db, int apiKeyId, string key, CancellationToken ct) =>
            db.IdempotencyRecords.AsNoTracking().SingleOrDefault(r => r.ApiKeyId == apiKeyId && r.Key == key));

    /// <summary>A claim whose request never finished (its process died) and whose lock timeout has passed: it may be run again, once.</summary>
    private bool IsAbandoned(IdempotencyRecord existing, string hash) =>
        existing.ResponseStatus is null && existing.RequestHash == hash && existing.CreatedAt < clock.GetUtcNow() - options.Value.IdempotencyLockTimeout;

    /// <summary>SQL Server: claim (committed), run, store the response — see the class summary.</summary>
    private async Task<object?> ClaimFirstAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next, string key)
    {
        var http = context.HttpContext;
        var body = await PosRequestBody.ReadAsync(http) ?? [];
        var hash = RequestHash(http.Request.Method, PosApiRoutes.RelativePath(http.Request.Path), body);
        var claim = await ClaimAsync(http.User.KeyId(), key, hash, http.RequestAborted);
        return claim.Existing is { } existing ? Answer(http, existing, hash) : await RunAndStoreAsync(context, next, claim.RecordId!.Value);
    }

    /// <summary>Runs the endpoint and writes its result now, so that it can be buffered and stored.</summary>
    private static async Task<object?> Execute(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        await (result as IResult ?? (result is null ? Results.Empty : TypedResults.Ok(result))).ExecuteAsync(context.HttpContext);
        return Results.Empty;
    }

    /// <summary>SQL Server: runs the endpoint with the claim held, then stores its response (or releases the claim).</summary>
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
        if (!IsKept(http.Response.StatusCode))
        {
            await ReleaseAsync(recordId);
        }
        else
        {
            var response = StoredResponse.Of(http, buffer);
            var now = clock.GetUtcNow();
            await db.IdempotencyRecords.Where(r => r.Id == recordId).ExecuteUpdateAsync(u => u
                .SetProperty(r => r.ResponseStatus, response.Status)
                .SetProperty(r => r.ResponseBody, response.Body)
                .SetProperty(r => r.ResponseContentType, response.ContentType)
                .SetProperty(r => r.ResponseLocation, response.Location)
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
            return InProgress(http);
        }

        http.Response.Headers[ReplayedHeader] = "true";
        if (existing.ResponseLocation is { } location)
        {
            http.Response.Headers.Location = location;
        }

        return Results.Text(existing.ResponseBody ?? "", existing.ResponseContentType, Encoding.UTF8, status);
    }

    private static IResult InProgress(HttpContext http)
    {
        http.Response.Headers.RetryAfter = "1";
        return PosProblems.Result(PosProblems.IdempotencyInFlight, "The first request with this Idempotency-Key is still running. Retry in a moment to get its response.");
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

/// <summary>The idempotency keys of the requests running in this process, by tenant and API key.</summary>
public sealed class InFlightKeys
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Tenant, int ApiKeyId, string Key), byte> _keys = new();

    public bool TryAdd((string Tenant, int ApiKeyId, string Key) key) => _keys.TryAdd(key, 0);

    public void Remove((string Tenant, int ApiKeyId, string Key) key) => _keys.TryRemove(key, out _);
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
