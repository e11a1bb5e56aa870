using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace VibeCrm.IntegrationTests.Infrastructure;

/// <summary>An HttpClient that behaves like a browser session: keeps cookies, posts forms with their antiforgery token.</summary>
public sealed partial class BrowserClient : IDisposable
{
    public BrowserClient(VibeCrmFactory factory)
    {
        Client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        Cookies = new CookieContainer();
        _factory = factory;
    }

    private readonly VibeCrmFactory _factory;

    public HttpClient Client { get; private set; }

    public CookieContainer Cookies { get; }

    public async Task<HttpResponseMessage> GetAsync(string url, IDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        foreach (var (key, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(key, value);
        }

        return await SendAsync(request);
    }

    public async Task<string> GetPageAsync(string url)
    {
        using var response = await GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"GET {url} answered {(int)response.StatusCode}");
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Loads <paramref name="pageUrl"/>, takes its antiforgery token and posts <paramref name="fields"/> to <paramref name="postUrl"/>.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string pageUrl, IDictionary<string, string> fields, string? postUrl = null)
    {
        var html = await GetPageAsync(pageUrl);
        var token = TokenPattern().Match(html);
        Assert.True(token.Success, $"No antiforgery token on {pageUrl}");
        var values = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups["t"].Value) };
        using var request = new HttpRequestMessage(HttpMethod.Post, postUrl ?? pageUrl) { Content = new FormUrlEncodedContent(values) };
        return await SendAsync(request);
    }

    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        var uri = new Uri(Client.BaseAddress!, request.RequestUri!);
        var cookieHeader = Cookies.GetCookieHeader(uri);
        if (cookieHeader.Length > 0)
        {
            request.Headers.Add("Cookie", cookieHeader);
        }

        var response = await Client.SendAsync(request);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            foreach (var setCookie in setCookies)
            {
                Cookies.SetCookies(uri, setCookie);
            }
        }

        return response;
    }

    public async Task SignInStaffAsync(string slug, string email, string password = VibeCrmFactory.Password)
    {
        using var response = await PostFormAsync($"/{slug}/admin/account/login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/{slug}/admin", response.Headers.Location?.OriginalString);
    }

    public async Task SignInMemberAsync(string slug, string email, string password = VibeCrmFactory.Password)
    {
        using var response = await PostFormAsync($"/{slug}/account/signin", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/{slug}/me", response.Headers.Location?.OriginalString);
    }

    public async Task SignInOperatorAsync()
    {
        using var response = await PostFormAsync("/platform/sign-in", new Dictionary<string, string>
        {
            ["Email"] = VibeCrmFactory.OperatorEmail,
            ["Password"] = VibeCrmFactory.Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    /// <summary>A second session for the same factory, e.g. another browser.</summary>
    public BrowserClient Fresh() => new(_factory);

    public void Dispose() => Client.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"(?<t>[^\"]+)\"", RegexOptions.ExplicitCapture, 1000)]
    private static partial Regex TokenPattern();
}
