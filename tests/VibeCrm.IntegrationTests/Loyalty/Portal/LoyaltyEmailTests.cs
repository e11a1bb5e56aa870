using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VibeCrm.Data.Loyalty;
using VibeCrm.Web.Features.Loyalty;
using VibeCrm.Web.Features.Loyalty.Portal.Emails;

namespace VibeCrm.IntegrationTests.Loyalty.Portal;

/// <summary>
/// The loyalty emails, sent by the real Hangfire server to the in-process SMTP server. Each test also runs the job again by
/// hand (as a second delivery would) and checks nothing more is sent.
/// </summary>
public sealed class LoyaltyEmailTests(PortalLoyaltyFactory factory) : IClassFixture<PortalLoyaltyFactory>
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Joining_sends_the_welcome_email_once()
    {
        var tenant = await factory.ClubTenantAsync();
        var mia = await factory.MemberAsync(tenant, "Mia");

        var welcome = await factory.Smtp.WaitForAsync(mia.Email, m => m.Subject == "Welcome to Club");
        Assert.Contains("Your balance: 50 points", welcome.TextBody, StringComparison.Ordinal);
        Assert.Contains($"/{tenant.Identifier}/me/loyalty", welcome.HtmlBody, StringComparison.Ordinal);
        var membershipId = await factory.MembershipIdAsync(mia);
        await WaitSentAsync(tenant, LoyaltyEmailKind.Welcome);

        Assert.False(await factory.RunAsync(tenant, sp => sp.GetRequiredService<LoyaltyEmailJob>().SendWelcomeAsync(membershipId, None)));
        Assert.Single(Messages(mia.Email, "Welcome to Club"));
    }

    [Fact]
    public async Task A_member_who_opted_out_of_loyalty_emails_gets_none()
    {
        var tenant = await factory.ClubTenantAsync();
        var mia = await factory.ShopperAsync(tenant, "Mia");
        await factory.DbAsync(tenant, db => db.Users.Where(u => u.Id == mia.UserId).ExecuteUpdateAsync(u => u.SetProperty(x => x.LoyaltyEmailOptIn, false)));
        await factory.JoinOnlyAsync(mia);

        var record = await WaitSentAsync(tenant, LoyaltyEmailKind.Welcome);
        Assert.Equal("Not sent: opted out of loyalty emails", record.Outcome);
        Assert.False(await factory.RunAsync(tenant, async sp => await sp.GetRequiredService<LoyaltyEmailJob>().SendWelcomeAsync(await factory.MembershipIdAsync(mia), None)));
        Assert.DoesNotContain(factory.Smtp.Messages, m => m.To.ToString().Contains(mia.Email, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Reaching_a_higher_tier_through_a_till_purchase_sends_the_tier_up_email_once()
    {
        var tenant = await factory.ClubTenantAsync();
        var mia = await factory.MemberAsync(tenant, "Mia");

        await factory.BuyAsync(mia, "R-1", 40m); // still Bronze
        await factory.BuyAsync(mia, "R-2", 80m); // 120 spent: Silver

        var email = await factory.Smtp.WaitForAsync(mia.Email, m => m.Subject == "You have reached Silver at Club");
        Assert.Contains("5% off your orders", email.TextBody, StringComparison.Ordinal);
        var change = await factory.DbAsync(tenant, db => db.TierChanges.OrderByDescending(c => c.Id).Select(c => c.Id).FirstAsync());
        await WaitSentAsync(tenant, LoyaltyEmailKind.TierUp);
        Assert.False(await factory.RunAsync(tenant, sp => sp.GetRequiredService<LoyaltyEmailJob>().SendTierUpAsync(change, None)));
        Assert.Single(Messages(mia.Email, "You have reached"));
    }

    [Fact]
    public async Task Redeeming_a_reward_emails_the_code_once()
    {
        var tenant = await factory.ClubTenantAsync();
        var mia = await factory.MemberAsync(tenant, "Mia");

        var rewardId = await factory.AddRewardAsync(tenant, "Free espresso", 30);
        var outcome = await factory.RunAsync(tenant, async sp => await sp.GetRequiredService<RewardRedemptions>().RedeemAsync(await factory.MembershipIdAsync(mia), rewardId, None));
        var code = outcome.Redemption!.Code;

        var email = await factory.Smtp.WaitForAsync(mia.Email, m => m.Subject == "Your reward code for Free espresso");
        Assert.Contains(code, email.TextBody, StringComparison.Ordinal);
        Assert.Contains(code, email.HtmlBody, StringComparison.Ordinal);
        await WaitSentAsync(tenant, LoyaltyEmailKind.RewardRedeemed);
        Assert.False(await factory.RunAsync(tenant, sp => sp.GetRequiredService<LoyaltyEmailJob>().SendRewardRedeemedAsync(outcome.Redemption.Id, None)));
        Assert.Single(Messages(mia.Email, "Your reward code"));
    }

    [Fact]
    public async Task The_expiring_points_job_warns_each_lot_once_however_often_it_runs()
    {
        var tenant = await factory.ClubTenantAsync(p => { p.ExpiryKind = ExpiryKind.AfterDays; p.ExpiryDays = 60; });
        var mia = await factory.MemberAsync(tenant, "Mia");

        await factory.BuyAsync(mia, "R-1", 25m);
        await RunExpiryWarningAsync(tenant);
        Assert.Empty(Messages(mia.Email, "expire soon")); // 60 days away: not yet

        factory.Clock.Advance(TimeSpan.FromDays(35)); // both lots now expire in 25 days
        await RunExpiryWarningAsync(tenant);
        await RunExpiryWarningAsync(tenant);
        var warning = Assert.Single(Messages(mia.Email, "expire soon"));
        Assert.Equal("75 points expire soon at Club", warning.Subject);
        Assert.Equal(2, await factory.DbAsync(tenant, db => db.LoyaltyEmails.CountAsync(e => e.Kind == LoyaltyEmailKind.PointsExpiring && e.SentAt != null)));

        // a later lot gets its own warning when its time comes, the warned ones are not repeated
        await factory.BuyAsync(mia, "R-2", 12m);
        factory.Clock.Advance(TimeSpan.FromDays(40));
        await RunExpiryWarningAsync(tenant);
        Assert.Equal(2, Messages(mia.Email, "expire soon").Count);
        Assert.Equal("12 points expire soon at Club", Messages(mia.Email, "expire soon").Last().Subject);
    }

    [Fact]
    public async Task An_inactivity_deadline_is_warned_once_and_says_a_purchase_keeps_the_points()
    {
        var tenant = await factory.ClubTenantAsync(p => { p.ExpiryKind = ExpiryKind.Inactivity; p.ExpiryDays = 90; });
        var mia = await factory.MemberAsync(tenant, "Mia");

        await factory.BuyAsync(mia, "R-1", 25m);
        await RunExpiryWarningAsync(tenant);
        Assert.Empty(Messages(mia.Email, "expire soon")); // 90 days away: not yet

        factory.Clock.Advance(TimeSpan.FromDays(65)); // the whole balance expires in 25 days
        await RunExpiryWarningAsync(tenant);
        await RunExpiryWarningAsync(tenant);
        var warning = Assert.Single(Messages(mia.Email, "expire soon"));
        Assert.Equal("75 points expire soon at Club", warning.Subject);
        Assert.Contains("Any purchase keeps your points", warning.TextBody, StringComparison.Ordinal);
        Assert.Contains("Any purchase keeps your points", warning.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("all your points", warning.TextBody, StringComparison.Ordinal);

        // the days go by without a visit: still the one warning for this deadline
        factory.Clock.Advance(TimeSpan.FromDays(10));
        await RunExpiryWarningAsync(tenant);
        Assert.Single(Messages(mia.Email, "expire soon"));
        Assert.Equal(1, await factory.DbAsync(tenant, db => db.LoyaltyEmails.CountAsync(e => e.Kind == LoyaltyEmailKind.PointsExpiring)));

        // a purchase moves the deadline; the new one gets its own warning when it comes near
        await factory.BuyAsync(mia, "R-2", 10m);
        await RunExpiryWarningAsync(tenant);
        Assert.Single(Messages(mia.Email, "expire soon"));
        factory.Clock.Advance(TimeSpan.FromDays(70));
        await RunExpiryWarningAsync(tenant);
        Assert.Equal(2, Messages(mia.Email, "expire soon").Count);
        Assert.Equal("85 points expire soon at Club", Messages(mia.Email, "expire soon").Last().Subject);
    }

    [Fact]
    public async Task A_member_active_within_the_inactivity_period_is_not_warned()
    {
        var tenant = await factory.ClubTenantAsync(p => { p.ExpiryKind = ExpiryKind.Inactivity; p.ExpiryDays = 90; });
        var mia = await factory.MemberAsync(tenant, "Mia");
        var ben = await factory.MemberAsync(tenant, "Ben");

        factory.Clock.Advance(TimeSpan.FromDays(50));
        await factory.BuyAsync(mia, "R-1", 20m); // Mia came back: her deadline is 90 days from now
        factory.Clock.Advance(TimeSpan.FromDays(20)); // Ben's deadline is in 20 days, Mia's in 70
        await RunExpiryWarningAsync(tenant);

        Assert.Empty(Messages(mia.Email, "expire soon"));
        Assert.Single(Messages(ben.Email, "expire soon"));
        var record = await factory.DbAsync(tenant, db => db.LoyaltyEmails.SingleAsync(e => e.Kind == LoyaltyEmailKind.PointsExpiring));
        Assert.Equal(await factory.MembershipIdAsync(ben), record.MembershipId);
    }

    [Fact]
    public async Task The_expiring_points_job_skips_members_who_opted_out_and_records_it()
    {
        var tenant = await factory.ClubTenantAsync(p => { p.ExpiryKind = ExpiryKind.AfterDays; p.ExpiryDays = 10; });
        var mia = await factory.MemberAsync(tenant, "Mia");

        await WaitSentAsync(tenant, LoyaltyEmailKind.Welcome);
        await factory.DbAsync(tenant, db => db.Users.Where(u => u.Id == mia.UserId).ExecuteUpdateAsync(u => u.SetProperty(x => x.LoyaltyEmailOptIn, false)));
        await RunExpiryWarningAsync(tenant);

        Assert.Empty(Messages(mia.Email, "expire soon"));
        var record = await factory.DbAsync(tenant, db => db.LoyaltyEmails.SingleAsync(e => e.Kind == LoyaltyEmailKind.PointsExpiring));
        Assert.Equal("Not sent: opted out of loyalty emails", record.Outcome);
    }

    private List<MimeKit.MimeMessage> Messages(string to, string subject) =>
        [.. factory.Smtp.Messages.Where(m => m.To.ToString().Contains(to, StringComparison.OrdinalIgnoreCase) && m.Subject != null && m.Subject.Contains(subject, StringComparison.Ordinal))];

    private Task<int> RunExpiryWarningAsync(VibeCrm.Tenancy.TenantInfo tenant) =>
        factory.RunAsync(tenant, async sp =>
        {
            await sp.GetRequiredService<ExpiringPointsWarningJob>().RunAsync(None);
            return 0;
        });

    /// <summary>Waits until the job server has finished with the email of <paramref name="kind"/> (sent or skipped).</summary>
    private async Task<LoyaltyEmail> WaitSentAsync(VibeCrm.Tenancy.TenantInfo tenant, LoyaltyEmailKind kind)
    {
        for (var i = 0; i < 300; i++)
        {
            var record = await factory.DbAsync(tenant, db => db.LoyaltyEmails.AsNoTracking().FirstOrDefaultAsync(e => e.Kind == kind && e.SentAt != null));
            if (record is not null)
            {
                return record;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No {kind} email was processed.");
    }
}
