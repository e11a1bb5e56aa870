using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace VibeCrm.E2E.Infrastructure;

/// <summary>
/// One browser context (one person's browser) with its first page. Records console errors and uncaught
/// script errors of every page in the context, so a test can assert the pages ran cleanly (CSP included).
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _errors = new();

    private BrowserSession(IBrowserContext context) => Context = context;

    public IBrowserContext Context { get; }

    public IPage Page { get; private set; } = null!;

    public IReadOnlyCollection<string> ConsoleErrors => _errors;

    internal static async Task<BrowserSession> StartAsync(IBrowserContext context)
    {
        var session = new BrowserSession(context);
        context.Page += (_, page) => session.Watch(page);
        await context.RouteAsync("**/__e2e/axe.min.js", route => route.FulfillAsync(new RouteFulfillOptions
        {
            Path = E2EPaths.AxeScript,
            ContentType = "application/javascript",
        }));
        session.Page = await context.NewPageAsync();
        return session;
    }

    /// <summary>Another tab in the same browser (same cookies).</summary>
    public Task<IPage> NewPageAsync() => Context.NewPageAsync();

    /// <summary>
    /// Asserts that no page logged a console error, except messages containing one of <paramref name="allowed"/>
    /// or one of the <see cref="KnownIssues"/>.
    /// </summary>
    public void AssertNoConsoleErrors(params string[] allowed) => AssertNoConsoleErrors(toleratingKnownIssues: true, allowed);

    public void AssertNoConsoleErrors(bool toleratingKnownIssues, params string[] allowed)
    {
        var tolerated = toleratingKnownIssues ? [.. allowed, .. KnownIssues.All] : allowed;
        var unexpected = _errors.Where(e => !tolerated.Any(a => e.Contains(a, StringComparison.OrdinalIgnoreCase))).ToList();
        Assert.True(unexpected.Count == 0, "Browser console errors:\n" + string.Join("\n", unexpected));
    }

    public async ValueTask DisposeAsync() => await Context.CloseAsync();

    private void Watch(IPage page)
    {
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _errors.Enqueue($"{page.Url}: {message.Text}");
            }
        };
        page.PageError += (_, error) => _errors.Enqueue($"{page.Url}: uncaught {error}");
    }
}
