using VibeCrm.Data.Crm;
using VibeCrm.Web.Features.Leads;

namespace VibeCrm.UnitTests.Leads;

public sealed class LeadScorerTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 15, 12, 0, 0, TimeSpan.Zero);

    private static LeadFacts Lead(
        bool name = true, bool email = false, bool phone = false, bool company = false,
        LeadSource source = LeadSource.WalkIn, LeadStatus status = LeadStatus.New, int interactions = 0, DateTimeOffset? lastContact = null) =>
        new(name, email, phone, company, source, status, interactions, lastContact);

    [Theory]
    [InlineData("email", false, true, false, false, 10)]
    [InlineData("email", true, false, true, true, 0)]
    [InlineData("phone", false, false, true, false, 10)]
    [InlineData("company", false, false, false, true, 10)]
    [InlineData("name", true, false, false, false, 10)]
    [InlineData("name", false, true, true, true, 0)]
    [InlineData("EMAIL", false, true, false, false, 10)]
    [InlineData("birthday", true, true, true, true, 0)]
    public void Has_field_gives_points_when_the_field_is_present(string field, bool name, bool email, bool phone, bool company, int expected) =>
        Assert.Equal(expected, LeadScorer.Points(Lead(name, email, phone, company), new ScoreRule(LeadScorer.HasField, field, 10), Now));

    [Fact]
    public void Source_rule_matches_the_source_by_name_only()
    {
        var rule = new ScoreRule(LeadScorer.Source, "Referral", 15);
        Assert.Equal(15, LeadScorer.Points(Lead(source: LeadSource.Referral), rule, Now));
        Assert.Equal(15, LeadScorer.Points(Lead(source: LeadSource.Referral), rule with { Argument = "referral" }, Now));
        Assert.Equal(0, LeadScorer.Points(Lead(source: LeadSource.Website), rule, Now));
        Assert.Equal(0, LeadScorer.Points(Lead(source: LeadSource.Referral), rule with { Argument = "2" }, Now)); // numbers are not names
    }

    [Fact]
    public void Status_rule_matches_the_status()
    {
        var rule = new ScoreRule(LeadScorer.Status, "Qualified", 20);
        Assert.Equal(20, LeadScorer.Points(Lead(status: LeadStatus.Qualified), rule, Now));
        Assert.Equal(0, LeadScorer.Points(Lead(status: LeadStatus.Contacted), rule, Now));
        Assert.Equal(-30, LeadScorer.Points(Lead(status: LeadStatus.Disqualified), new ScoreRule(LeadScorer.Status, "Disqualified", -30), Now));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 5)]
    [InlineData(4, 20)]
    [InlineData(5, 25)]
    [InlineData(9, 25)]
    public void Per_interaction_points_are_capped(int interactions, int expected) =>
        Assert.Equal(expected, LeadScorer.Points(Lead(interactions: interactions), new ScoreRule(LeadScorer.PerInteraction, null, 5, 25), Now));

    [Fact]
    public void Per_interaction_without_a_cap_keeps_counting() =>
        Assert.Equal(100, LeadScorer.Points(Lead(interactions: 20), new ScoreRule(LeadScorer.PerInteraction, null, 5), Now));

    [Fact]
    public void Recent_contact_counts_only_within_the_window_and_not_in_the_future()
    {
        var rule = new ScoreRule(LeadScorer.RecentContact, "14", 10);
        Assert.Equal(10, LeadScorer.Points(Lead(lastContact: Now.AddDays(-3)), rule, Now));
        Assert.Equal(10, LeadScorer.Points(Lead(lastContact: Now.AddDays(-14)), rule, Now));
        Assert.Equal(0, LeadScorer.Points(Lead(lastContact: Now.AddDays(-15)), rule, Now));
        Assert.Equal(0, LeadScorer.Points(Lead(lastContact: null), rule, Now));
        Assert.Equal(0, LeadScorer.Points(Lead(lastContact: Now.AddDays(1)), rule, Now));
        Assert.Equal(0, LeadScorer.Points(Lead(lastContact: Now), rule with { Argument = "soon" }, Now));
    }

    [Fact]
    public void The_score_sums_active_rules_and_never_goes_below_zero()
    {
        var rules = new[]
        {
            new ScoreRule(LeadScorer.HasField, "email", 10),
            new ScoreRule(LeadScorer.HasField, "phone", 10),
            new ScoreRule(LeadScorer.HasField, "company", 5),
            new ScoreRule(LeadScorer.Source, "Referral", 15),
            new ScoreRule(LeadScorer.PerInteraction, null, 5, 25),
            new ScoreRule(LeadScorer.RecentContact, "14", 10),
            new ScoreRule(LeadScorer.Status, "Qualified", 20, IsActive: false),
        };
        var lead = Lead(email: true, phone: true, company: true, source: LeadSource.Referral, status: LeadStatus.Qualified, interactions: 7, lastContact: Now.AddDays(-1));
        Assert.Equal(10 + 10 + 5 + 15 + 25 + 10, LeadScorer.Score(lead, rules, Now));
        Assert.Equal(0, LeadScorer.Score(Lead(status: LeadStatus.Disqualified), [new ScoreRule(LeadScorer.Status, "Disqualified", -50)], Now));
        Assert.Equal(0, LeadScorer.Score(lead, [new ScoreRule("unknown-kind", null, 99)], Now));
    }

    [Fact]
    public void Max_points_caps_any_rule()
    {
        Assert.Equal(3, LeadScorer.Points(Lead(email: true), new ScoreRule(LeadScorer.HasField, "email", 10, 3), Now));
    }

    [Theory]
    [InlineData("has-field", "email", null)]
    [InlineData("has-field", "birthday", "which field")]
    [InlineData("source", "Referral", null)]
    [InlineData("source", "Carrier pigeon", "which source")]
    [InlineData("status", "qualified", null)]
    [InlineData("status", "4", "which status")]
    [InlineData("recent-contact", "14", null)]
    [InlineData("recent-contact", "0", "how many days")]
    [InlineData("per-interaction", null, null)]
    [InlineData("bogus", null, "what the rule checks")]
    public void Validation_explains_bad_rules(string kind, string? argument, string? error)
    {
        var message = LeadScorer.Validate(kind, argument, 5, null);
        if (error is null)
        {
            Assert.Null(message);
        }
        else
        {
            Assert.Contains(error, message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Validation_bounds_points_and_caps()
    {
        Assert.NotNull(LeadScorer.Validate(LeadScorer.PerInteraction, null, 5000, null));
        Assert.NotNull(LeadScorer.Validate(LeadScorer.PerInteraction, null, 5, -1));
        Assert.Equal("Referral", LeadScorer.Canonical(LeadScorer.Source, " referral "));
        Assert.Equal("email", LeadScorer.Canonical(LeadScorer.HasField, "Email"));
        Assert.Null(LeadScorer.Canonical(LeadScorer.PerInteraction, "anything"));
    }
}
