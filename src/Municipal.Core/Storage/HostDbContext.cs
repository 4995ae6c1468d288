namespace Municipal.Core.Storage;

/// <summary>
/// The host database: the tenant registry, the history of recipe runs, durable jobs, the operators' accounts, and the
/// shared catalogue (what tenants published and marked shared, copied for the others). Never holds a tenant's private content.
/// </summary>
public sealed class HostDbContext(DbContextOptions<HostDbContext> options) : DbContext(options)
{
    public DbSet<TenantRecord> Tenants => Set<TenantRecord>();

    public DbSet<TenantHostRecord> TenantHosts => Set<TenantHostRecord>();

    public DbSet<RecipeRunRecord> RecipeRuns => Set<RecipeRunRecord>();

    public DbSet<JobRecord> Jobs => Set<JobRecord>();

    public DbSet<OperatorRecord> Operators => Set<OperatorRecord>();

    /// <summary>Failed sign-ins of the operators, per typed address and client (see SignInThrottle).</summary>
    public DbSet<SignInThrottleRecord> SignInThrottles => Set<SignInThrottleRecord>();

    /// <summary>The shared catalogue: items tenants share with the others (see Sharing.SharedCatalogRelay).</summary>
    public DbSet<Sharing.SharedItemRecord> SharedItems => Set<Sharing.SharedItemRecord>();

    public DbSet<Sharing.SharedOccurrenceRecord> SharedOccurrences => Set<Sharing.SharedOccurrenceRecord>();

    /// <summary>Per tenant, the last change of its change table the catalogue copied.</summary>
    public DbSet<Sharing.SharedCursorRecord> SharedCursors => Set<Sharing.SharedCursorRecord>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        UtcTicksConverter.Apply(configurationBuilder);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<TenantRecord>(tenant =>
        {
            tenant.ToTable("Tenants");
            tenant.HasKey(t => t.Name);
            tenant.HasIndex(t => t.PathPrefix).IsUnique();
            tenant.Property(t => t.State).HasConversion<string>();
            tenant.Property(t => t.Features).HasConversion(new JsonListConverter(), JsonListConverter.Comparer);
            tenant.HasMany(t => t.Hosts).WithOne().HasForeignKey(h => h.TenantName).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<TenantHostRecord>(host =>
        {
            host.ToTable("TenantHosts");
            host.HasKey(h => h.Host);
            host.HasIndex(h => h.TenantName);
        });
        modelBuilder.Entity<JobRecord>(job =>
        {
            job.ToTable("Jobs");
            job.HasIndex(j => new { j.CompletedUtc, j.FailedUtc, j.DueUtc });
            job.HasIndex(j => new { j.TenantName, j.Kind });
        });
        modelBuilder.Entity<OperatorRecord>(op =>
        {
            op.ToTable("Operators");
            op.HasIndex(o => o.NormalizedEmail).IsUnique();
        });
        modelBuilder.Entity<SignInThrottleRecord>(SignInThrottleRecord.Configure);
        Sharing.SharedCatalogModel.Configure(modelBuilder);
        modelBuilder.Entity<RecipeRunRecord>(run =>
        {
            run.ToTable("RecipeRuns");
            run.HasIndex(r => new { r.TenantName, r.StartedUtc });
        });
    }
}
