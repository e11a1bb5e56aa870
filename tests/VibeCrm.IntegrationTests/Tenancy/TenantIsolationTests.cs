using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using VibeCrm.Data.Crm;
using VibeCrm.Data.Surveys;
using VibeCrm.Data.Tenants;
using VibeCrm.IntegrationTests.Infrastructure;
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
        await SeedCrmAsync(B);
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
        await db.SaveChangesAsync();
        await SeedSurveyAsync(db, customer.Id, now);
        return customer.Id;
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
        _ => "1",
    };
}
