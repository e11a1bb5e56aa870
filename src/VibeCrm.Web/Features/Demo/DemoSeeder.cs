using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using VibeCrm.Data.Identity;
using VibeCrm.Tenancy;
using VibeCrm.Web.Features.Tenants;

namespace VibeCrm.Web.Features.Demo;

public sealed record DemoLogin(string Role, string Email, string Password);

/// <summary>Creates the demo merchant through the same provisioning path as a real sign-up, then adds staff and members.</summary>
public sealed partial class DemoSeeder(
    IOptions<DemoOptions> options,
    ITenantStore store,
    TenantProvisioner provisioner,
    ITenantContextAccessor accessor,
    IServiceProvider services,
    TimeProvider clock,
    ILogger<DemoSeeder> logger)
{
    private static readonly (string First, string Last, string Role)[] StaffPeople =
    [
        ("Marco", "Rossi", Roles.Manager),
        ("Aisha", "Karimi", Roles.Agent),
        ("Tom", "Becker", Roles.Agent),
    ];

    private static readonly (string First, string Last)[] MemberPeople =
    [
        ("Emma", "Laurent"), ("Lucas", "Martin"), ("Chloé", "Bernard"), ("Noah", "Dubois"), ("Léa", "Moreau"), ("Hugo", "Garcia"),
    ];

    public async Task<IReadOnlyList<DemoLogin>> EnsureAsync(CancellationToken cancellationToken)
    {
        var demo = options.Value;
        var domain = demo.Identifier + ".vibecrm.local";
        var logins = new List<DemoLogin>
        {
            new(Roles.Owner, $"owner@{domain}", demo.Password),
            new(Roles.Manager, $"marco@{domain}", demo.Password),
            new(Roles.Member, $"emma@{domain}", demo.Password),
        };
        if (await store.FindByIdentifierAsync(demo.Identifier, cancellationToken) is not null)
        {
            return logins;
        }

        var result = await provisioner.ProvisionAsync(
            new NewTenant(demo.Name, demo.Identifier, $"owner@{domain}", demo.Password, "Sophie", "Lambert", demo.TimeZoneId, demo.Currency),
            cancellationToken);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("The demo merchant could not be created: " + string.Join("; ", result.Errors.Values));
        }

        using (accessor.BeginScope(result.Tenant))
        {
            await using var scope = services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            foreach (var (first, last, role) in StaffPeople)
            {
                await CreateAsync(users, AccountKind.Staff, first, last, $"{Ascii(first)}@{domain}", role, demo.Password);
            }

            var memberCustomers = scope.ServiceProvider.GetRequiredService<Members.MemberCustomers>();
            foreach (var (first, last) in MemberPeople)
            {
                var member = await CreateAsync(users, AccountKind.Member, first, last, $"{Ascii(first)}@{domain}", Roles.Member, demo.Password);
                await memberCustomers.EnsureAsync(member.Id, cancellationToken);
            }

            await scope.ServiceProvider.GetRequiredService<Customers.CustomerSeeder>().SeedAsync(result.Tenant!, demo.Customers, seed: 20261124, cancellationToken);
            await scope.ServiceProvider.GetRequiredService<CrmDemoData>().SeedAsync(seed: 20261124, demo.Currency, cancellationToken);
            await scope.ServiceProvider.GetRequiredService<Feedback.FeedbackDemoData>().SeedAsync(seed: 20261201, count: 600, cancellationToken);
            await scope.ServiceProvider.GetRequiredService<LoyaltyDemoData>().SeedAsync(seed: 20261124, demo.Currency, demo.TimeZoneId, cancellationToken);
            await scope.ServiceProvider.GetRequiredService<Surveys.SurveyDemoData>().SeedAsync(seed: 20261201, cancellationToken);
        }

        LogSeeded(logger, demo.Identifier);
        return logins;
    }

    private async Task<AppUser> CreateAsync(UserManager<AppUser> users, AccountKind kind, string first, string last, string email, string role, string password)
    {
        var user = new AppUser
        {
            Kind = kind,
            UserName = AppUser.UserNameFor(kind, email),
            Email = email,
            EmailConfirmed = true,
            FirstName = first,
            LastName = last,
            CreatedAt = clock.GetUtcNow(),
            MarketingEmailOptIn = kind == AccountKind.Member,
        };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException($"Demo account {email} was rejected: {string.Join(" ", created.Errors.Select(e => e.Description))}");
        }

        await users.AddToRoleAsync(user, role);
        return user;
    }

    private static string Ascii(string name) => SlugRules.Suggest(name);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo merchant {Tenant} created")]
    private static partial void LogSeeded(ILogger logger, string tenant);
}
