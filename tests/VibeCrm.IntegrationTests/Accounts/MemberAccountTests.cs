using System.Net;
using VibeCrm.IntegrationTests.Infrastructure;

namespace VibeCrm.IntegrationTests.Accounts;

public sealed class MemberAccountTests(VibeCrmFactory factory) : IClassFixture<VibeCrmFactory>
{
    [Fact]
    public async Task A_shopper_joins_confirms_the_email_signs_in_and_keeps_preferences()
    {
        var tenant = await factory.CreateTenantAsync();
        using var shopper = new BrowserClient(factory);
        var join = $"/{tenant.Slug}/account/join";
        using (var joined = await shopper.PostFormAsync(join, new Dictionary<string, string>
               {
                   ["Input.FirstName"] = "Lina",
                   ["Input.LastName"] = "Haddad",
                   ["Input.Email"] = "lina@shopper.test",
                   ["Input.Password"] = VibeCrmFactory.Password,
                   ["Input.MarketingEmailOptIn"] = "true",
               }))
        {
            Assert.Equal(HttpStatusCode.OK, joined.StatusCode);
            Assert.Contains("We sent a confirmation link", await joined.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // Not confirmed yet: sign-in explains why.
        using (var early = await shopper.PostFormAsync($"/{tenant.Slug}/account/signin", new Dictionary<string, string> { ["Input.Email"] = "lina@shopper.test", ["Input.Password"] = VibeCrmFactory.Password }))
        {
            Assert.Contains("confirm your email first", await early.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var email = await factory.Smtp.WaitForAsync("lina@shopper.test");
        Assert.Equal($"Confirm your email for {tenant.Info.Name}", email.Subject);
        Assert.Contains("Confirm my email", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Your email is confirmed", await shopper.GetPageAsync(Links.Find(email, "confirmemail")), StringComparison.Ordinal);

        await shopper.SignInMemberAsync(tenant.Slug, "lina@shopper.test");
        var me = await shopper.GetPageAsync($"/{tenant.Slug}/me");
        Assert.Contains("Lina Haddad", me, StringComparison.Ordinal);
        Assert.Contains("checked=\"checked\" data-val=\"true\" data-val-required=\"The Offers and news by email field is required.\" id=\"Input_MarketingEmailOptIn\"", me, StringComparison.Ordinal);

        using (var saved = await shopper.PostFormAsync($"/{tenant.Slug}/me", new Dictionary<string, string>
               {
                   ["Input.FirstName"] = "Lina",
                   ["Input.LastName"] = "Haddad-Ross",
                   ["Input.MarketingEmailOptIn"] = "false",
                   ["Input.LoyaltyEmailOptIn"] = "true",
               }))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        var after = await shopper.GetPageAsync($"/{tenant.Slug}/me");
        Assert.Contains("Your preferences are saved", after, StringComparison.Ordinal);
        Assert.Contains("Lina Haddad-Ross", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tampered_confirmation_link_does_not_confirm()
    {
        var tenant = await factory.CreateTenantAsync();
        using var shopper = new BrowserClient(factory);
        using (await shopper.PostFormAsync($"/{tenant.Slug}/account/join", new Dictionary<string, string>
               {
                   ["Input.FirstName"] = "Ola",
                   ["Input.LastName"] = "Berg",
                   ["Input.Email"] = "ola@shopper.test",
                   ["Input.Password"] = VibeCrmFactory.Password,
               }))
        {
        }

        var link = Links.Find(await factory.Smtp.WaitForAsync("ola@shopper.test"), "confirmemail");
        Assert.Contains("This link does not work", await shopper.GetPageAsync(link.Replace("token=", "token=x", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_reset_their_password_from_the_emailed_link()
    {
        var tenant = await factory.CreateTenantAsync();
        using var browser = new BrowserClient(factory);
        using (var requested = await browser.PostFormAsync($"/{tenant.Slug}/admin/account/forgotpassword", new Dictionary<string, string> { ["Email"] = tenant.OwnerEmail }))
        {
            Assert.Contains("a link to choose a new password is on its way", await requested.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // Unknown emails get the same answer and no mail.
        using (var unknown = await browser.PostFormAsync($"/{tenant.Slug}/admin/account/forgotpassword", new Dictionary<string, string> { ["Email"] = "nobody@nowhere.test" }))
        {
            Assert.Contains("a link to choose a new password is on its way", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var link = Links.Find(await factory.Smtp.WaitForAsync(tenant.OwnerEmail, m => m.Subject?.StartsWith("Reset", StringComparison.Ordinal) == true), "resetpassword");
        var query = System.Web.HttpUtility.ParseQueryString(new Uri("http://x" + link).Query);
        using (var reset = await browser.PostFormAsync(link, new Dictionary<string, string>
               {
                   ["Input.Email"] = query["email"]!,
                   ["Input.Token"] = query["token"]!,
                   ["Input.Password"] = "Brand-new-pass-42",
                   ["Input.ConfirmPassword"] = "Brand-new-pass-42",
               }))
        {
            Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        }

        await browser.SignInStaffAsync(tenant.Slug, tenant.OwnerEmail, "Brand-new-pass-42");
        Assert.DoesNotContain(factory.Smtp.Messages, m => m.To.ToString().Contains("nobody@nowhere.test", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account()
    {
        var tenant = await factory.CreateTenantAsync();
        using var browser = new BrowserClient(factory);
        for (var i = 0; i < 5; i++)
        {
            using var wrong = await browser.PostFormAsync($"/{tenant.Slug}/admin/account/login", new Dictionary<string, string> { ["Input.Email"] = tenant.OwnerEmail, ["Input.Password"] = "wrong-password-1" });
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        using var right = await browser.PostFormAsync($"/{tenant.Slug}/admin/account/login", new Dictionary<string, string> { ["Input.Email"] = tenant.OwnerEmail, ["Input.Password"] = VibeCrmFactory.Password });
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("locked for 15 minutes", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
