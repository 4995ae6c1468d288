namespace Municipal.Core.Sharing;

/// <summary>The catalogue's tables in the host database (created by the host migration AddSharedCatalog).</summary>
internal static class SharedCatalogModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<SharedItemRecord>(item =>
        {
            item.ToTable("SharedItems");
            item.HasIndex(i => new { i.SourceTenant, i.ContentItemId }).IsUnique();
            item.HasIndex(i => new { i.ContentType, i.SourceTenant });
            item.HasMany(i => i.Occurrences).WithOne().HasForeignKey(o => o.ItemId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<SharedOccurrenceRecord>(occurrence =>
        {
            occurrence.ToTable("SharedOccurrences");
            occurrence.HasIndex(o => new { o.ContentType, o.StartUtc, o.SourceTenant, o.ItemId, o.Flags, o.Categories, o.Locality });
            occurrence.HasIndex(o => new { o.ContentType, o.StartUtc, o.Title, o.Id });
            occurrence.HasIndex(o => o.ItemId);
        });
        modelBuilder.Entity<SharedCursorRecord>(cursor =>
        {
            cursor.ToTable("SharedCursors");
            cursor.HasKey(c => c.TenantName);
        });
    }
}
