using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VibeCrm.Data.Crm;
using VibeCrm.Data.Feedback;
using VibeCrm.Data.Identity;
using VibeCrm.Data.Tenants;
using VibeCrm.IntegrationTests.Infrastructure;
using VibeCrm.IntegrationTests.Loyalty;
using VibeCrm.Tenancy;
using VibeCrm.Web.Features.Feedback;

namespace VibeCrm.IntegrationTests.Feedback;

/// <summary>The app with a test clock (from the loyalty factory, which also sets up programs and members).</summary>
public sealed class FeedbackFactory : LoyaltyFactory;

/// <summary>Steps the feedback tests share: submit, score, read back, add agents and customers.</summary>
public static partial class FeedbackKit
{
    public static async Task<int> SubmitAsync(this VibeCrmFactory f, TenantInfo tenant, FeedbackSubmission input, FeedbackService.SubmitOptions? options = null)
    {
        var result = await f.InTenantAsync(tenant, sp => sp.GetRequiredService<FeedbackService>().SubmitAsync(input, options ?? new FeedbackService.SubmitOptions(), CancellationToken.None));
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Key + ": " + e.Value)));
        return result.Id!.Value;
    }

    public static Task<int> ReviewAsync(this VibeCrmFactory f, TenantInfo tenant, int rating, string text, int? customerId = null) =>
        f.SubmitAsync(tenant, new FeedbackSubmission { Type = FeedbackType.Review, Channel = FeedbackChannel.Portal, Rating = rating, Text = text, CustomerId = customerId });

    public static Task ScoreAsync(this VibeCrmFactory f, TenantInfo tenant, int id) =>
        f.InTenantAsync(tenant, async sp =>
        {
            await sp.GetRequiredService<FeedbackScoringJob>().ScoreAsync(id, CancellationToken.None);
            return 0;
        });

    public static Task<FeedbackItem> ItemAsync(this VibeCrmFactory f, TenantInfo tenant, int id) =>
        f.InTenantAsync(tenant, sp => sp.GetRequiredService<TenantDbContext>().FeedbackItems.AsNoTracking().SingleAsync(i => i.Id == id));

    public static Task<List<FeedbackMessage>> ThreadAsync(this VibeCrmFactory f, TenantInfo tenant, int id) =>
        f.InTenantAsync(tenant, sp => sp.GetRequiredService<TenantDbContext>().FeedbackMessages.AsNoTracking().Where(m => m.ItemId == id).OrderBy(m => m.Id).ToListAsync());

    public static Task<T> DbAsync<T>(this VibeCrmFactory f, TenantInfo tenant, Func<TenantDbContext, Task<T>> action) =>
        f.InTenantAsync(tenant, sp => action(sp.GetRequiredService<TenantDbContext>()));

    public static Task SettingsAsync(this VibeCrmFactory f, TenantInfo tenant, Action<FeedbackSettings> change) =>
        f.InTenantAsync(tenant, async sp =>
        {
            var service = sp.GetRequiredService<FeedbackSettingsService>();
            var settings = await service.GetAsync(CancellationToken.None);
            change(settings);
            var errors = await service.SaveAsync(settings, CancellationToken.None);
            Assert.Empty(errors);
            return 0;
        });

    /// <summary>Adds active staff members with the Agent role; returns their ids in id order (the round-robin order).</summary>
    public static Task<List<string>> AddAgentsAsync(this VibeCrmFactory f, TenantInfo tenant, int count) =>
        f.InTenantAsync(tenant, async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var ids = new List<string>();
            for (var n = 0; n < count; n++)
            {
                var email = $"agent{n}.{Guid.NewGuid():N}@{tenant.Identifier}.test";
                var user = new AppUser { Kind = AccountKind.Staff, UserName = AppUser.UserNameFor(AccountKind.Staff, email), Email = email, EmailConfirmed = true, FirstName = "Agent", LastName = n.ToString(System.Globalization.CultureInfo.InvariantCulture), CreatedAt = DateTimeOffset.UtcNow };
                Assert.True((await users.CreateAsync(user, VibeCrmFactory.Password)).Succeeded);
                await users.AddToRoleAsync(user, Roles.Agent);
                ids.Add(user.Id);
            }

            ids.Sort(StringComparer.Ordinal);
            return ids;
        });

    public static Task<int> AddCustomerAsync(this VibeCrmFactory f, TenantInfo tenant, string first, string? email) =>
        f.DbAsync(tenant, async db =>
        {
            var now = DateTimeOffset.UtcNow;
            var customer = new Customer { FirstName = first, LastName = "Tester", Email = email, NormalizedEmail = email?.ToLowerInvariant(), SearchName = first.ToLowerInvariant() + " tester", SearchLastName = "tester " + first.ToLowerInvariant(), CreatedAt = now, UpdatedAt = now };
            db.Customers.Add(customer);
            await db.SaveChangesAsync();
            return customer.Id;
        });

    /// <summary>Posts a form as htmx does (header, antiforgery token from <paramref name="pageUrl"/>).</summary>
    public static async Task<HttpResponseMessage> HtmxPostAsync(this BrowserClient client, string pageUrl, string postUrl, IDictionary<string, string> fields)
    {
        var html = await client.GetPageAsync(pageUrl);
        var token = Token().Match(html);
        Assert.True(token.Success, "no antiforgery token on " + pageUrl);
        var values = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups["t"].Value) };
        using var request = new HttpRequestMessage(HttpMethod.Post, postUrl) { Content = new FormUrlEncodedContent(values) };
        request.Headers.Add("HX-Request", "true");
        return await client.SendAsync(request);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"(?<t>[^\"]+)\"", RegexOptions.ExplicitCapture, 1000)]
    private static partial Regex Token();
}
