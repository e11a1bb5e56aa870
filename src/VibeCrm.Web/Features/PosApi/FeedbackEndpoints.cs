using VibeCrm.Data.Feedback;
using VibeCrm.Data.Loyalty;
using VibeCrm.Web.Features.Feedback;

namespace VibeCrm.Web.Features.PosApi;

/// <summary>A complaint, suggestion or review taken at the till: the same path as every other channel.</summary>
/// <param name="Type">review, complaint, suggestion or message.</param>
/// <param name="CardNumber">The member card, when the customer showed it; or <paramref name="CustomerId"/>.</param>
public sealed record FeedbackRequest(
    string? Type,
    int? CustomerId,
    string? CardNumber,
    string? ContactName,
    string? ContactEmail,
    int? Rating,
    string? Title,
    string? Text,
    string? StoreCode,
    string? Product,
    string? PurchaseExternalId);

public sealed record FeedbackResponse(int Id, string Type, int? CustomerId);

public static class FeedbackEndpoints
{
    public static RouteGroupBuilder MapFeedbackEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/feedback", SubmitAsync)
            .WithName("SubmitFeedback").WithSummary("Record a complaint, suggestion or review taken at the till")
            .WithDescription("The customer is given by `customerId` or `cardNumber` (or neither, with an optional `contactEmail`). It is scored for sentiment, prioritised, assigned and given SLA due times like feedback from any other channel.")
            .Accepts<FeedbackRequest>("application/json")
            .Produces<FeedbackResponse>(201).ProducesProblem(400).ProducesProblem(404);
        return api;
    }

    private static async Task<IResult> SubmitAsync(JsonBody<FeedbackRequest> body, PosApiQueries queries, FeedbackService feedback, CancellationToken ct)
    {
        var request = body.Required;
        if (!Enum.TryParse<FeedbackType>(request.Type, ignoreCase: true, out var type) || !Enum.IsDefined(type) || int.TryParse(request.Type, out _))
        {
            return PosProblems.Invalid("type", "Give the type: review, complaint, suggestion or message.");
        }

        var customerId = request.CustomerId;
        if (request.CardNumber is not null)
        {
            var card = MemberCard.NormalizeNumber(request.CardNumber);
            if (card is null)
            {
                return PosProblems.Invalid("cardNumber", "A card number has 16 digits.");
            }

            var member = await queries.MembershipRefByCardAsync(card, ct);
            if (member is null)
            {
                return PosProblems.Result(PosProblems.UnknownMember, "No member has this card number.");
            }

            customerId = member.CustomerId;
        }

        var result = await feedback.SubmitAsync(
            new FeedbackSubmission
            {
                Type = type,
                Channel = FeedbackChannel.Pos,
                CustomerId = customerId,
                ContactName = request.ContactName,
                ContactEmail = request.ContactEmail,
                Rating = request.Rating,
                Title = request.Title,
                Text = request.Text,
                Store = request.StoreCode,
                Product = request.Product,
                PurchaseReference = request.PurchaseExternalId,
            },
            new FeedbackService.SubmitOptions(),
            ct);
        if (result.Id is not { } id)
        {
            if (result.Errors.ContainsKey(nameof(FeedbackSubmission.CustomerId)))
            {
                return PosProblems.Result(PosProblems.UnknownCustomer, $"No customer {request.CustomerId}.");
            }

            return PosProblems.Invalid(result.Errors.ToDictionary(e => FieldName(e.Key), e => new[] { e.Value }));
        }

        return Results.Json(new FeedbackResponse(id, type.ToString().ToLowerInvariant(), customerId), statusCode: StatusCodes.Status201Created);
    }

    /// <summary>The request's field names: camelCase, with the till's names for store and receipt.</summary>
    private static string FieldName(string property) => property switch
    {
        nameof(FeedbackSubmission.Store) => "storeCode",
        nameof(FeedbackSubmission.PurchaseReference) => "purchaseExternalId",
        _ => char.ToLowerInvariant(property[0]) + property[1..],
    };
}
