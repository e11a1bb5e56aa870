using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VibeCrm.Data.Crm;
using VibeCrm.Data.Identity;
using VibeCrm.Data.Tenants;
using VibeCrm.IntegrationTests.Infrastructure;
using VibeCrm.Tenancy;
using VibeCrm.Web.Features.Customers;
using VibeCrm.Web.Features.Staff;

namespace VibeCrm.IntegrationTests.Opportunities;

/// <summary>Rows and requests the opportunity and lead tests share.</summary>
public static partial class CrmTestData
{
    public static Task<int> AddCustomerAsync(this VibeCrmFactory factory, TenantInfo tenant, string first, string last, string? email = null, string? phone = null) =>
        factory.InTenantAsync(tenant, async sp =>
        {
            var db = sp.GetRequiredService<TenantDbContext>();
            var customer = new Customer
            {
                FirstName = first,
                LastName = last,
                SearchName = ContactRules.SearchKey(first, last),
                SearchLastName = ContactRules.SearchKey(last, first),
                Email = email,
                NormalizedEmail = ContactRules.NormalizeEmail(email),
                Phone = phone,
                CreatedAt = DateTimeOffset.UtcNow,
                UpdatedAt = DateTimeOffset.UtcNow,
            };
            db.Customers.Add(customer);
            await db.SaveChangesAsync();
            return customer.Id;
        });

    public static Task<T> InDbAsync<T>(this VibeCrmFactory factory, TenantInfo tenant, Func<TenantDbContext, Task<T>> action) =>
        factory.InTenantAsync(tenant, sp => action(sp.GetRequiredService<TenantDbContext>()));

    public static Task<string> UserIdAsync(this VibeCrmFactory factory, TenantInfo tenant, string email) =>
        factory.InDbAsync(tenant, db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    /// <summary>A staff member with <paramref name="role"/>, through the real invitation path.</summary>
    public static Task<string> AddStaffAsync(this VibeCrmFactory factory, TestTenant tenant, string email, string role) =>
        factory.InTenantAsync(tenant.Info, async sp =>
        {
            var staff = sp.GetRequiredService<StaffDirectory>();
            var ownerId = await sp.GetRequiredService<TenantDbContext>().Users.Where(u => u.Email == tenant.OwnerEmail).Select(u => u.Id).SingleAsync();
            var (_, token) = await staff.InviteAsync(email, role, ownerId, CancellationToken.None);
            var (result, user) = await staff.AcceptAsync(token!, "Sam", "Staff", VibeCrmFactory.Password, CancellationToken.None);
            Assert.True(result.Succeeded, result.Error);
            return user!.Id;
        });

    /// <summary>Posts a form as htmx does: antiforgery token in the header, HX-Request set.</summary>
    public static async Task<HttpResponseMessage> HtmxPostAsync(this BrowserClient browser, string pageUrl, IDictionary<string, string> fields, string postUrl)
    {
        var html = await browser.GetPageAsync(pageUrl);
        var token = MetaToken().Match(html);
        Assert.True(token.Success, $"No antiforgery meta tag on {pageUrl}");
        using var request = new HttpRequestMessage(HttpMethod.Post, postUrl) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("RequestVerificationToken", WebUtility.HtmlDecode(token.Groups["t"].Value));
        request.Headers.Add("HX-Request", "true");
        return await browser.SendAsync(request);
    }

    public static async Task<string> BodyAsync(this Task<HttpResponseMessage> pending, HttpStatusCode expected)
    {
        using var response = await pending;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{(int)response.StatusCode}: {body[..Math.Min(body.Length, 2000)]}");
        return body;
    }

    [GeneratedRegex("name=\"request-verification-token\" content=\"(?<t>[^\"]+)\"", RegexOptions.ExplicitCapture, 1000)]
    private static partial Regex MetaToken();
}
