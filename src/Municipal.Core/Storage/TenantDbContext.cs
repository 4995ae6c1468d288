using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

namespace Municipal.Core.Storage;

/// <summary>
/// The core's part of a tenant's database: users (ASP.NET Core Identity), settings, content versions and menus.
/// Modules with tables of their own add a context of their own on the same database (see <see cref="TenantStorageServiceCollectionExtensions"/>).
/// </summary>
public sealed class TenantDbContext(DbContextOptions<TenantDbContext> options) : IdentityDbContext<IdentityUser>(options)
{
    public DbSet<SiteSettingRecord> Settings => Set<SiteSettingRecord>();

    public DbSet<ContentItemRecord> ContentItems => Set<ContentItemRecord>();

    public DbSet<MenuRecord> Menus => Set<MenuRecord>();

    public DbSet<RouteRedirectRecord> RouteRedirects => Set<RouteRedirectRecord>();

    public DbSet<AuditRecord> AuditLog => Set<AuditRecord>();

    /// <summary>The change table: what went online, offline, to the trash (see <see cref="ContentChangeRecord"/>).</summary>
    public DbSet<ContentChangeRecord> ContentChanges => Set<ContentChangeRecord>();

    public DbSet<AdminSessionRecord> AdminSessions => Set<AdminSessionRecord>();

    public DbSet<SignInThrottleRecord> SignInThrottles => Set<SignInThrottleRecord>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        UtcTicksConverter.Apply(configurationBuilder);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<SiteSettingRecord>(settings =>
        {
            settings.ToTable("Settings");
            settings.HasKey(s => s.Section);
        });
        builder.Entity<ContentItemRecord>(item =>
        {
            item.ToTable("ContentItems");
            item.Property(i => i.Status).HasConversion<string>();
            item.Property(i => i.ReviewState).HasConversion<string>();
            item.HasIndex(i => new { i.ContentItemId, i.Latest });
            item.HasIndex(i => new { i.Path, i.Status });
            item.HasIndex(i => new { i.ContentType, i.Status });
            item.HasIndex(i => new { i.ContentType, i.Status, i.ContentDate });
        });
        builder.Entity<ContentChangeRecord>(change =>
        {
            change.ToTable("ContentChanges");
            change.Property(c => c.Kind).HasConversion<string>();
        });
        builder.Entity<RouteRedirectRecord>(redirect =>
        {
            redirect.ToTable("RouteRedirects");
            redirect.HasKey(r => r.OldPath);
            redirect.HasIndex(r => r.ContentItemId);
        });
        builder.Entity<AuditRecord>(audit =>
        {
            audit.ToTable("AuditLog");
            audit.HasIndex(a => a.ObjectId);
        });
        builder.Entity<AdminSessionRecord>(session =>
        {
            session.ToTable("AdminSessions");
            session.HasIndex(s => s.UserId);
        });
        builder.Entity<SignInThrottleRecord>(SignInThrottleRecord.Configure);
        builder.Entity<MenuRecord>(menu =>
        {
            menu.ToTable("Menus");
            menu.HasKey(m => m.Name);
        });
    }
}
