using System.Text.RegularExpressions;
using Microsoft.Playwright;
using VibeCrm.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;
using static VibeCrm.E2E.Infrastructure.Journeys;
using static VibeCrm.E2E.Infrastructure.PageChecks;

namespace VibeCrm.E2E;

[Collection(E2ECollection.Name)]
public sealed class StaffInvitationTests(AppFixture app)
{
    [Fact]
    public async Task Owner_invites_a_manager_who_joins_and_is_later_deactivated()
    {
        var merchant = NewMerchant("Bakery");
        var managerEmail = $"manager.{merchant.Slug}@example.com";

        // The owner invites a manager.
        await using var ownerBrowser = await app.NewSessionAsync();
        var owner = ownerBrowser.Page;
        await SignUpAsync(owner, merchant);
        await owner.GotoAsync($"/{merchant.Slug}/admin/settings/staff");
        var inviteForm = owner.Locator("#invite-form");
        await Field(owner, "Email").FillAsync(managerEmail);
        await Field(owner, "Role").SelectOptionAsync("Manager");
        await inviteForm.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();
        await Expect(owner.GetByRole(AriaRole.Status)).ToContainTextAsync($"Invitation sent to {managerEmail}.");
        var pending = owner.Locator("section", new() { Has = owner.GetByRole(AriaRole.Heading, new() { Name = "Pending invitations" }) });
        await Expect(pending).ToContainTextAsync($"{managerEmail} · Manager · valid until");

        // The invitation arrives by email with the acceptance link.
        var email = await app.Mail.WaitForMessageAsync(managerEmail, "/admin/account/acceptinvitation");
        Assert.Equal($"Join {merchant.BusinessName} on VibeCrm", email.Subject);
        Assert.Contains($"{merchant.FirstName} {merchant.LastName} invited you", email.TextBody, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(email.HtmlBody), "The invitation has no HTML part.");
        var link = SmtpSink.LinkIn(email, "/admin/account/acceptinvitation");
        Assert.Equal($"/{merchant.Slug}/admin/account/acceptinvitation", link.AbsolutePath);

        // The manager opens it in their own browser, tells their name, chooses a password and is in.
        await using var managerBrowser = await app.NewSessionAsync();
        var manager = managerBrowser.Page;
        await manager.GotoAsync(link.ToString());
        await Expect(manager.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Join the team");
        await Expect(manager.GetByRole(AriaRole.Main)).ToContainTextAsync($"You were invited as Manager with {managerEmail}.");
        await AxeAsync(manager);
        await ScreenshotAsync(manager, "07-accept-invitation");
        await Field(manager, "First name").FillAsync("Mia");
        await Field(manager, "Last name").FillAsync("Manager");
        await Field(manager, "Choose a password").FillAsync(Password);
        await manager.GetByRole(AriaRole.Button, new() { Name = "Join the team" }).ClickAsync();
        await Expect(manager).ToHaveURLAsync(new Regex($"/{merchant.Slug}/admin$"));
        await Expect(manager.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Welcome to {merchant.BusinessName}");
        await Expect(manager.GetByRole(AriaRole.Button, new() { Name = "Mia Manager" })).ToBeVisibleAsync();

        // A manager sees the settings but not the staff page, which is the owner's.
        await manager.GotoAsync($"/{merchant.Slug}/admin/settings");
        await Expect(manager.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Settings");
        await manager.GotoAsync($"/{merchant.Slug}/admin/settings/staff");
        await Expect(manager.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("You do not have access to this page");

        // The link works once.
        await using (var again = await app.NewSessionAsync())
        {
            await again.Page.GotoAsync(link.ToString());
            await Expect(again.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("This invitation has expired or was already used.");
        }

        // The owner sees the new manager in the team, and deactivates them.
        await owner.ReloadAsync();
        var row = owner.GetByRole(AriaRole.Row).Filter(new() { HasText = managerEmail });
        await Expect(row).ToContainTextAsync("Mia Manager");
        await Expect(row.GetByLabel("Role of Mia Manager")).ToHaveValueAsync("Manager");
        await Expect(row).ToContainTextAsync("Active");
        await Expect(pending).ToContainTextAsync("No invitation is waiting.");

        string? confirmation = null;
        owner.Dialog += async (_, dialog) =>
        {
            confirmation = dialog.Message;
            await dialog.AcceptAsync();
        };
        await row.GetByRole(AriaRole.Button, new() { Name = "Deactivate Mia Manager" }).ClickAsync();
        await Expect(owner.GetByRole(AriaRole.Status)).ToContainTextAsync("Staff member deactivated.");
        Assert.Equal("Deactivate Mia Manager? They will be signed out at once.", confirmation);
        await Expect(row).ToContainTextAsync("Deactivated");
        await Expect(row.GetByRole(AriaRole.Button, new() { Name = "Reactivate Mia Manager" })).ToBeVisibleAsync();

        // The manager's next page load ends on the sign-in page; their password no longer opens the door.
        await manager.GotoAsync($"/{merchant.Slug}/admin");
        await Expect(manager).ToHaveURLAsync(new Regex($"/{merchant.Slug}/admin/account/login\\?ReturnUrl="));
        await Expect(manager.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Staff sign in");
        await SignInAsync(manager, managerEmail, Password);
        await Expect(manager.GetByRole(AriaRole.Alert)).ToContainTextAsync("Email or password is not correct.");

        ownerBrowser.AssertNoConsoleErrors();
        managerBrowser.AssertNoConsoleErrors("status of 403");
    }
}
