using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using VibeCrm.Data.Crm;
using VibeCrm.Data.Identity;
using VibeCrm.Data.Tenants;
using VibeCrm.IntegrationTests.Infrastructure;
using VibeCrm.Web.Features.Customers;
using VibeCrm.Web.Features.Staff;

namespace VibeCrm.IntegrationTests.Customers;

/// <summary>Customers inserted directly (the customer form is a separate feature), staff members, htmx posts.</summary>
public static partial class CustomerTestData
{
    public static Task<int> AddCustomerAsync(this VibeCrmFactory factory, TestTenant tenant, string first, string last, string? email = null, Action<Customer>? configure = null) =>
        factory.InTenantAsync(tenant.Info, async sp =>
        {
            var db = sp.GetRequiredService<TenantDbContext>();
            var now = DateTimeOffset.UtcNow;
            var customer = new Customer
            {
                FirstName = first,
                LastName = last,
                SearchName = ContactRules.SearchKey(first, last),
                SearchLastName = ContactRules.SearchKey(last, first),
                Email = email,
                NormalizedEmail = email?.ToLowerInvariant(),
                CreatedAt = now,
                UpdatedAt = now,
            };
            configure?.Invoke(customer);
            db.Customers.Add(customer);
            await db.SaveChangesAsync();
            return customer.Id;
        });

    public static Task<T> InDbAsync<T>(this VibeCrmFactory factory, TestTenant tenant, Func<TenantDbContext, Task<T>> action) =>
        factory.InTenantAsync(tenant.Info, sp => action(sp.GetRequiredService<TenantDbContext>()));

    public static Task<string> UserIdAsync(this VibeCrmFactory factory, TestTenant tenant, string email) =>
        factory.InTenantAsync(tenant.Info, sp =>
            Task.FromResult(sp.GetRequiredService<UserManager<AppUser>>().Users.Single(u => u.Email == email && u.Kind == AccountKind.Staff).Id));

    /// <summary>Invites and accepts a staff member; returns their user id.</summary>
    public static Task<string> AddStaffAsync(this VibeCrmFactory factory, TestTenant tenant, string email, string role) =>
        factory.InTenantAsync(tenant.Info, async sp =>
        {
            var staff = sp.GetRequiredService<StaffDirectory>();
            var owner = (await staff.ListAsync(CancellationToken.None))[0];
            var (invited, token) = await staff.InviteAsync(email, role, owner.Id, CancellationToken.None);
            Assert.True(invited.Succeeded, invited.Error);
            var (accepted, user) = await staff.AcceptAsync(token!, "Alex", "Agent", VibeCrmFactory.Password, CancellationToken.None);
            Assert.True(accepted.Succeeded, accepted.Error);
            return user!.Id;
        });

    /// <summary>Posts a form as htmx does: antiforgery token in a header, HX-Request set.</summary>
    public static async Task<HttpResponseMessage> PostHtmxAsync(this BrowserClient client, string pageUrl, IDictionary<string, string> fields, string postUrl)
    {
        var html = await client.GetPageAsync(pageUrl);
        var token = TokenPattern().Match(html);
        Assert.True(token.Success, $"No antiforgery token on {pageUrl}");
        var request = new HttpRequestMessage(HttpMethod.Post, postUrl) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("RequestVerificationToken", WebUtility.HtmlDecode(token.Groups["t"].Value));
        request.Headers.Add("HX-Request", "true");
        return await client.SendAsync(request);
    }

    [GeneratedRegex("name=\"request-verification-token\" content=\"(?<t>[^\"]+)\"", RegexOptions.ExplicitCapture, 1000)]
    private static partial Regex TokenPattern();
}
