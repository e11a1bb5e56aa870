using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace VibeCrm.E2E.Infrastructure;

/// <summary>Accessibility checks with axe-core and full-page screenshots.</summary>
public static class PageChecks
{
    private const string LoadAxe = """
        src => window.axe ? true : new Promise((resolve, reject) => {
            const script = document.createElement('script');
            script.src = src;
            script.onload = () => resolve(true);
            script.onerror = () => reject(new Error('axe-core could not be loaded from ' + src));
            document.head.appendChild(script);
        })
        """;

    private const string RunAxe = """
        async () => {
            const result = await axe.run(document, { resultTypes: ['violations'] });
            return JSON.stringify({ passes: result.passes.length, violations: result.violations.map(v => ({
                id: v.id,
                impact: v.impact,
                help: v.help,
                helpUrl: v.helpUrl,
                nodes: v.nodes.map(n => ({ target: n.target.join(' '), summary: n.failureSummary })),
            })) });
        }
        """;

    /// <summary>Runs axe-core (all rules of the installed version) on the page and asserts there is no violation.</summary>
    public static async Task AxeAsync(IPage page)
    {
        if (!File.Exists(E2EPaths.AxeScript))
        {
            throw new InvalidOperationException($"axe-core not found at {E2EPaths.AxeScript}: run 'npm ci' in the repository root.");
        }

        // Served from the page's own origin (see BrowserSession), so the app's CSP (script-src 'self') stays on.
        // A script element of our own rather than AddScriptTagAsync, which fails on any CSP message the page logs meanwhile.
        await page.EvaluateAsync(LoadAxe, "/__e2e/axe.min.js");

        // A toast fading in or out has no contrast for that moment: wait until toasts are fully shown or gone.
        await page.WaitForFunctionAsync("""
            () => !document.querySelector('.toast.showing, .toast.fade:not(.show)')
              && document.getAnimations().every(a => a.playState !== 'running')
            """);

        var json = await page.EvaluateAsync<string>(RunAxe);
        using var result = JsonDocument.Parse(json);
        Assert.True(result.RootElement.GetProperty("passes").GetInt32() > 0, $"axe checked nothing on {page.Url}.");
        var violations = result.RootElement.GetProperty("violations");
        if (violations.GetArrayLength() == 0)
        {
            return;
        }

        var report = new StringBuilder().Append("axe found accessibility violations on ").AppendLine(page.Url);
        foreach (var v in violations.EnumerateArray())
        {
            report.Append("- ").Append(v.GetProperty("id").GetString()).Append(" (").Append(v.GetProperty("impact").ToString()).Append("): ")
                .Append(v.GetProperty("help").GetString()).Append(' ').AppendLine(v.GetProperty("helpUrl").GetString());
            foreach (var node in v.GetProperty("nodes").EnumerateArray())
            {
                report.Append("    at ").AppendLine(node.GetProperty("target").GetString());
                report.Append("       ").AppendLine(node.GetProperty("summary").GetString()?.Replace("\n", "\n       ", StringComparison.Ordinal));
            }
        }

        Assert.Fail(report.ToString());
    }

    /// <summary>
    /// Waits until htmx has settled its last swap and the fade-in of swapped content is over, so axe and screenshots see
    /// the page as a person does (mid-fade text has no contrast).
    /// </summary>
    public static Task SettledAsync(IPage page) => page.WaitForFunctionAsync("""
        () => !document.querySelector('.htmx-request, .htmx-swapping, .htmx-settling, .htmx-added')
          && document.getAnimations().every(a => a.playState !== 'running')
        """);

    /// <summary>Saves a full-page PNG to artifacts/screenshots/{name}.png at the repository root.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(E2EPaths.Screenshots);
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(E2EPaths.Screenshots, name + ".png"),
            FullPage = true,
            Animations = ScreenshotAnimations.Disabled,
        });
    }
}
