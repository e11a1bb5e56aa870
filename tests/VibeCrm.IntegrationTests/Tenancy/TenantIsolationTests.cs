using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VibeCrm.Data.Crm;
using VibeCrm.Data.Feedback;
using VibeCrm.Data.Loyalty;
using VibeCrm.Data.Sentiment;
using VibeCrm.Data.Surveys;
using VibeCrm.Data.Tenants;
using VibeCrm.IntegrationTests.Infrastructure;
using VibeCrm.Web.Features.Loyalty;
using VibeCrm.Web.Features.Staff;
using Xunit.Abstractions;

namespace VibeCrm.IntegrationTests.Tenancy;

/// <summary>
/// Every endpoint the app has (read from its endpoint data source, so new routes are covered without editing
/// this test) is called for tenant B as tenant A's owner, as tenant A's member and anonymously. None may answer
/// 2xx with B's private data, and back-office pages other than the sign-in family must refuse them all.
/// </summary>
public sealed class TenantIsolationTests(IsolationFixture fixture, ITestOutputHelper output) : IClassFixture<IsolationFixture>
{
    /// <summary>Pages of the back office that are meant for people who are not signed in.</summary>
    private static readonly string[] AnonymousAdminPages = ["/admin/account/"];

    [Fact]
    public async Task No_endpoint_of_tenant_B_answers_with_B_data_to_A_or_anonymous()
    {
        var routes = fixture.Routes();
        Assert.Contains(routes, r => r.Template.Contains("admin/settings/staff", StringComparison.OrdinalIgnoreCase));
        Assert.True(routes.Count > 20, $"only {routes.Count} routes found");
        var failures = new List<string>();
        var checkedCalls = 0;
        foreach (var (name, client) in fixture.Callers())
        {
            foreach (var route in routes)
            {
                foreach (var method in route.Methods)
                {
                    using var response = method == "GET"
                        ? await client.GetAsync(route.Url)
                        : await client.PostFormAsync(fixture.TokenPage(name), new Dictionary<string, string> { ["Input.Email"] = "x@example.com" }, route.Url);
                    checkedCalls++;
                    var body = await response.Content.ReadAsStringAsync();
                    var status = (int)response.StatusCode;
                    if (status is >= 200 and < 300)
                    {
                        if (fixture.Markers.FirstOrDefault(m => body.Contains(m, StringComparison.OrdinalIgnoreCase)) is { } leaked)
                        {
                            failures.Add($"{name} {method} {route.Url} → {status} and leaks '{leaked}'");
                        }

                        if (route.IsTenantAdmin && !AnonymousAdminPages.Any(p => route.Url.Contains(p, StringComparison.OrdinalIgnoreCase)))
                        {
                            failures.Add($"{name} {method} {route.Url} → {status}: a back-office page of B was served");
                        }

                        if (route.IsMemberArea || route.IsPlatform)
                        {
                            failures.Add($"{name} {method} {route.Url} → {status}: a private page was served");
                        }
                    }
                }
            }
        }

        output.WriteLine($"{routes.Count} routes, {checkedCalls} calls");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    /// <summary>
    /// Every POS API route (found in the endpoint data source) called with tenant A's API key: on B's routes it is refused
    /// with a 401 problem; on the key's own routes B's ids find nothing. B's data is never answered, and nothing is written
    /// to B.
    /// </summary>
    [Fact]
    public async Task Tenant_A_api_key_reaches_nothing_of_tenant_B()
    {
        var routes = fixture.Routes().Where(r => r.Template.Contains("api/v1", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.Contains(routes, r => r.Template.Contains("{tenant}/api/v1/purchases", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(routes, r => r.Template.TrimStart('/').StartsWith("api/v1/reward-codes/{rewardCode}", StringComparison.OrdinalIgnoreCase));
        var before = await fixture.BravoCountsAsync();
        var failures = new List<string>();
        using var client = fixture.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", fixture.ApiKeyOfA);
        foreach (var route in routes)
        {
            foreach (var method in route.Methods)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), route.Url);
                if (method == "POST")
                {
                    request.Content = new StringContent(fixture.BravoRequestBody, System.Text.Encoding.UTF8, "application/json");
                }

                using var response = await client.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                var status = (int)response.StatusCode;
                var documentation = route.Template.Contains("reference", StringComparison.OrdinalIgnoreCase) || route.Template.Contains("openapi", StringComparison.OrdinalIgnoreCase);
                // a problem may echo what the caller sent (the path, the receipt id): only what it did not send is a leak
                var sent = route.Url + (method == "POST" ? fixture.BravoRequestBody : "");
                var echoed = body.Replace(route.Url, "", StringComparison.OrdinalIgnoreCase).Replace("zyxbravoreceipt", "", StringComparison.OrdinalIgnoreCase);
                if (fixture.Markers.Concat(fixture.BravoMarkers).Where(m => !sent.Contains(m, StringComparison.OrdinalIgnoreCase))
                    .FirstOrDefault(m => echoed.Contains(m, StringComparison.OrdinalIgnoreCase)) is { } leaked)
                {
                    failures.Add($"A's key {method} {route.Url} → {status} and leaks '{leaked}'");
                }

                if (route.Template.TrimStart('/').StartsWith("{tenant}", StringComparison.Ordinal) && status != 401)
                {
                    failures.Add($"A's key {method} {route.Url} → {status}: expected 401 on tenant B's route");
                }
                else if (!documentation && status is >= 200 and < 300 && !route.Template.EndsWith("programs", StringComparison.Ordinal))
                {
                    failures.Add($"A's key {method} {route.Url} → {status}: B's ids answered on A's routes");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.Equal(before, await fixture.BravoCountsAsync());
    }

    [Fact]
    public async Task A_staff_cookie_copied_to_tenant_B_is_rejected()
    {
        var a = fixture.OwnerOfA;
        var stolen = a.Cookies.GetAllCookies().Single(c => c.Name == $".vibecrm.staff.{fixture.A.Slug}");
        using var attacker = a.Fresh();
        attacker.Cookies.Add(new Uri(attacker.Client.BaseAddress!, "/"), new Cookie($".vibecrm.staff.{fixture.B.Slug}", stolen.Value, "/"));
        using var response = await attacker.GetAsync($"/{fixture.B.Slug}/admin/settings/staff");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith($"/{fixture.B.Slug}/admin/account/login", response.Headers.Location?.OriginalString, StringComparison.Ordinal);

        // The same cookie still works where it was issued.
        using var own = await a.GetAsync($"/{fixture.A.Slug}/admin/settings/staff");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    [Fact]
    public async Task A_member_cannot_open_the_back_office_of_their_own_tenant()
    {
        using var response = await fixture.MemberOfA.GetAsync($"/{fixture.A.Slug}/admin");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith($"/{fixture.A.Slug}/admin/account/login", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_and_member_logins_do_not_cross_over()
    {
        using var browser = new BrowserClient(fixture.Factory);
        using var staffAtPortal = await browser.PostFormAsync($"/{fixture.A.Slug}/account/signin", new Dictionary<string, string>
        {
            ["Input.Email"] = fixture.A.OwnerEmail,
            ["Input.Password"] = VibeCrmFactory.Password,
        });
        Assert.Equal(HttpStatusCode.OK, staffAtPortal.StatusCode);
        Assert.Contains("Email or password is not correct", await staffAtPortal.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var memberAtAdmin = await browser.PostFormAsync($"/{fixture.A.Slug}/admin/account/login", new Dictionary<string, string>
        {
            ["Input.Email"] = fixture.MemberEmailOfA,
            ["Input.Password"] = VibeCrmFactory.Password,
        });
        Assert.Equal(HttpStatusCode.OK, memberAtAdmin.StatusCode);
        Assert.Contains("Email or password is not correct", await memberAtAdmin.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

public sealed record RouteCase(string Template, string Url, IReadOnlyList<string> Methods, bool IsTenantAdmin, bool IsMemberArea, bool IsPlatform);

public sealed class IsolationFixture : VibeCrmFactory, IAsyncLifetime
{
    public VibeCrmFactory Factory => this;

    public TestTenant A { get; private set; } = null!;

    public TestTenant B { get; private set; } = null!;

    public BrowserClient OwnerOfA { get; private set; } = null!;

    public BrowserClient MemberOfA { get; private set; } = null!;

    public string MemberEmailOfA { get; private set; } = "";

    /// <summary>A POS API key of tenant A.</summary>
    public string ApiKeyOfA { get; private set; } = "";

    /// <summary>B's loyalty data: a program, a membership, a purchase and a reward code, each with a marker.</summary>
    public int BravoMembershipId { get; private set; }

    public string BravoCode { get; private set; } = "";

    public string BravoCard { get; private set; } = "";

    public IReadOnlyList<string> BravoMarkers => [BravoCode, BravoCard, "zyxbravoreceipt"];

    /// <summary>A POST body naming B's records, for every POS API POST.</summary>
    public string BravoRequestBody => System.Text.Json.JsonSerializer.Serialize(new
    {
        programId = 1,
        membershipId = BravoMembershipId,
        externalId = "zyxbravoreceipt",
        purchaseExternalId = "zyxbravoreceipt",
        refundExternalId = "zyxbravorefund",
        total = 10m,
        rewardId = 1,
        email = "zyxbravocust@example.com",
        joinProgramId = 1,
    });

    /// <summary>Strings that exist only in tenant B's private data.</summary>
    public IReadOnlyList<string> Markers { get; } = ["zyxbravo", "qwvbravostaff", "Quillonbravo"];

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        A = await CreateTenantAsync();
        B = await CreateTenantAsync();
        await CreateMemberAsync(B.Info, "zyxbravomember@example.com", "Quillonbravo");
        await InTenantAsync(B.Info, async sp =>
        {
            var staff = sp.GetRequiredService<StaffDirectory>();
            var owner = (await staff.ListAsync(CancellationToken.None))[0];
            return await staff.InviteAsync("qwvbravostaff@example.com", "Agent", owner.Id, CancellationToken.None);
        });
        var bravoCustomer = await SeedCrmAsync(B);
        await SeedLoyaltyAsync(B, bravoCustomer);
        ApiKeyOfA = await InTenantAsync(A.Info, async sp =>
            (await sp.GetRequiredService<VibeCrm.Web.Features.PosApi.ApiKeyService>().CreateAsync("A's till", null, CancellationToken.None)).Key!);
        await SeedLoyaltyBackOfficeAsync(B);
        MemberEmailOfA = $"member@{A.Slug}.test";
        await CreateMemberAsync(A.Info, MemberEmailOfA);
        OwnerOfA = new BrowserClient(this);
        await OwnerOfA.SignInStaffAsync(A.Slug, A.OwnerEmail);
        MemberOfA = new BrowserClient(this);
        await MemberOfA.SignInMemberAsync(A.Slug, MemberEmailOfA);
    }

    /// <summary>B gets one of every CRM record (id 1 each), all carrying the marker, so routes with ids hit real B data.</summary>
    private Task<int> SeedCrmAsync(TestTenant tenant) => InTenantAsync(tenant.Info, async sp =>
    {
        var db = sp.GetRequiredService<TenantDbContext>();
        var now = DateTimeOffset.UtcNow;
        var customer = new Customer { FirstName = "Quillonbravo", LastName = "Zyxbravocustomer", Email = "zyxbravocust@example.com", NormalizedEmail = "zyxbravocust@example.com", SearchName = "quillonbravo zyxbravocustomer", SearchLastName = "zyxbravocustomer quillonbravo", CreatedAt = now, UpdatedAt = now };
        db.Customers.Add(customer);
        var lead = new Lead { FirstName = "Zyxbravolead", LastName = "Prospect", Email = "zyxbravolead@example.com", NormalizedEmail = "zyxbravolead@example.com", CreatedAt = now, UpdatedAt = now };
        db.Leads.Add(lead);
        var stage = new PipelineStage { Name = "Zyxbravostage", DefaultProbability = 10, SortOrder = 1 };
        db.PipelineStages.Add(stage);
        await db.SaveChangesAsync();
        db.Opportunities.Add(new Opportunity { Title = "Zyxbravodeal", Amount = 1234, Currency = "EUR", StageId = stage.Id, CustomerId = customer.Id, CreatedAt = now, UpdatedAt = now });
        db.Interactions.Add(new Interaction { CustomerId = customer.Id, Subject = "Zyxbravonote", Body = "zyxbravo private", OccurredAt = now, CreatedAt = now, UpdatedAt = now, FollowUpOn = DateOnly.FromDateTime(DateTime.UtcNow) });
        db.ConsentRecords.Add(new ConsentRecord { CustomerId = customer.Id, Channel = ContactChannel.Email, Granted = true, RecordedAt = now, Note = "zyxbravo consent" });
        db.CustomerTags.Add(new CustomerTag { CustomerId = customer.Id, Tag = "zyxbravotag" });
        db.SentimentTopics.Add(new SentimentTopic { Name = "Zyxbravotopic", NormalizedName = "zyxbravotopic", Keywords = "zyxbravokeyword", CreatedAt = now, UpdatedAt = now });
        db.SentimentCorrections.Add(new SentimentCorrection { Text = "zyxbravo correction", Label = "negative", SourceKind = "feedback", SourceId = "1", StaffUserId = "staff", CorrectedAt = now });
        db.SentimentModelVersions.Add(new SentimentModelVersion { Version = 1, CreatedAt = now, Trigger = "manual", IncumbentName = "base", Reason = "Refused: zyxbravo attempt" });
        await db.SaveChangesAsync();

        // Feedback: a held review (not public) with a public reply, and a complaint with a note, all carrying the marker.
        var review = new FeedbackItem { Type = FeedbackType.Review, Channel = FeedbackChannel.Portal, CustomerId = customer.Id, Rating = 2, Title = "Zyxbravoreview", Text = "zyxbravo review text", Moderation = ModerationState.Hidden, Status = FeedbackStatus.New, Priority = FeedbackPriority.Normal, CreatedAt = now, UpdatedAt = now, FirstResponseDueAt = now, ResolutionDueAt = now, SentimentLabel = "negative", ScoredAt = now, Topics = ",zyxbravotopic," };
        var complaint = new FeedbackItem { Type = FeedbackType.Complaint, Channel = FeedbackChannel.Phone, CustomerId = customer.Id, Text = "zyxbravo complaint", ContactEmail = "zyxbravocontact@example.com", Status = FeedbackStatus.InProgress, Priority = FeedbackPriority.High, CreatedAt = now, UpdatedAt = now, FirstResponseDueAt = now, ResolutionDueAt = now };
        db.FeedbackItems.AddRange(review, complaint);
        await db.SaveChangesAsync();
        db.FeedbackMessages.AddRange(
            new FeedbackMessage { ItemId = review.Id, Kind = FeedbackMessageKind.PublicReply, Body = "zyxbravo public reply", CreatedAt = now },
            new FeedbackMessage { ItemId = complaint.Id, Kind = FeedbackMessageKind.InternalNote, Body = "zyxbravo internal note", CreatedAt = now },
            new FeedbackMessage { ItemId = complaint.Id, Kind = FeedbackMessageKind.EmailReply, Body = "zyxbravo email reply", SentTo = "zyxbravocust@example.com", CreatedAt = now });
        db.FeedbackSettings.Add(new FeedbackSettings { AutoPublishMinRating = 5, UpdatedAt = now });
        await db.SaveChangesAsync();
        await SeedLoyaltyPortalAsync(db, customer.Id, now);
        await SeedSurveyAsync(db, customer.Id, now);
        return customer.Id;
    });

    private Task<int> SeedLoyaltyAsync(TestTenant tenant, int customerId) => InTenantAsync(tenant.Info, async sp =>
    {
        var db = sp.GetRequiredService<TenantDbContext>();
        var now = DateTimeOffset.UtcNow;
        var program = new LoyaltyProgram { Name = "Bravo till club", Status = ProgramStatus.Active, Currency = "EUR", CreatedAt = now, UpdatedAt = now }; // public on the portal home: no marker
        db.LoyaltyPrograms.Add(program);
        await db.SaveChangesAsync();
        var joined = await sp.GetRequiredService<LoyaltyLedger>().JoinAsync(program.Id, customerId, CancellationToken.None);
        BravoMembershipId = joined.MembershipId!.Value;
        var bought = await sp.GetRequiredService<PurchaseRecorder>().RecordAsync(new PurchaseInput(program.Id, customerId, "zyxbravoreceipt",
            [new PurchaseLineInput("ZYXBRAVOSKU", "Zyxbravo item", "zyxbravo", 1, 100)], 100, "EUR", "card", "zyxbravostore", now), CancellationToken.None);
        Assert.True(bought.Result.Succeeded, bought.Result.Error);
        var reward = new Reward { ProgramId = program.Id, Name = "Zyxbravoreward", Kind = RewardKind.AmountOff, Value = 5, CostPoints = 10, CreatedAt = now, UpdatedAt = now };
        db.Rewards.Add(reward);
        await db.SaveChangesAsync();
        var redeemed = await sp.GetRequiredService<RewardRedemptions>().RedeemAsync(BravoMembershipId, reward.Id, CancellationToken.None);
        BravoCode = redeemed.Redemption!.Code;
        BravoCard = await db.LoyaltyMemberships.Where(m => m.Id == BravoMembershipId).Select(m => m.CardNumber).SingleAsync();
        return program.Id;
    });

    /// <summary>B's loyalty rows, to prove nothing was written there.</summary>
    public Task<string> BravoCountsAsync() => InTenantAsync(B.Info, async sp =>
    {
        var db = sp.GetRequiredService<TenantDbContext>();
        var consumed = await db.Redemptions.CountAsync(r => r.Status != RedemptionStatus.Issued);
        return $"{await db.Purchases.CountAsync()} purchases, {await db.LedgerEntries.CountAsync()} entries, {await db.Customers.CountAsync()} customers, {await db.LoyaltyMemberships.CountAsync()} members, {consumed} used codes";
    });

    /// <summary>B's loyalty records (program, membership, reward, code, referral, email record), id 1 each, with the marker.</summary>
    private static async Task SeedLoyaltyPortalAsync(TenantDbContext db, int customerId, DateTimeOffset now)
    {
        var program = new VibeCrm.Data.Loyalty.LoyaltyProgram { Name = "Club B", Status = VibeCrm.Data.Loyalty.ProgramStatus.Active, Terms = "Public terms of club B.", CreatedAt = now, UpdatedAt = now }; // public on the portal home: no marker
        db.LoyaltyPrograms.Add(program);
        var friend = new Customer { FirstName = "Quillonbravo", LastName = "Friend", CreatedAt = now, UpdatedAt = now };
        db.Customers.Add(friend);
        await db.SaveChangesAsync();
        var membership = new VibeCrm.Data.Loyalty.LoyaltyMembership { ProgramId = program.Id, CustomerId = customerId, ActivePoints = 0, JoinedAt = now, LastActivityAt = now };
        var friendMembership = new VibeCrm.Data.Loyalty.LoyaltyMembership { ProgramId = program.Id, CustomerId = friend.Id, JoinedAt = now, LastActivityAt = now };
        var reward = new VibeCrm.Data.Loyalty.Reward { ProgramId = program.Id, Name = "Zyxbravo reward", Description = "zyxbravo", CostPoints = 0, CreatedAt = now, UpdatedAt = now };
        db.AddRange(membership, friendMembership, reward);
        await db.SaveChangesAsync();
        db.Redemptions.Add(new VibeCrm.Data.Loyalty.Redemption { ProgramId = program.Id, MembershipId = membership.Id, RewardId = reward.Id, Code = VibeCrm.Web.Features.Loyalty.RewardRedemptions.NewCode(), IssuedAt = now, ExpiresAt = now.AddDays(30) });
        db.LoyaltyReferralCodes.Add(new VibeCrm.Data.Loyalty.LoyaltyReferralCode { MembershipId = membership.Id, Code = "BRAVO234", CreatedAt = now });
        db.LoyaltyReferrals.Add(new VibeCrm.Data.Loyalty.LoyaltyReferral { ReferrerMembershipId = membership.Id, ReferredMembershipId = friendMembership.Id, CreatedAt = now });
        db.LoyaltyEmails.Add(new VibeCrm.Data.Loyalty.LoyaltyEmail { MembershipId = membership.Id, Kind = VibeCrm.Data.Loyalty.LoyaltyEmailKind.Welcome, SubjectKey = "zyxbravo", CreatedAt = now, SentAt = now, Outcome = "zyxbravo" });
        await db.SaveChangesAsync();
    }

    /// <summary>B gets a loyalty program with a tier, an earn rule, a reward with a pool code, a member with a ledger entry and a redemption.</summary>
    private Task<int> SeedLoyaltyBackOfficeAsync(TestTenant tenant) => InTenantAsync(tenant.Info, async sp =>
    {
        var db = sp.GetRequiredService<TenantDbContext>();
        var now = DateTimeOffset.UtcNow;
        // an active program is public on the portal home (name, unit, terms, tiers, bonuses): no marker in those
        var program = new LoyaltyProgram { Name = "Bravo rewards club", UnitName = "stars", Status = ProgramStatus.Active, Terms = "Public terms of the rewards club.", CreatedAt = now, UpdatedAt = now };
        program.Tiers.Add(new Tier { Name = "Bravo tier", Rank = 1, Threshold = 0, CreatedAt = now, UpdatedAt = now });
        program.EarnRules.Add(new EarnRule { Kind = EarnRuleKind.SignUpBonus, Name = "Bravo welcome", BonusPoints = 5, CreatedAt = now, UpdatedAt = now });
        db.LoyaltyPrograms.Add(program);
        await db.SaveChangesAsync();
        var customerId = await db.Customers.Select(c => c.Id).FirstAsync();
        var membership = new LoyaltyMembership { ProgramId = program.Id, CustomerId = customerId, ActivePoints = 0, JoinedAt = now, LastActivityAt = now };
        db.LoyaltyMemberships.Add(membership);
        var reward = new Reward { ProgramId = program.Id, Name = "Zyxbravoreward", Description = "zyxbravo gift", Kind = RewardKind.Voucher, CostPoints = 0, CreatedAt = now, UpdatedAt = now };
        db.Rewards.Add(reward);
        await db.SaveChangesAsync();
        db.RewardCodes.Add(new RewardCode { RewardId = reward.Id, Code = "ZYXBRAVOPOOL" });
        db.LedgerEntries.Add(new LedgerEntry { ProgramId = program.Id, MembershipId = membership.Id, Type = LedgerEntryType.Adjust, OccurredAt = now, RecordedAt = now, Reason = "zyxbravo adjustment" });
        db.Redemptions.Add(new Redemption { ProgramId = program.Id, MembershipId = membership.Id, RewardId = reward.Id, Code = "ZYXBRAVO01", Status = RedemptionStatus.Issued, IssuedAt = now, ExpiresAt = now.AddDays(30) });
        db.LoyaltyInvariantBreaches.Add(new LoyaltyInvariantBreach { Kind = "ActiveBalance", Details = "zyxbravo breach", DetectedAt = now });
        await db.SaveChangesAsync();
        return program.Id;
    });

    /// <summary>A survey with one question, invitation, response and free-text answer, all carrying the marker.</summary>
    private static async Task SeedSurveyAsync(TenantDbContext db, int customerId, DateTimeOffset now)
    {
        var survey = new Survey { Name = "Zyxbravosurvey", Intro = "zyxbravo intro", ThankYou = "zyxbravo thanks", Status = SurveyStatus.Open, CreatedAt = now, UpdatedAt = now };
        survey.Questions.Add(new SurveyQuestion { Position = 1, Kind = QuestionKind.FreeText, Text = "Zyxbravoquestion?" });
        db.Surveys.Add(survey);
        await db.SaveChangesAsync();
        var invitation = new SurveyInvitation { SurveyId = survey.Id, CustomerId = customerId, Email = "zyxbravocust@example.com", Status = InvitationStatus.Sent, CreatedAt = now, SentAt = now, RespondedAt = now };
        db.SurveyInvitations.Add(invitation);
        await db.SaveChangesAsync();
        var response = new SurveyResponse { SurveyId = survey.Id, InvitationId = invitation.Id, CustomerId = customerId, SubmittedAt = now };
        response.Answers.Add(new SurveyAnswer { QuestionId = survey.Questions[0].Id, Text = "zyxbravo answer", SentimentLabel = "neutral", SentimentScore = 0, ScoredAt = now });
        db.SurveyResponses.Add(response);
        await db.SaveChangesAsync();
    }

    public IEnumerable<(string Name, BrowserClient Client)> Callers()
    {
        yield return ("A's owner", OwnerOfA);
        yield return ("A's member", MemberOfA);
        yield return ("anonymous", new BrowserClient(this));
    }

    /// <summary>A page of the caller's own world that has an antiforgery token, so POSTs reach authorization.</summary>
    public string TokenPage(string caller) => caller switch
    {
        "A's owner" => $"/{A.Slug}/admin/settings/staff",
        "A's member" => $"/{A.Slug}/me",
        _ => "/signup",
    };

    public IReadOnlyList<RouteCase> Routes()
    {
        var sources = Services.GetRequiredService<IEnumerable<EndpointDataSource>>();
        return [.. sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Select(ToCase)
            .Where(c => c is not null)
            .Select(c => c!)
            .DistinctBy(c => c.Url)];
    }

    private RouteCase? ToCase(RouteEndpoint endpoint)
    {
        var pattern = endpoint.RoutePattern;
        var segments = new List<string>();
        foreach (var segment in pattern.PathSegments)
        {
            var text = string.Concat(segment.Parts.Select(part => part switch
            {
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal => literal.Content,
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart parameter => SampleValue(parameter.Name),
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternSeparatorPart separator => separator.Content,
                _ => "",
            }));
            if (text.Length > 0)
            {
                segments.Add(text);
            }
        }

        var url = "/" + string.Join('/', segments);
        var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Where(m => m is "GET" or "POST").ToList() is { Count: > 0 } declared
            ? declared
            : ["GET", "POST"];
        var template = pattern.RawText ?? url;
        var isTenant = pattern.Parameters.Any(p => p.Name == "tenant");
        return new RouteCase(
            template,
            url,
            methods,
            IsTenantAdmin: isTenant && template.Contains("/admin", StringComparison.OrdinalIgnoreCase),
            IsMemberArea: isTenant && (template.EndsWith("/me", StringComparison.OrdinalIgnoreCase) || template.Contains("/me/", StringComparison.OrdinalIgnoreCase)),
            IsPlatform: template.StartsWith("platform", StringComparison.OrdinalIgnoreCase) && !template.Contains("sign-in", StringComparison.Ordinal)
                || template.StartsWith("hangfire", StringComparison.OrdinalIgnoreCase));
    }

    private string SampleValue(string parameter) => parameter switch
    {
        "tenant" => B.Slug,
        "section" => "loyalty",
        "code" => "404",
        "path" => "jobs/enqueued",
        "rewardCode" => BravoCode,
        "membershipId" => BravoMembershipId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => "1",
    };
}
