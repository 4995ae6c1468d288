using Microsoft.EntityFrameworkCore;
using Municipal.Core.Storage;

namespace Municipal.Events.Storage;

/// <summary>The events' index tables in the tenant's database (migrations history: "__EventsMigrations").</summary>
public sealed class EventsDbContext(DbContextOptions<EventsDbContext> options) : DbContext(options)
{
    public DbSet<OccurrenceRecord> Occurrences => Set<OccurrenceRecord>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        UtcTicksConverter.Apply(configurationBuilder);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OccurrenceRecord>(occurrence =>
        {
            occurrence.ToTable("EventOccurrences");
            occurrence.HasKey(o => o.Id);
            occurrence.Property(o => o.Status).HasConversion<string>();
            occurrence.HasIndex(o => new { o.StartUtc, o.Title, o.ContentItemId });
            occurrence.HasIndex(o => new { o.ContentItemId, o.StartUtc });
            occurrence.HasIndex(o => new { o.Locality, o.StartUtc });
        });
    }
}
