using VibeCrm.Web.Infrastructure.Email;

namespace VibeCrm.UnitTests.Email;

public sealed class EmailTemplatesTests
{
    private readonly EmailTemplates _templates = new();

    [Theory]
    [InlineData("confirm-email", "Confirm your email for Corner Café")]
    [InlineData("reset-password", "Reset your password for Corner Café")]
    [InlineData("staff-invitation", "Join Corner Café on VibeCrm")]
    public async Task System_emails_have_a_subject_an_html_and_a_text_part(string template, string subject)
    {
        var model = new EmailModel("Corner Café", "Emma", "https://example.test/go?token=a&b=c") { Detail = "Manager", Sender = "Sophie" };
        var message = await _templates.RenderAsync(template, model, "emma@example.test", "Emma");
        Assert.Equal(subject, message.Subject);
        Assert.Contains("https://example.test/go?token=a&b=c", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("href=\"https://example.test/go?token=a&amp;b=c\"", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\">", message.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("{{", message.TextBody, StringComparison.Ordinal);
        Assert.Equal("Corner Café", message.FromName);
    }

    [Fact]
    public async Task Names_are_html_escaped()
    {
        var model = new EmailModel("<b>Shop</b>", "<script>x</script>", "https://example.test/") { Detail = "Agent", Sender = "A & B" };
        var message = await _templates.RenderAsync("staff-invitation", model, "x@example.test", null);
        Assert.DoesNotContain("<script>", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;Shop&lt;/b&gt;", message.HtmlBody, StringComparison.Ordinal);
    }
}
