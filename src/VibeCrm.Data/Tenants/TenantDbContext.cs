using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using VibeCrm.Data.Identity;

namespace VibeCrm.Data.Tenants;

/// <summary>Everything of one merchant, Identity included. One database per tenant.</summary>
public sealed class TenantDbContext(DbContextOptions<TenantDbContext> options)
    : IdentityDbContext<AppUser, IdentityRole, string>(options)
{
    public DbSet<StaffInvitation> StaffInvitations => Set<StaffInvitation>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.UseProviderConventions(Database);

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<AppUser>(b =>
        {
            b.Property(u => u.Kind).HasConversion<string>().HasMaxLength(16);
            b.Property(u => u.FirstName).HasMaxLength(100);
            b.Property(u => u.LastName).HasMaxLength(100);
            b.HasIndex(u => new { u.Kind, u.NormalizedEmail });
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
