using VibeCrm.Data.Loyalty;
using VibeCrm.Web.Features.Loyalty;

namespace VibeCrm.Web.Features.PosApi;

/// <summary>Purchases (points earned) and refunds (points reversed).</summary>
public static class PurchaseEndpoints
{
    public const int MaxLines = 500;

    public static RouteGroupBuilder MapPurchaseEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/purchases", RecordAsync)
            .WithName("RecordPurchase").WithSummary("Record a purchase: points earned, pending, new balance and tier")
            .WithDescription("The member is given by exactly one of `membershipId`, `cardNumber` or `customerId` (with `programId`). `externalId` is the till's receipt id: the same receipt twice earns once (the second answer is 200 with `duplicate: true`). `occurredAt` defaults to now; `currency` to the program's.")
            .Accepts<PurchaseRequest>("application/json")
            .WithMetadata(PosWriteUnit.JoinsAtFirstLedgerChange)
            .Produces<PurchaseResponse>(201).Produces<PurchaseResponse>(200).ProducesProblem(400).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);

        api.MapPost("/refunds", RefundAsync)
            .WithName("RefundPurchase").WithSummary("Refund a whole purchase or some of its lines: the points they earned are reversed")
            .WithDescription("Omit `lines` to refund everything left. `refundExternalId` is the till's refund id: the same refund twice reverses once. Points already spent make the balance negative; the next points earned pay it back first.")
            .Accepts<RefundRequest>("application/json")
            .Produces<RefundResponse>(201).Produces<RefundResponse>(200).ProducesProblem(400).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);
        return api;
    }

    private static async Task<IResult> RecordAsync(JsonBody<PurchaseRequest> body, PosApiQueries queries, PurchaseRecorder recorder, TimeProvider clock, CancellationToken ct)
    {
        var request = body.Required;
        var errors = Validate(request);
        if (errors.Any)
        {
            return errors.Problem();
        }

        // the recorder finds the member and checks the program and currency in the same read as the receipt id
        var member = new PurchaseMember(request.MembershipId, request.CardNumber is { } card ? MemberCard.NormalizeNumber(card) : null, request.CustomerId, request.ProgramId);
        var lines = (request.Lines ?? []).Select(l => new PurchaseLineInput(l.Sku!.Trim(), (l.Name ?? l.Sku!).Trim(), l.Category, l.Quantity!.Value, l.UnitPrice!.Value)).ToList();
        var outcome = await recorder.RecordAsync(new PurchaseInput(member, request.ExternalId!, lines, request.Total!.Value, request.Currency,
            request.PaymentMethod, request.StoreCode, request.OccurredAt ?? clock.GetUtcNow()), ct);
        if (!outcome.Result.Succeeded)
        {
            return LoyaltyRefusals.Problem(outcome.Result, "purchase", outcome.Result.Code switch
            {
                LoyaltyErrors.NotAMember => "No member of this program matches. Look the customer up, or create them with POST /customers and joinProgramId.",
                LoyaltyErrors.ProgramNotActive => "The program is not active: it records no purchases.",
                _ => null,
            });
        }

        var membershipId = outcome.MembershipId!.Value;
        var tier = outcome.Duplicate ? await queries.TierOfAsync(membershipId, ct)
            : outcome.Tier is { } reached ? new TierResponse(reached.Id, reached.Name) : null;
        var response = new PurchaseResponse(outcome.PurchaseId!.Value, request.ExternalId!.Trim(), membershipId, outcome.Points, outcome.Pending,
            outcome.ActiveBalance, outcome.PendingBalance, tier, outcome.Duplicate);
        return outcome.Duplicate ? Results.Ok(response) : Results.Json(response, statusCode: StatusCodes.Status201Created);
    }

    private static async Task<IResult> RefundAsync(JsonBody<RefundRequest> body, PurchaseRecorder recorder, CancellationToken ct)
    {
        var request = body.Required;
        var errors = new FieldErrors()
            .Require(request.ProgramId is not null, "programId", "Give the program of the purchase.")
            .Require(!string.IsNullOrWhiteSpace(request.PurchaseExternalId), "purchaseExternalId", "Give the receipt id of the purchase.")
            .Require(!string.IsNullOrWhiteSpace(request.RefundExternalId) && request.RefundExternalId.Trim().Length <= 100, "refundExternalId", "Give the till's refund id (up to 100 characters).")
            .Require(request.Lines is null || request.Lines.Count is > 0 and <= MaxLines, "lines", $"Give 1 to {MaxLines} lines, or omit lines to refund the whole purchase.");
        for (var i = 0; i < (request.Lines?.Count ?? 0); i++)
        {
            var line = request.Lines![i];
            errors.Require(!string.IsNullOrWhiteSpace(line.Sku), $"lines[{i}].sku", "Give the SKU of the refunded line.")
                .Require(line.Quantity is > 0, $"lines[{i}].quantity", "The refunded quantity must be positive.");
        }

        if (errors.Any)
        {
            return errors.Problem();
        }

        var outcome = await recorder.RefundAsync(new RefundInput(request.ProgramId!.Value, request.PurchaseExternalId!, request.RefundExternalId!,
            request.Lines?.Select(l => new RefundLineInput(l.Sku!, l.Quantity!.Value)).ToList()), ct);
        if (!outcome.Result.Succeeded)
        {
            return LoyaltyRefusals.Problem(outcome.Result, "lines", outcome.Result.Code == LoyaltyErrors.UnknownPurchase
                ? $"No purchase with receipt id '{request.PurchaseExternalId}' in program {request.ProgramId}."
                : null);
        }

        var response = new RefundResponse(request.PurchaseExternalId!.Trim(), request.RefundExternalId!.Trim(), outcome.PointsReversed, outcome.AmountRefunded,
            outcome.PointsFromDebt, outcome.ActiveBalance, outcome.Duplicate);
        return outcome.Duplicate ? Results.Ok(response) : Results.Json(response, statusCode: StatusCodes.Status201Created);
    }

    private static FieldErrors Validate(PurchaseRequest request)
    {
        var errors = new FieldErrors();
        var memberGiven = new object?[] { request.MembershipId, request.CardNumber, request.CustomerId }.Count(v => v is not null);
        errors.Require(memberGiven == 1, "membershipId", "Give exactly one of membershipId, cardNumber or customerId.")
            .Require(request.CustomerId is null || request.ProgramId is not null, "programId", "With customerId, give the programId too.")
            .Require(request.CardNumber is null || MemberCard.NormalizeNumber(request.CardNumber) is not null, "cardNumber", "A card number has 16 digits.")
            .Require(!string.IsNullOrWhiteSpace(request.ExternalId) && request.ExternalId.Trim().Length <= 100, "externalId", "Give the till's receipt id (up to 100 characters).")
            .Require(request.Total is >= 0, "total", "Give the total paid (0 or more).")
            .Require(request.Currency is null || request.Currency.Trim().Length == 3, "currency", "Give the currency as a 3-letter code.")
            .Require(request.PaymentMethod is null || request.PaymentMethod.Length <= 40, "paymentMethod", "Up to 40 characters.")
            .Require(request.StoreCode is null || request.StoreCode.Length <= 64, "storeCode", "Up to 64 characters.")
            .Require((request.Lines?.Count ?? 0) <= MaxLines, "lines", $"At most {MaxLines} lines.");
        for (var i = 0; i < (request.Lines?.Count ?? 0); i++)
        {
            var line = request.Lines![i];
            if (line is null)
            {
                errors.Add($"lines[{i}]", "A line cannot be null.");
                continue;
            }

            errors.Require(!string.IsNullOrWhiteSpace(line.Sku) && line.Sku.Length <= 64, $"lines[{i}].sku", "Give the SKU (up to 64 characters).")
                .Require(line.Name is null || line.Name.Length <= 200, $"lines[{i}].name", "Up to 200 characters.")
                .Require(line.Category is null || line.Category.Length <= 100, $"lines[{i}].category", "Up to 100 characters.")
                .Require(line.Quantity is > 0, $"lines[{i}].quantity", "The quantity must be positive.")
                .Require(line.UnitPrice is >= 0, $"lines[{i}].unitPrice", "Give the unit price (0 or more).");
        }

        return errors;
    }
}
