using System.Net;
using VibeCrm.IntegrationTests.Infrastructure;
using VibeCrm.IntegrationTests.Opportunities;

namespace VibeCrm.IntegrationTests.Loyalty;

/// <summary>Signed-in browsers and requests the loyalty back-office tests share.</summary>
public static class BackOfficeKit
{
    public static TestTenant TestTenantOf(LoyaltySetup s) => new(s.Tenant, $"owner@{s.Tenant.Identifier}.test");

    public static async Task<BrowserClient> OwnerAsync(this LoyaltyFactory factory, LoyaltySetup s)
    {
        var browser = new BrowserClient(factory);
        await browser.SignInStaffAsync(s.Tenant.Identifier, TestTenantOf(s).OwnerEmail);
        return browser;
    }

    /// <summary>A signed-in staff member of <paramref name="role"/> (Manager or Agent), with their user id.</summary>
    public static async Task<(BrowserClient Browser, string UserId)> StaffAsync(this LoyaltyFactory factory, LoyaltySetup s, string role)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@{s.Tenant.Identifier}.test";
        var id = await factory.AddStaffAsync(TestTenantOf(s), email, role);
        var browser = new BrowserClient(factory);
        await browser.SignInStaffAsync(s.Tenant.Identifier, email);
        return (browser, id);
    }

    public static string Admin(this LoyaltySetup s, string path) => $"/{s.Tenant.Identifier}/admin/loyalty/{path}";

    /// <summary>Posts a plain form and returns the response (not disposed: the caller reads it).</summary>
    public static Task<HttpResponseMessage> PostAsync(this BrowserClient browser, string pageUrl, IDictionary<string, string> fields, string? postUrl = null) =>
        browser.PostFormAsync(pageUrl, fields, postUrl);

    public static async Task<string> ExpectAsync(this Task<HttpResponseMessage> pending, HttpStatusCode status) => await pending.BodyAsync(status);

    /// <summary>Posts a multipart form (fields and files) with the antiforgery token of <paramref name="pageUrl"/>.</summary>
    public static async Task<HttpResponseMessage> PostMultipartAsync(this BrowserClient browser, string pageUrl, IDictionary<string, string> fields, params (string Name, string FileName, byte[] Bytes, string ContentType)[] files)
    {
        var html = await browser.GetPageAsync(pageUrl);
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"(?<t>[^\"]+)\"", System.Text.RegularExpressions.RegexOptions.ExplicitCapture, TimeSpan.FromSeconds(1));
        Assert.True(token.Success, $"No antiforgery token on {pageUrl}");
        using var content = new MultipartFormDataContent();
        content.Add(new StringContent(WebUtility.HtmlDecode(token.Groups["t"].Value)), "__RequestVerificationToken");
        foreach (var (key, value) in fields)
        {
            content.Add(new StringContent(value), key);
        }

        foreach (var file in files)
        {
            var part = new ByteArrayContent(file.Bytes);
            part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(file.ContentType);
            content.Add(part, file.Name, file.FileName);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, pageUrl) { Content = content };
        return await browser.SendAsync(request);
    }

    /// <summary>A valid 1×1 PNG.</summary>
    public static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");

    /// <summary>The HTML-decoded body, so messages with apostrophes and accents can be compared as written.</summary>
    public static string Text(string html) => WebUtility.HtmlDecode(html);
}
