using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using VibeCrm.IntegrationTests.Infrastructure;

namespace VibeCrm.IntegrationTests.Imports;

/// <summary>The app with its real Hangfire server, so imports started from the pages run by themselves.</summary>
public sealed class ImportJobServerFactory : VibeCrmFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Jobs:RunServer"] = "true" };
}

public static partial class ImportPages
{
    /// <summary>Posts a file to the upload page as a browser would (multipart, with the page's antiforgery token).</summary>
    public static async Task<HttpResponseMessage> UploadAsync(BrowserClient browser, string slug, byte[] file, string fileName, string kind = "Customers")
    {
        var url = $"/{slug}/admin/customers/import";
        var html = await browser.GetPageAsync(url);
        using var content = new MultipartFormDataContent
        {
            { new StringContent(Token(html)), "__RequestVerificationToken" },
            { new StringContent(kind), "Input.Kind" },
        };
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(part, "Input.File", fileName);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        return await browser.SendAsync(request);
    }

    public static string Token(string html) =>
        WebUtility.HtmlDecode(TokenPattern().Match(html).Groups["t"].Value);

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"(?<t>[^\"]+)\"", RegexOptions.ExplicitCapture, 1000)]
    private static partial Regex TokenPattern();
}

public sealed partial class ImportPagesTests(ImportJobServerFactory factory) : IClassFixture<ImportJobServerFactory>
{
    [Fact]
    public async Task Upload_map_preview_run_valid_rows_only_poll_and_download_the_error_file()
    {
        var tenant = await factory.CreateTenantAsync();
        using var browser = new BrowserClient(factory);
        await browser.SignInStaffAsync(tenant.Slug, tenant.OwnerEmail);
        var csv = "Prénom;Nom;Courriel;Téléphone\nAnna;Smith;anna@example.com;06 12 34 56 78\nBob;Lee;bob-at-example;\nCarl;Jones;carl@example.com;\n";

        // Upload → mapping page.
        using var uploaded = await ImportPages.UploadAsync(browser, tenant.Slug, [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(csv)], "people.csv");
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        var mapUrl = uploaded.Headers.Location!.OriginalString;
        var map = await browser.GetPageAsync(mapUrl);
        Assert.Contains("<option value=\"email\" selected=\"selected\">Email</option>", map, StringComparison.Ordinal);
        Assert.Contains($"action=\"{mapUrl}\"", WebUtility.HtmlDecode(map), StringComparison.Ordinal);

        // Map (the suggestions) → preview, which shows the bad row.
        using var mapped = await browser.PostFormAsync(mapUrl, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, mapped.StatusCode); // no Targets posted: the mapping is refused with a message
        Assert.Contains("Choose a field", await mapped.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var mappedOk = await PostTargetsAsync(browser, mapUrl, ["first_name", "last_name", "email", "phone"]);
        Assert.Equal(HttpStatusCode.Redirect, mappedOk.StatusCode);
        var previewUrl = mappedOk.Headers.Location!.OriginalString;
        var preview = await browser.GetPageAsync(previewUrl);
        Assert.Contains($"action=\"{previewUrl}\"", WebUtility.HtmlDecode(preview), StringComparison.Ordinal);
        Assert.Contains("<dd class=\"col-sm-8\" id=\"count-invalid\">1</dd>", preview, StringComparison.Ordinal);
        Assert.Contains("“bob-at-example” is not a valid email address.", WebUtility.HtmlDecode(preview), StringComparison.Ordinal);
        Assert.Contains("+33612345678", WebUtility.HtmlDecode(preview), StringComparison.Ordinal);

        // Run with "valid rows only" → progress page, polled until done.
        using var started = await browser.PostFormAsync(previewUrl, new Dictionary<string, string> { ["ImportValidRowsOnly"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var progressUrl = started.Headers.Location!.OriginalString;
        var page = await browser.GetPageAsync(progressUrl);
        Assert.Contains("id=\"import-status\"", page, StringComparison.Ordinal);
        var statusUrl = WebUtility.HtmlDecode(StatusUrl().Match(page) is { Success: true } m ? m.Groups["u"].Value : progressUrl.Replace("?", "?handler=Status&", StringComparison.Ordinal));
        string partial = "";
        for (var i = 0; i < 150 && !partial.Contains("data-import-finished", StringComparison.Ordinal); i++)
        {
            await Task.Delay(200);
            using var poll = await browser.GetAsync(statusUrl, new Dictionary<string, string> { ["HX-Request"] = "true" });
            partial = await poll.Content.ReadAsStringAsync();
        }

        Assert.Contains("data-import-finished", partial, StringComparison.Ordinal);
        Assert.DoesNotContain("hx-trigger", partial, StringComparison.Ordinal);
        Assert.Contains("<dd class=\"col-sm-9\" id=\"summary-created\">2</dd>", partial, StringComparison.Ordinal);
        Assert.Contains("<dd class=\"col-sm-9\" id=\"summary-errors\">1</dd>", partial, StringComparison.Ordinal);

        // The error file.
        var errorsUrl = WebUtility.HtmlDecode(ErrorUrl().Match(partial).Groups["u"].Value);
        using var download = await browser.GetAsync(errorsUrl);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("text/csv", download.Content.Headers.ContentType?.MediaType);
        var rows = ImportTestKit.ReadCsv(await download.Content.ReadAsByteArrayAsync());
        Assert.Equal(["3", "Email", "“bob-at-example” is not a valid email address.", "Bob", "Lee", "bob-at-example", ""], rows[1]);

        // The history lists it.
        var history = await browser.GetPageAsync($"/{tenant.Slug}/admin/customers/import");
        Assert.Contains("people.csv", history, StringComparison.Ordinal);
        Assert.Contains("Completed", history, StringComparison.Ordinal);
        Assert.Contains($"href=\"{progressUrl}\"", WebUtility.HtmlDecode(history), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_cannot_be_imported_is_explained_on_the_upload_page()
    {
        var tenant = await factory.CreateTenantAsync();
        using var browser = new BrowserClient(factory);
        await browser.SignInStaffAsync(tenant.Slug, tenant.OwnerEmail);
        using var response = await ImportPages.UploadAsync(browser, tenant.Slug, [0x50, 0x4B, 0x03, 0x04, 0, 0, 0], "people.xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("This is an Excel workbook", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> PostTargetsAsync(BrowserClient browser, string mapUrl, string[] targets)
    {
        var html = await browser.GetPageAsync(mapUrl);
        var fields = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", ImportPages.Token(html)) };
        fields.AddRange(targets.Select(t => new KeyValuePair<string, string>("Targets", t)));
        using var request = new HttpRequestMessage(HttpMethod.Post, mapUrl) { Content = new FormUrlEncodedContent(fields) };
        return await browser.SendAsync(request);
    }

    [GeneratedRegex("hx-get=\"(?<u>[^\"]+)\"", RegexOptions.ExplicitCapture, 1000)]
    private static partial Regex StatusUrl();

    [GeneratedRegex("href=\"(?<u>[^\"]+)\" id=\"error-file\"", RegexOptions.ExplicitCapture, 1000)]
    private static partial Regex ErrorUrl();
}
