using System.Net;

namespace VibeCrm.IntegrationTests.PosApi;

/// <summary>Paths and methods the API does not have answer problem+json, never the site's HTML error page.</summary>
public sealed class PosApiRoutingTests(PosApiFactory factory) : IClassFixture<PosApiFactory>
{
    [Fact]
    public async Task Unknown_api_paths_are_a_not_found_problem_with_or_without_a_key_and_the_tenant()
    {
        var s = await factory.PosSetupAsync();
        using var anonymous = factory.ApiClient(null);
        foreach (var (client, path) in new[]
        {
            (s.Client, "/api/v1/no-such-thing"),
            (s.Client, "/api/v1/members/not-a-number/balance"),
            (s.Client, "/api/v1/reward-codes/ABC/explode"),
            (s.Client, $"/{s.Tenant.Identifier}/api/v1/no-such-thing"),
            (anonymous, "/api/v1/no-such-thing"),
            (anonymous, "/no-such-merchant/api/v1/programs"),
        })
        {
            using var response = await client.GetAsync(path);
            var problem = await response.ProblemAsync(404, "not-found");
            Assert.Contains(path, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.Equal(path, problem.GetProperty("instance").GetString());
        }
    }

    [Fact]
    public async Task A_wrong_method_on_an_api_path_is_a_method_not_allowed_problem_naming_the_allowed_ones()
    {
        var s = await factory.PosSetupAsync();
        foreach (var (method, path, allowed) in new[]
        {
            (HttpMethod.Get, "/api/v1/purchases", "POST"),
            (HttpMethod.Delete, "/api/v1/reward-codes/ABCDEFGHJK", "GET"),
            (HttpMethod.Post, "/api/v1/programs", "GET"),
            (HttpMethod.Put, $"/{s.Tenant.Identifier}/api/v1/refunds", "POST"),
        })
        {
            using var request = new HttpRequestMessage(method, path) { Content = PosHttp.Json(new { }) };
            using var response = await s.Client.SendAsync(request);
            var problem = await response.ProblemAsync(405, "method-not-allowed");
            Assert.Contains(allowed, response.Content.Headers.Allow);
            Assert.Contains(method.Method, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_missing_page_outside_the_api_is_still_the_html_page()
    {
        var s = await factory.PosSetupAsync();
        using var response = await s.Client.GetAsync($"/{s.Tenant.Identifier}/no-such-page/api");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }
}
