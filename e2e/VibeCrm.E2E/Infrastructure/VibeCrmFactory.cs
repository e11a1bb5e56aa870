using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace VibeCrm.E2E.Infrastructure;

/// <summary>The real application, configured for a throw-away data folder and a local SMTP server.</summary>
internal sealed class VibeCrmFactory(IReadOnlyDictionary<string, string> settings) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in settings)
        {
            // Host settings reach the application as arguments, so Program sees them before Build().
            builder.UseSetting(key, value);
        }
    }
}
