using System.Net;
using Microsoft.Extensions.DependencyInjection;
using VibeCrm.IntegrationTests.Infrastructure;

namespace VibeCrm.IntegrationTests.Accounts;

public sealed class StaffInvitationTests(VibeCrmFactory factory) : IClassFixture<VibeCrmFactory>
{
    [Fact]
    public async Task An_invited_manager_receives_the_email_accepts_and_works_until_deactivated()
    {
        var tenant = await factory.CreateTenantAsync();
        using var owner = new BrowserClient(factory);
        await owner.SignInStaffAsync(tenant.Slug, tenant.OwnerEmail);
        var staffPage = $"/{tenant.Slug}/admin/settings/staff";
        using (var invite = await owner.PostFormAsync(staffPage, new Dictionary<string, string> { ["Invite.Email"] = "nina@staff.test", ["Invite.Role"] = "Manager" }, staffPage + "?handler=Invite"))
        {
            Assert.Equal(HttpStatusCode.Redirect, invite.StatusCode);
        }

        var email = await factory.Smtp.WaitForAsync("nina@staff.test");
        Assert.Contains(tenant.Info.Name, email.Subject, StringComparison.Ordinal);
        Assert.NotNull(email.HtmlBody);
        Assert.Contains("Manager", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("valid for 7 days", email.HtmlBody, StringComparison.Ordinal);
        var link = Links.Find(email, "acceptinvitation");

        using var nina = new BrowserClient(factory);
        using (var accept = await nina.PostFormAsync(link, new Dictionary<string, string>
               {
                   ["Input.FirstName"] = "Nina",
                   ["Input.LastName"] = "Novak",
                   ["Input.Password"] = VibeCrmFactory.Password,
               }))
        {
            Assert.Equal(HttpStatusCode.Redirect, accept.StatusCode);
        }

        Assert.Contains("Nina Novak", await nina.GetPageAsync($"/{tenant.Slug}/admin"), StringComparison.Ordinal);
        Assert.Contains("Nina Novak", await owner.GetPageAsync(staffPage), StringComparison.Ordinal);

        // The link works once.
        Assert.Contains("expired or was already used", await new BrowserClient(factory).GetPageAsync(link), StringComparison.Ordinal);

        // Managers may not manage staff.
        using (var forbidden = await nina.GetAsync(staffPage))
        {
            Assert.Equal(HttpStatusCode.Redirect, forbidden.StatusCode);
            Assert.Contains("accessdenied", forbidden.Headers.Location?.OriginalString, StringComparison.Ordinal);
        }

        var ninaId = await factory.InTenantAsync(tenant.Info, sp =>
            Task.FromResult(sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<VibeCrm.Data.Identity.AppUser>>().Users.Single(u => u.Email == "nina@staff.test").Id));
        using (var deactivate = await owner.PostFormAsync(staffPage, new Dictionary<string, string> { ["userId"] = ninaId }, staffPage + "?handler=Deactivate"))
        {
            Assert.Equal(HttpStatusCode.Redirect, deactivate.StatusCode);
        }

        using var afterwards = await nina.GetAsync($"/{tenant.Slug}/admin");
        Assert.Equal(HttpStatusCode.Redirect, afterwards.StatusCode);
        Assert.Contains("/admin/account/login", afterwards.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_only_owner_cannot_demote_or_deactivate_themselves()
    {
        var tenant = await factory.CreateTenantAsync();
        using var owner = new BrowserClient(factory);
        await owner.SignInStaffAsync(tenant.Slug, tenant.OwnerEmail);
        var ownerId = await factory.InTenantAsync(tenant.Info, sp =>
            Task.FromResult(sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<VibeCrm.Data.Identity.AppUser>>().Users.Single(u => u.Email == tenant.OwnerEmail).Id));
        var staffPage = $"/{tenant.Slug}/admin/settings/staff";
        using var demote = await owner.PostFormAsync(staffPage, new Dictionary<string, string> { ["userId"] = ownerId, ["role"] = "Agent" }, staffPage + "?handler=Role");
        Assert.Equal(HttpStatusCode.Redirect, demote.StatusCode);
        Assert.Contains("only owner", await owner.GetPageAsync(staffPage), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_invitation_shows_the_error_in_the_htmx_partial()
    {
        var tenant = await factory.CreateTenantAsync();
        using var owner = new BrowserClient(factory);
        await owner.SignInStaffAsync(tenant.Slug, tenant.OwnerEmail);
        var staffPage = $"/{tenant.Slug}/admin/settings/staff";
        var html = await owner.GetPageAsync(staffPage);
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, staffPage + "?handler=Invite")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Invite.Email"] = tenant.OwnerEmail, ["Invite.Role"] = "Agent" }),
        };
        request.Headers.Add("HX-Request", "true");
        request.Headers.Add("RequestVerificationToken", WebUtility.HtmlDecode(token));
        using var response = await owner.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var partial = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("<form id=\"invite-form\"", partial.Trim(), StringComparison.Ordinal);
        Assert.Contains("already on the team", partial, StringComparison.Ordinal);
    }
}
