using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using VibeCrm.Data.Crm;
using VibeCrm.Data.Feedback;
using VibeCrm.Data.Identity;
using VibeCrm.Data.Loyalty;
using VibeCrm.Data.PosApi;
using VibeCrm.Data.Sentiment;
using VibeCrm.Data.Surveys;

namespace VibeCrm.Data.Tenants;

/// <summary>Everything of one merchant, Identity included. One database per tenant.</summary>
public sealed class TenantDbContext(DbContextOptions<TenantDbContext> options)
    : IdentityDbContext<AppUser, IdentityRole, string>(options)
{
    public DbSet<StaffInvitation> StaffInvitations => Set<StaffInvitation>();

    public DbSet<Customer> Customers => Set<Customer>();

    public DbSet<CustomerTag> CustomerTags => Set<CustomerTag>();

    public DbSet<CustomFieldDefinition> CustomFields => Set<CustomFieldDefinition>();

    public DbSet<CustomFieldValue> CustomFieldValues => Set<CustomFieldValue>();

    public DbSet<ConsentRecord> ConsentRecords => Set<ConsentRecord>();

    public DbSet<Interaction> Interactions => Set<Interaction>();

    public DbSet<PipelineStage> PipelineStages => Set<PipelineStage>();

    public DbSet<Opportunity> Opportunities => Set<Opportunity>();

    public DbSet<OpportunityStageChange> OpportunityStageChanges => Set<OpportunityStageChange>();

    public DbSet<Lead> Leads => Set<Lead>();

    public DbSet<LeadScoreRule> LeadScoreRules => Set<LeadScoreRule>();

    public DbSet<ImportJob> ImportJobs => Set<ImportJob>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<LoyaltyProgram> LoyaltyPrograms => Set<LoyaltyProgram>();

    public DbSet<EarnRule> EarnRules => Set<EarnRule>();

    public DbSet<Tier> Tiers => Set<Tier>();

    public DbSet<TierBenefit> TierBenefits => Set<TierBenefit>();

    public DbSet<TierChange> TierChanges => Set<TierChange>();

    public DbSet<LoyaltyMembership> LoyaltyMemberships => Set<LoyaltyMembership>();

    public DbSet<PointLot> PointLots => Set<PointLot>();

    public DbSet<LedgerEntry> LedgerEntries => Set<LedgerEntry>();

    public DbSet<LedgerAllocation> LedgerAllocations => Set<LedgerAllocation>();

    public DbSet<Purchase> Purchases => Set<Purchase>();

    public DbSet<PurchaseLine> PurchaseLines => Set<PurchaseLine>();

    public DbSet<Reward> Rewards => Set<Reward>();

    public DbSet<RewardTier> RewardTiers => Set<RewardTier>();

    public DbSet<RewardCode> RewardCodes => Set<RewardCode>();

    public DbSet<Redemption> Redemptions => Set<Redemption>();

    public DbSet<LoyaltyInvariantBreach> LoyaltyInvariantBreaches => Set<LoyaltyInvariantBreach>();

    public DbSet<SentimentCorrection> SentimentCorrections => Set<SentimentCorrection>();

    public DbSet<SentimentModelVersion> SentimentModelVersions => Set<SentimentModelVersion>();

    public DbSet<SentimentTopic> SentimentTopics => Set<SentimentTopic>();

    public DbSet<SentimentSettings> SentimentSettings => Set<SentimentSettings>();

    public DbSet<FeedbackItem> FeedbackItems => Set<FeedbackItem>();

    public DbSet<FeedbackMessage> FeedbackMessages => Set<FeedbackMessage>();

    public DbSet<FeedbackSettings> FeedbackSettings => Set<FeedbackSettings>();

    public DbSet<FeedbackAssignmentCursor> FeedbackAssignmentCursors => Set<FeedbackAssignmentCursor>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    public DbSet<LoyaltyEmail> LoyaltyEmails => Set<LoyaltyEmail>();

    public DbSet<LoyaltyReferralCode> LoyaltyReferralCodes => Set<LoyaltyReferralCode>();

    public DbSet<LoyaltyReferral> LoyaltyReferrals => Set<LoyaltyReferral>();

    public DbSet<Survey> Surveys => Set<Survey>();

    public DbSet<SurveyQuestion> SurveyQuestions => Set<SurveyQuestion>();

    public DbSet<SurveyInvitation> SurveyInvitations => Set<SurveyInvitation>();

    public DbSet<SurveyResponse> SurveyResponses => Set<SurveyResponse>();

    public DbSet<SurveyAnswer> SurveyAnswers => Set<SurveyAnswer>();

    /// <summary>
    /// Saves with one scan for changes: the save interceptors (audit, caches) read the entries as detected here, and EF
    /// does not scan again. A ledger change is a dozen tracked rows saved on the API's hot path; with automatic detection
    /// every interceptor's look at the entries scanned them all once more.
    /// </summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        using var detected = DetectOnce();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    /// <inheritdoc cref="SaveChanges(bool)"/>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        using var detected = DetectOnce();
        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    private DetectedChanges DetectOnce()
    {
        var automatic = ChangeTracker.AutoDetectChangesEnabled;
        if (automatic)
        {
            ChangeTracker.DetectChanges();
            ChangeTracker.AutoDetectChangesEnabled = false;
        }

        return new DetectedChanges(ChangeTracker, automatic);
    }

    /// <summary>Turns automatic detection back on after the save, when it was on.</summary>
    private readonly struct DetectedChanges(Microsoft.EntityFrameworkCore.ChangeTracking.ChangeTracker tracker, bool automatic) : IDisposable
    {
        public void Dispose()
        {
            if (automatic)
            {
                tracker.AutoDetectChangesEnabled = true;
            }
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.UseProviderConventions(Database);

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        // Every module's entities configure themselves (IEntityTypeConfiguration classes next to the entity).
        builder.ApplyConfigurationsFromAssembly(typeof(TenantDbContext).Assembly, t => t.Namespace != typeof(Catalog.CatalogDbContext).Namespace);
        builder.Entity<AppUser>(b =>
        {
            b.Property(u => u.Kind).HasConversion<string>().HasMaxLength(16);
            b.Property(u => u.FirstName).HasMaxLength(100);
            b.Property(u => u.LastName).HasMaxLength(100);
            b.HasIndex(u => new { u.Kind, u.NormalizedEmail });
            b.HasIndex(u => u.CustomerId);
            b.HasOne<Customer>().WithMany().HasForeignKey(u => u.CustomerId).OnDelete(DeleteBehavior.SetNull);
        });
        builder.Entity<StaffInvitation>(b =>
        {
            b.Property(i => i.Email).HasMaxLength(256);
            b.Property(i => i.Role).HasMaxLength(32);
            b.Property(i => i.TokenHash).HasMaxLength(128);
            b.HasIndex(i => i.TokenHash).IsUnique();
            b.Property(i => i.InvitedByUserId).HasMaxLength(450);
        });
    }
}
