namespace Municipal.Core.Content;

/// <summary>Reads and writes a tenant's typed settings sections.</summary>
public sealed class SiteSettingsStore(TenantDbContext db, TenantContext tenant, TenantDataCache cache, Display.PublicPageCache pages, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<T> GetAsync<T>(CancellationToken cancellationToken = default)
        where T : class, ISettingsSection, new()
    {
        var section = T.SectionName;
        return await cache.GetOrLoadAsync(tenant.Tenant.Name, "settings:" + section, async () =>
        {
            var row = await db.Settings.AsNoTracking().FirstOrDefaultAsync(s => s.Section == section, cancellationToken);
            return row is null ? new T() : JsonSerializer.Deserialize<T>(row.Json, Json) ?? new T();
        });
    }

    public async Task SaveAsync<T>(T value, CancellationToken cancellationToken = default)
        where T : class, ISettingsSection
    {
        var json = JsonSerializer.Serialize(value, Json);
        var section = T.SectionName;
        var row = await db.Settings.FirstOrDefaultAsync(s => s.Section == section, cancellationToken);
        if (row is null)
        {
            db.Settings.Add(new SiteSettingRecord { Section = section, Json = json, ModifiedUtc = clock.GetUtcNow() });
        }
        else
        {
            row.Json = json;
            row.ModifiedUtc = clock.GetUtcNow();
        }

        await db.SaveChangesAsync(cancellationToken);
        // Every page shows menus and branding: the public site shows the change at once.
        await pages.EvictAsync(tenant.Tenant.Name, cancellationToken);
    }
}
