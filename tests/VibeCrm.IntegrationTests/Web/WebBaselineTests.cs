using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VibeCrm.IntegrationTests.Infrastructure;

namespace VibeCrm.IntegrationTests.Web;

/// <summary>A factory with a route that throws and strict sign-in limits, to see the error page and the limiter.</summary>
public sealed class StrictFactory : VibeCrmFactory
{
    public List<string> Errors { get; } = [];

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Security:SignInPermitsPerMinute"] = "3" };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<IStartupFilter>(new ThrowingRoute());
            services.AddLogging(l => l.AddProvider(new ListLoggerProvider(Errors)));
        });
    }

    private sealed class ThrowingRoute : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Map("/test/boom", b => b.Run(_ => throw new InvalidOperationException("secret internal detail")));
        };
    }

    private sealed class ListLoggerProvider(List<string> sink) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new ListLogger(sink);

        public void Dispose()
        {
        }
    }

    private sealed class ListLogger(List<string> sink) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                lock (sink)
                {
                    sink.Add(formatter(state, exception));
                }
            }
        }
    }
}

public sealed class WebBaselineTests(StrictFactory factory) : IClassFixture<StrictFactory>
{
    [Fact]
    public async Task Pages_carry_security_headers_and_a_csp_without_inline_script()
    {
        using var browser = new BrowserClient(factory);
        using var response = await browser.GetAsync("/signup");
        var csp = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotMatch("<script>(?!</script>)", html);
        Assert.Contains("name=\"request-verification-token\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_endpoints_answer()
    {
        using var browser = new BrowserClient(factory);
        using var live = await browser.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        using var ready = await browser.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/lib/htmx/htmx.min.js")]
    [InlineData("/lib/bootstrap/css/bootstrap.min.css")]
    [InlineData("/lib/chart.js/chart.umd.js")]
    [InlineData("/css/site.css")]
    [InlineData("/js/site.js")]
    public async Task Front_end_files_are_served_from_the_top_level_wwwroot(string path)
    {
        using var browser = new BrowserClient(factory);
        using var response = await browser.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 100);
    }

    [Fact]
    public async Task An_unhandled_error_shows_a_friendly_page_with_a_reference_and_is_logged()
    {
        using var browser = new BrowserClient(factory);
        using var response = await browser.GetAsync("/test/boom");
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Something went wrong on our side", html, StringComparison.Ordinal);
        Assert.DoesNotContain("secret internal detail", html, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", html, StringComparison.Ordinal);
        var reference = System.Text.RegularExpressions.Regex.Match(html, "<code>([^<]+)</code>").Groups[1].Value;
        Assert.False(string.IsNullOrWhiteSpace(reference));
        lock (factory.Errors)
        {
            Assert.Contains(factory.Errors, e => e.Contains(reference, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused()
    {
        var tenant = await factory.CreateTenantAsync();
        using var browser = new BrowserClient(factory);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/{tenant.Slug}/account/join")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Email"] = "a@b.test", ["Input.Password"] = VibeCrmFactory.Password }),
        };
        using var response = await browser.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Sign_in_attempts_are_rate_limited_per_client()
    {
        var tenant = await factory.CreateTenantAsync();
        using var browser = new BrowserClient(factory);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await browser.PostFormAsync($"/{tenant.Slug}/account/signin", new Dictionary<string, string> { ["Input.Email"] = "x@y.test", ["Input.Password"] = "nope-nope-1" });
            statuses.Add(response.StatusCode);
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.Equal(HttpStatusCode.OK, statuses[0]);
    }
}
