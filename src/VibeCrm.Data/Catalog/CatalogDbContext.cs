using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace VibeCrm.Data.Catalog;

/// <summary>The platform's own database: the tenant registry, operators and data-protection keys.</summary>
public sealed class CatalogDbContext(DbContextOptions<CatalogDbContext> options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<Tenant> Tenants => Set<Tenant>();

    public DbSet<PlatformOperator> Operators => Set<PlatformOperator>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.UseProviderConventions(Database);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Tenant>(b =>
        {
            b.Property(t => t.Id).HasMaxLength(32);
            b.Property(t => t.Identifier).HasMaxLength(40);
            b.HasIndex(t => t.Identifier).IsUnique();
            b.Property(t => t.Name).HasMaxLength(120);
            b.Property(t => t.TimeZoneId).HasMaxLength(64);
            b.Property(t => t.Currency).HasMaxLength(3);
            b.Property(t => t.DatabaseName).HasMaxLength(64);
            b.HasIndex(t => t.DatabaseName).IsUnique();
            b.Property(t => t.LastError).HasMaxLength(2000);
            b.Property(t => t.State).HasConversion<string>().HasMaxLength(16);
        });
        modelBuilder.Entity<PlatformOperator>(b =>
        {
            b.Property(o => o.Email).HasMaxLength(256);
            b.HasIndex(o => o.Email).IsUnique();
            b.Property(o => o.PasswordHash).HasMaxLength(512);
        });
    }
}
