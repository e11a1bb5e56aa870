using Microsoft.AspNetCore.Mvc;

namespace VibeCrm.Web.Features.PosApi;

/// <summary>One kind of error of the POS API: its status, its <c>type</c> URI (documented on the reference page) and title.</summary>
public sealed record PosProblemKind(int Status, string Slug, string Title)
{
    public string Type => PosProblems.TypeBase + Slug;
}

/// <summary>
/// Every error of the POS API is <c>application/problem+json</c> (RFC 9457) with a <c>type</c> per kind of error, a title
/// that names it and a detail that says what to do. Validation errors add an <c>errors</c> object: field → messages.
/// </summary>
public static class PosProblems
{
    public const string TypeBase = "https://vibecrm.app/problems/";

    public static readonly PosProblemKind Validation = new(400, "validation", "The request is not valid");
    public static readonly PosProblemKind MalformedJson = new(400, "malformed-json", "The request body is not valid JSON");
    public static readonly PosProblemKind MissingKey = new(401, "missing-api-key", "An API key is required");
    public static readonly PosProblemKind InvalidKey = new(401, "invalid-api-key", "The API key is not valid");
    public static readonly PosProblemKind RevokedKey = new(401, "revoked-api-key", "The API key was revoked");
    public static readonly PosProblemKind Forbidden = new(403, "forbidden", "This key may not do that");
    public static readonly PosProblemKind NotFound = new(404, "not-found", "No such endpoint");
    public static readonly PosProblemKind MethodNotAllowed = new(405, "method-not-allowed", "This endpoint does not take this method");
    public static readonly PosProblemKind UnknownProgram = new(404, "unknown-program", "Unknown loyalty program");
    public static readonly PosProblemKind UnknownMember = new(404, "unknown-member", "Unknown member");
    public static readonly PosProblemKind UnknownCustomer = new(404, "unknown-customer", "Unknown customer");
    public static readonly PosProblemKind UnknownPurchase = new(404, "unknown-purchase", "Unknown purchase");
    public static readonly PosProblemKind UnknownReward = new(404, "unknown-reward", "Unknown reward");
    public static readonly PosProblemKind RewardUnavailable = new(409, "reward-unavailable", "The reward cannot be redeemed now");
    public static readonly PosProblemKind UnknownCode = new(404, "unknown-code", "Unknown reward code");
    public static readonly PosProblemKind ProgramClosed = new(409, "program-closed", "The loyalty program is not active");
    public static readonly PosProblemKind CodeExpired = new(409, "code-expired", "The reward code has expired");
    public static readonly PosProblemKind CodeUsed = new(409, "code-already-used", "The reward code was already used");
    public static readonly PosProblemKind CodeCancelled = new(409, "code-cancelled", "The reward code was cancelled");
    public static readonly PosProblemKind InsufficientPoints = new(409, "insufficient-points", "Not enough points");
    public static readonly PosProblemKind AlreadyRefunded = new(409, "already-refunded", "Nothing left to refund");
    public static readonly PosProblemKind CustomerRefused = new(409, "customer-not-eligible", "The customer cannot join");
    public static readonly PosProblemKind IdempotencyInFlight = new(409, "idempotency-in-progress", "A request with this Idempotency-Key is still running");
    public static readonly PosProblemKind IdempotencyMismatch = new(422, "idempotency-key-reused", "This Idempotency-Key was used with a different request");
    public static readonly PosProblemKind RateLimited = new(429, "rate-limited", "Too many requests for this API key");
    public static readonly PosProblemKind ServerError = new(500, "server-error", "Something went wrong on our side");

    /// <summary>Every kind, for the reference page.</summary>
    public static IReadOnlyList<PosProblemKind> All { get; } =
    [
        Validation, MalformedJson, MissingKey, InvalidKey, RevokedKey, Forbidden, NotFound, MethodNotAllowed, UnknownProgram, UnknownMember, UnknownCustomer,
        UnknownPurchase, UnknownReward, RewardUnavailable, UnknownCode, ProgramClosed, CodeExpired, CodeUsed, CodeCancelled, InsufficientPoints, AlreadyRefunded,
        CustomerRefused, IdempotencyInFlight, IdempotencyMismatch, RateLimited, ServerError,
    ];

    public static ProblemDetails Create(PosProblemKind kind, string detail, HttpContext? context = null)
    {
        var problem = new ProblemDetails { Type = kind.Type, Title = kind.Title, Status = kind.Status, Detail = detail };
        if (context is not null)
        {
            problem.Instance = context.Request.Path;
            problem.Extensions["traceId"] = context.TraceIdentifier;
        }

        return problem;
    }

    public static IResult Result(PosProblemKind kind, string detail) =>
        TypedResults.Problem(Create(kind, detail));

    public static IResult Invalid(IDictionary<string, string[]> errors, string? detail = null) =>
        TypedResults.Problem(ValidationProblem(errors, detail));

    public static IResult Invalid(string field, string message) =>
        Invalid(new Dictionary<string, string[]> { [field] = [message] }, message);

    public static HttpValidationProblemDetails ValidationProblem(IDictionary<string, string[]> errors, string? detail = null) => new(errors)
    {
        Type = Validation.Type,
        Title = Validation.Title,
        Status = Validation.Status,
        Detail = detail ?? "Some fields are missing or not valid: see errors.",
    };

    /// <summary>Writes a problem outside an endpoint (authentication, rate limiting, fallbacks).</summary>
    public static async Task WriteAsync(HttpContext context, PosProblemKind kind, string detail)
    {
        context.Response.StatusCode = kind.Status;
        await context.Response.WriteAsJsonAsync(Create(kind, detail, context), PosJson.Options, "application/problem+json", context.RequestAborted);
    }
}
