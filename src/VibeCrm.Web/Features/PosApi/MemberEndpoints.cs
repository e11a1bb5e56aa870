using Microsoft.EntityFrameworkCore;
using VibeCrm.Data.Crm;
using VibeCrm.Data.Loyalty;
using VibeCrm.Data.Tenants;
using VibeCrm.Tenancy;
using VibeCrm.Web.Features.Customers;
using VibeCrm.Web.Features.Loyalty;

namespace VibeCrm.Web.Features.PosApi;

/// <summary>Programs, member lookup, customer upsert (and joining), balance and the rewards a member can take.</summary>
public static class MemberEndpoints
{
    public static RouteGroupBuilder MapMemberEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/programs", async (PosApiQueries queries, CancellationToken ct) => TypedResults.Ok(await queries.ProgramsAsync(ct)))
            .WithName("ListPrograms").WithSummary("The loyalty programs (active and closed), with their tiers")
            .Produces<IReadOnlyList<ProgramResponse>>();

        api.MapGet("/members/lookup", LookupAsync)
            .WithName("LookUpMember").WithSummary("Find a customer and their memberships by email, phone, card number or QR payload")
            .WithDescription("Give exactly one of `email`, `phone` (normalized to E.164 like the CRM, national numbers read in the merchant's country), `cardNumber` (16 digits, spaces allowed) or `qr` (the member card's QR payload, `VIBECRM:CARD:<number>`). With `programId`, a customer who is not a member of that program is an unknown member.")
            .Produces<MemberResponse>().ProducesProblem(400).ProducesProblem(404);

        api.MapPost("/customers", UpsertCustomerAsync)
            .WithName("UpsertCustomer").WithSummary("Create or update a customer (matched by email, then phone) and optionally join a program")
            .Accepts<CustomerRequest>("application/json")
            .Produces<CustomerResponse>(200).Produces<CustomerResponse>(201).ProducesProblem(400).ProducesProblem(404).ProducesProblem(409);

        api.MapGet("/members/{membershipId:int}/balance", async (int membershipId, PosApiQueries queries, CancellationToken ct) =>
                await queries.BalanceAsync(membershipId, ct) is { } balance
                    ? Results.Ok(balance)
                    : PosProblems.Result(PosProblems.UnknownMember, $"No membership {membershipId}."))
            .WithName("GetBalance").WithSummary("Active and pending balance, tier and progress to the next tier")
            .Produces<BalanceResponse>().ProducesProblem(404);

        api.MapGet("/members/{membershipId:int}/rewards", async (int membershipId, PosApiQueries queries, RewardRedemptions rewards, CancellationToken ct) =>
                await queries.MembershipRefAsync(membershipId, ct) is null
                    ? PosProblems.Result(PosProblems.UnknownMember, $"No membership {membershipId}.")
                    : Results.Ok((await rewards.ListAvailableAsync(membershipId, ct)).Select(r =>
                        new RewardResponse(r.Id, r.Name, r.Description, r.Kind, r.Value, r.CostPoints, r.StockLeft, r.AvailableUntil, r.Affordable))))
            .WithName("ListRewards").WithSummary("Rewards the member can see now (active, in stock, for their tier), cheapest first")
            .Produces<IReadOnlyList<RewardResponse>>().ProducesProblem(404);
        return api;
    }

    private static async Task<IResult> LookupAsync(
        string? email, string? phone, string? cardNumber, string? qr, int? programId,
        TenantDbContext db, PosApiQueries queries, ITenantContextAccessor tenants, CancellationToken ct)
    {
        var given = new[] { email, phone, cardNumber, qr }.Count(v => !string.IsNullOrWhiteSpace(v));
        if (given != 1)
        {
            return PosProblems.Invalid("query", "Give exactly one of email, phone, cardNumber or qr.");
        }

        int? customerId;
        if (!string.IsNullOrWhiteSpace(email))
        {
            var (valid, error) = ContactRules.Email(email);
            if (error is not null)
            {
                return PosProblems.Invalid("email", error);
            }

            var normalized = ContactRules.NormalizeEmail(valid);
            customerId = await LiveCustomers(db).Where(c => c.NormalizedEmail == normalized).OrderBy(c => c.Id).Select(c => (int?)c.Id).FirstOrDefaultAsync(ct);
        }
        else if (!string.IsNullOrWhiteSpace(phone))
        {
            var (normalized, error) = ContactRules.Phone(phone, ContactRules.RegionFromTimeZone(tenants.RequireTenant().TimeZoneId));
            if (error is not null)
            {
                return PosProblems.Invalid("phone", error);
            }

            customerId = await LiveCustomers(db).Where(c => c.Phone == normalized).OrderBy(c => c.Id).Select(c => (int?)c.Id).FirstOrDefaultAsync(ct);
        }
        else
        {
            var field = cardNumber is not null ? "cardNumber" : "qr";
            var number = cardNumber is not null ? MemberCard.NormalizeNumber(cardNumber) : MemberCard.FromQrPayload(qr);
            if (number is null)
            {
                return PosProblems.Invalid(field, field == "qr"
                    ? $"This is not a member card QR code (expected {MemberCard.QrPrefix}<16 digits>)."
                    : "A card number has 16 digits.");
            }

            var found = await queries.MembershipRefByCardAsync(number, ct);
            if (found is null)
            {
                return PosProblems.Result(PosProblems.UnknownMember, "No member has this card.");
            }

            customerId = found.CustomerId;
            programId ??= found.ProgramId;
        }

        var member = customerId is { } id ? await queries.MemberAsync(id, ct) : null;
        if (member is null)
        {
            return PosProblems.Result(PosProblems.UnknownMember, "No customer matches. Create one with POST /customers (joinProgramId to enrol them).");
        }

        if (programId is { } program)
        {
            member = member with { Memberships = [.. member.Memberships.Where(m => m.ProgramId == program)] };
            if (member.Memberships.Count == 0)
            {
                return PosProblems.Result(PosProblems.UnknownMember, $"Customer {member.CustomerId} is not a member of program {program}. Join with POST /customers and joinProgramId.");
            }
        }

        return Results.Ok(member);
    }

    private static async Task<IResult> UpsertCustomerAsync(
        JsonBody<CustomerRequest> body, CustomerService customers, LoyaltyLedger ledger, PosApiQueries queries, TenantDbContext db, CancellationToken ct)
    {
        var request = body.Required;
        var errors = new FieldErrors()
            .Require(!string.IsNullOrWhiteSpace(request.Email) || !string.IsNullOrWhiteSpace(request.Phone), "email", "Give an email or a phone number: the customer is matched by them.");
        if (!string.IsNullOrWhiteSpace(request.Email) && ContactRules.Email(request.Email).Error is { } emailError)
        {
            errors.Add("email", emailError);
        }

        if (errors.Any)
        {
            return errors.Problem();
        }

        if (request.JoinProgramId is { } joinId)
        {
            var status = await db.LoyaltyPrograms.AsNoTracking().Where(p => p.Id == joinId).Select(p => (ProgramStatus?)p.Status).SingleOrDefaultAsync(ct);
            if (status is null)
            {
                return PosProblems.Result(PosProblems.UnknownProgram, $"No program {joinId}. GET /programs lists them.");
            }

            if (status != ProgramStatus.Active)
            {
                return PosProblems.Result(PosProblems.ProgramClosed, $"Program {joinId} does not take new members.");
            }
        }

        var input = new CustomerInput
        {
            Email = request.Email,
            Phone = request.Phone,
            FirstName = request.FirstName,
            LastName = request.LastName,
            Birthday = request.Birthday,
            Language = request.Language,
            PreferredStore = request.PreferredStore,
        };
        var (result, customerId, created) = await customers.UpsertByEmailOrPhoneAsync(input, RecordSource.Pos, ct);
        if (!result.Succeeded)
        {
            return PosProblems.Invalid("customer", result.Error!);
        }

        MembershipResponse? membership = null;
        var joined = false;
        if (request.JoinProgramId is { } programId)
        {
            var join = await ledger.JoinAsync(programId, customerId!.Value, ct);
            if (!join.Result.Succeeded)
            {
                return LoyaltyRefusals.Problem(join.Result, "joinProgramId");
            }

            joined = join.Created;
            membership = await queries.MembershipAsync(join.MembershipId!.Value, ct);
        }

        var response = new CustomerResponse(customerId!.Value, created, membership, joined);
        return created ? Results.Json(response, statusCode: StatusCodes.Status201Created) : Results.Ok(response);
    }

    private static IQueryable<Customer> LiveCustomers(TenantDbContext db) =>
        db.Customers.AsNoTracking().Where(c => c.MergedIntoId == null && c.ErasedAt == null);
}
