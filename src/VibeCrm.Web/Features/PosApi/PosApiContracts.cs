using VibeCrm.Data.Loyalty;

namespace VibeCrm.Web.Features.PosApi;

// Requests. Properties are nullable so that a missing field is a field error, not a deserialization failure.

public sealed record CustomerRequest(
    string? Email,
    string? Phone,
    string? FirstName,
    string? LastName,
    DateOnly? Birthday,
    string? Language,
    string? PreferredStore,
    /// <summary>Join this program too (idempotent: an existing membership is kept).</summary>
    int? JoinProgramId);

public sealed record PurchaseLineRequest(string? Sku, string? Name, string? Category, decimal? Quantity, decimal? UnitPrice);

/// <summary>The member is given by exactly one of membershipId, cardNumber or customerId.</summary>
public sealed record PurchaseRequest(
    int? ProgramId,
    int? MembershipId,
    string? CardNumber,
    int? CustomerId,
    string? ExternalId,
    IReadOnlyList<PurchaseLineRequest>? Lines,
    decimal? Total,
    string? Currency,
    string? PaymentMethod,
    string? StoreCode,
    DateTimeOffset? OccurredAt);

public sealed record RefundLineRequest(string? Sku, decimal? Quantity);

/// <param name="Lines">Omit (or null) to refund the whole purchase.</param>
public sealed record RefundRequest(int? ProgramId, string? PurchaseExternalId, string? RefundExternalId, IReadOnlyList<RefundLineRequest>? Lines);

public sealed record RedeemRequest(int? RewardId);

public sealed record ConsumeRequest(string? StoreCode);

public sealed record CancelCodeRequest(string? Reason);

// Responses.

public sealed record TierResponse(int Id, string Name);

public sealed record ProgramTierResponse(int Id, string Name, decimal Threshold, int SortOrder);

public sealed record ProgramResponse(int Id, string Name, string UnitName, ProgramStatus Status, string Currency, decimal PointsPerCurrencyUnit, decimal PointValue, int PendingDays, IReadOnlyList<ProgramTierResponse> Tiers);

public sealed record MembershipResponse(
    int MembershipId,
    int ProgramId,
    string CardNumber,
    string QrPayload,
    int ActivePoints,
    int PendingPoints,
    TierResponse? Tier,
    DateTimeOffset JoinedAt);

public sealed record MemberResponse(int CustomerId, string? FirstName, string? LastName, string? Email, string? Phone, IReadOnlyList<MembershipResponse> Memberships);

public sealed record CustomerResponse(int CustomerId, bool Created, MembershipResponse? Membership, bool Joined);

public sealed record NextTierResponse(string Name, decimal Threshold, decimal Remaining);

public sealed record BalanceResponse(
    int MembershipId,
    int ProgramId,
    int CustomerId,
    string CardNumber,
    string UnitName,
    int ActivePoints,
    int PendingPoints,
    decimal ActiveValue,
    TierResponse? Tier,
    TierBasis TierBasis,
    decimal QualifyingValue,
    NextTierResponse? NextTier);

public sealed record PurchaseResponse(
    int PurchaseId,
    string ExternalId,
    int MembershipId,
    int PointsEarned,
    bool Pending,
    int ActiveBalance,
    int PendingBalance,
    TierResponse? Tier,
    bool Duplicate);

public sealed record RefundResponse(string PurchaseExternalId, string RefundExternalId, int PointsReversed, decimal AmountRefunded, int PointsFromDebt, int ActiveBalance, bool Duplicate);

public sealed record RewardResponse(int Id, string Name, string? Description, RewardKind Kind, decimal? Value, int CostPoints, int? StockLeft, DateTimeOffset? AvailableUntil, bool Affordable);

public sealed record RewardCodeResponse(
    string Code,
    string Status,
    bool Usable,
    int MembershipId,
    int RewardId,
    string RewardName,
    RewardKind Kind,
    decimal? Value,
    string? FreeItemSku,
    string? VoucherCode,
    int Points,
    DateTimeOffset IssuedAt,
    DateTimeOffset ExpiresAt);

public sealed record CodeCancelledResponse(string Code, string Status, int PointsReturned, int ActiveBalance);
