using Microsoft.EntityFrameworkCore;

namespace Municipal.Media.Storage;

/// <summary>The media library's tables in the tenant's database (migrations history: "__MediaMigrations").</summary>
public sealed class MediaDbContext(DbContextOptions<MediaDbContext> options) : DbContext(options)
{
    public DbSet<MediaRecord> Media => Set<MediaRecord>();

    public DbSet<MediaFolderRecord> Folders => Set<MediaFolderRecord>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        UtcTicksConverter.Apply(configurationBuilder);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<MediaRecord>(media =>
        {
            media.ToTable("Media");
            media.HasKey(m => m.Id);
            media.HasIndex(m => m.FolderId);
            media.HasIndex(m => m.UploadedUtc);
        });
        modelBuilder.Entity<MediaFolderRecord>(folder =>
        {
            folder.ToTable("MediaFolders");
            folder.HasIndex(f => f.Name).IsUnique();
        });
    }
}
