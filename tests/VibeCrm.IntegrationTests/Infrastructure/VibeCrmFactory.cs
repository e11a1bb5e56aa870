using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using VibeCrm.Data.Identity;
using VibeCrm.Tenancy;
using VibeCrm.Web.Features.Tenants;

namespace VibeCrm.IntegrationTests.Infrastructure;

/// <summary>
/// The whole app on a throwaway data folder (SQLite files), sending mail to an in-process SMTP server.
/// One factory per test class: its tenants are its own.
/// </summary>
public class VibeCrmFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = "Secret-pass-123";
    public const string OperatorEmail = "ops@platform.test";

    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "vibecrm-tests", Guid.NewGuid().ToString("N"));

    public TestSmtpServer Smtp { get; } = new();

    /// <summary>Settings a test class may override (rate limits, job server...).</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    public string DataFolder => _dataFolder;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        var settings = new Dictionary<string, string?>
        {
            ["Database:DataFolder"] = _dataFolder,
            ["Demo:Enabled"] = "false",
            ["Security:RequireSecureCookies"] = "false",
            ["Security:SignInPermitsPerMinute"] = "1000",
            ["Security:SignUpPermitsPerMinute"] = "1000",
            ["Security:PasswordResetPermitsPerMinute"] = "1000",
            ["Jobs:RunServer"] = "false",
            ["Email:Host"] = "127.0.0.1",
            ["Email:Port"] = Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Email:Security"] = "None",
            ["Platform:Operators:0:Email"] = OperatorEmail,
            ["Platform:Operators:0:Password"] = Password,
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:Console:FormatterName"] = "simple",
        };
        foreach (var (key, value) in Settings)
        {
            settings[key] = value;
        }

        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>Creates a tenant through the real provisioning path; returns it with its owner's email.</summary>
    public async Task<TestTenant> CreateTenantAsync(string? slug = null)
    {
        slug ??= "t" + Guid.NewGuid().ToString("N")[..10];
        using var scope = Services.CreateScope();
        var provisioner = scope.ServiceProvider.GetRequiredService<TenantProvisioner>();
        var owner = $"owner@{slug}.test";
        var result = await provisioner.ProvisionAsync(
            new NewTenant($"Shop {slug}", slug, owner, Password, "Olivia", "Owner-" + slug, "Europe/Paris", "EUR"), CancellationToken.None);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Values));
        return new TestTenant(result.Tenant!, owner);
    }

    /// <summary>Runs <paramref name="action"/> inside the tenant's scope with a fresh DI scope.</summary>
    public async Task<T> InTenantAsync<T>(TenantInfo tenant, Func<IServiceProvider, Task<T>> action)
    {
        var accessor = Services.GetRequiredService<ITenantContextAccessor>();
        using (accessor.BeginScope(tenant))
        {
            await using var scope = Services.CreateAsyncScope();
            return await action(scope.ServiceProvider);
        }
    }

    /// <summary>A member account with a confirmed email, as if they had followed the link.</summary>
    public Task<string> CreateMemberAsync(TenantInfo tenant, string email, string firstName = "Mia") =>
        InTenantAsync(tenant, async sp =>
        {
            var users = sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
            var user = new AppUser
            {
                Kind = AccountKind.Member,
                UserName = AppUser.UserNameFor(AccountKind.Member, email),
                Email = email,
                EmailConfirmed = true,
                FirstName = firstName,
                LastName = "Member",
                CreatedAt = DateTimeOffset.UtcNow,
            };
            var created = await users.CreateAsync(user, Password);
            Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
            await users.AddToRoleAsync(user, Roles.Member);
            return user.Id;
        });

    public Task InitializeAsync()
    {
        _ = Services; // start the host: migrations and seeding run before the first test

        // Hangfire keeps its log provider in a static, set by the last host that resolved its configuration. Creating the
        // job client now, while this host's logger factory is the live one, keeps a host whose tests run after another
        // host was disposed from failing on that disposed logger factory.
        _ = Services.GetRequiredService<Hangfire.IBackgroundJobClient>();
        return Task.CompletedTask;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
        catch (IOException)
        {
            // a file may still be held briefly; the temp folder is cleaned by the OS
        }
    }
}

public sealed record TestTenant(TenantInfo Info, string OwnerEmail)
{
    public string Slug => Info.Identifier;
}
