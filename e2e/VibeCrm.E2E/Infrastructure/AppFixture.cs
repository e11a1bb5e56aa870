using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace VibeCrm.E2E.Infrastructure;

[CollectionDefinition(Name)]
public sealed class E2ECollection : ICollectionFixture<AppFixture>
{
    public const string Name = "End-to-end";
}

/// <summary>
/// One running application (Kestrel on a free port), one SMTP sink and one headless Chromium per test run.
/// Each test opens its own browser contexts through <see cref="NewSessionAsync"/>.
/// </summary>
public sealed class AppFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string OperatorEmail = "operator@e2e.example.com";
    public const string OperatorPassword = "operator-e2e-2026";

    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "vibecrm-e2e-" + Guid.NewGuid().ToString("N"));
    private VibeCrmFactory? _factory;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public SmtpSink Mail { get; private set; } = null!;

    public Uri BaseUrl { get; private set; } = null!;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser is not started.");

    /// <summary>The server's services, for steps a test performs as another system would (e.g. a till recording a purchase).</summary>
    public IServiceProvider Services => _factory?.Services ?? throw new InvalidOperationException("The server is not started.");

    public async Task InitializeAsync()
    {
        // Expectations wait as long as actions do: a sign-up provisions and migrates a database before its redirect lands.
        Microsoft.Playwright.Assertions.SetDefaultExpectTimeout(30_000);
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"The end-to-end tests need Chromium at {ChromiumPath} (Debian/Ubuntu: apt-get install chromium). Playwright's own browser download is not used.");
        }

        Directory.CreateDirectory(_dataFolder);
        Mail = new SmtpSink();

        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Database:DataFolder"] = _dataFolder,
            ["Demo:Enabled"] = "false",
            // A job server runs, as in production: feedback is scored and survey invitations are sent by background jobs.
            ["Jobs:RunServer"] = "true",
            ["Jobs:WorkerCount"] = "2",
            ["Security:RequireSecureCookies"] = "false",
            ["Security:SignInPermitsPerMinute"] = "1000",
            ["Security:SignUpPermitsPerMinute"] = "1000",
            ["Security:PasswordResetPermitsPerMinute"] = "1000",
            ["Email:Host"] = "127.0.0.1",
            ["Email:Port"] = Mail.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Email:Security"] = "None",
            ["Platform:Operators:0:Email"] = OperatorEmail,
            ["Platform:Operators:0:Password"] = OperatorPassword,
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        };
        _factory = new VibeCrmFactory(settings);
        _factory.UseKestrel(0);
        _factory.StartServer();

        var address = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Kestrel reported no address.");
        BaseUrl = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal));

        await CheckServerAsync();

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>A fresh, isolated browser context (own cookies). Desktop 1280×800 unless a viewport is given.</summary>
    public async Task<BrowserSession> NewSessionAsync(ViewportSize? viewport = null, bool mobile = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl.ToString(),
            ViewportSize = viewport ?? new ViewportSize { Width = 1280, Height = 800 },
            IsMobile = mobile,
            HasTouch = mobile,
            Locale = "en-GB",
        });
        context.SetDefaultTimeout(30_000); // sign-up provisions and migrates a database; CI machines are small
        context.SetDefaultNavigationTimeout(15_000);
        return await BrowserSession.StartAsync(context);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        if (Mail is not null)
        {
            await Mail.DisposeAsync();
        }

        try
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_dataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open: the temp folder is cleaned by the system.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>Fails early and clearly when the server or its static files (Bootstrap from npm) are missing.</summary>
    private async Task CheckServerAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseUrl };
        using var health = await http.GetAsync(new Uri("/health", UriKind.Relative));
        Assert.True(health.StatusCode == HttpStatusCode.OK, $"GET /health answered {(int)health.StatusCode}.");
        foreach (var asset in new[] { "/lib/bootstrap/css/bootstrap.min.css", "/lib/htmx/htmx.min.js", "/css/site.css", "/js/site.js" })
        {
            using var response = await http.GetAsync(new Uri(asset, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.OK,
                $"GET {asset} answered {(int)response.StatusCode}: build src/VibeCrm.Web once (it copies the npm packages into wwwroot/lib).");
        }
    }
}
