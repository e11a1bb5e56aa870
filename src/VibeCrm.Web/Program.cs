using Hangfire;
using VibeCrm.Data;
using VibeCrm.Sentiment;
using VibeCrm.Tenancy;
using VibeCrm.Web.Features;
using VibeCrm.Web.Features.Customers;
using VibeCrm.Web.Features.Feedback;
using VibeCrm.Web.Features.Interactions;
using VibeCrm.Web.Features.Loyalty;
using VibeCrm.Web.Features.Loyalty.Portal;
using VibeCrm.Web.Features.PosApi;
using VibeCrm.Web.Features.Sentiment;
using VibeCrm.Web.Features.Surveys;
using VibeCrm.Web.Infrastructure.Auth;
using VibeCrm.Web.Infrastructure.Email;
using VibeCrm.Web.Infrastructure.Jobs;
using VibeCrm.Web.Infrastructure.Security;
using VibeCrm.Web.Infrastructure.Web;

// Command-line tools that need no database and no server.
if (args.Length > 0 && args[0].StartsWith("sentiment-", StringComparison.Ordinal))
{
    return SentimentCli.Run(args, Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, WebRootPath = WebRoot.Locate() });
var services = builder.Services;
var configuration = builder.Configuration;

services.AddTenancy(configuration);
services.AddFoundationFeature(configuration); // first: its start-up tasks migrate before key ring and job servers start
services.AddCustomerProfileFeature();
services.AddInteractionsFeature();
services.AddOpportunitiesFeature();
services.AddLeadsFeature();
services.AddImportsFeature();
services.AddLoyaltyFeature();
services.AddLoyaltyPortalFeature(configuration);
services.AddSentimentFeature();
services.AddFeedbackFeature();
services.AddPosApiFeature(configuration);
services.AddSurveysFeature();
services.AddVibeCrmData(configuration, builder.Environment.ContentRootPath);
services.AddVibeCrmAuth(configuration, builder.Environment);
services.AddVibeCrmEmail(configuration);
services.AddVibeCrmJobs(configuration);
services.AddVibeCrmRateLimits(configuration);
services.AddVibeCrmWeb();
services.AddCustomersFeature();

var app = builder.Build();

app.UseForwardedHeaders();
if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
}

app.UseExceptionHandler("/error");
app.UseStatusCodePagesWithReExecute("/error/{0}");
app.UsePosApiStatusProblems(); // inside the status code pages: API paths answer problem+json
app.UseMiddleware<SecurityHeadersMiddleware>();
app.UseStaticFiles();
app.UseTenantHostMapping(configuration);
app.UseRouting();
app.UseTenantResolution();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapHealthEndpoints();
app.MapHangfireDashboard("/hangfire", new DashboardOptions
{
    Authorization = [],
    AsyncAuthorization = [new OperatorDashboardAuthorization()],
    DisplayStorageConnectionString = false,
    DashboardTitle = "VibeCrm jobs",
});
app.MapRazorPages();
app.MapPosApi();
app.MapLoyaltyBackOffice();

await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the integration tests.</summary>
public partial class Program;
