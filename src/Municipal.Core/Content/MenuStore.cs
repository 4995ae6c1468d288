namespace Municipal.Core.Content;

/// <summary>Reads and writes a tenant's menus.</summary>
public sealed class MenuStore(TenantDbContext db, TenantContext tenant, TenantDataCache cache, Display.PublicPageCache pages, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task<IReadOnlyList<MenuItem>> GetAsync(string name, CancellationToken cancellationToken = default) =>
        cache.GetOrLoadAsync<IReadOnlyList<MenuItem>>(tenant.Tenant.Name, "menu:" + name, async () =>
        {
            var row = await db.Menus.AsNoTracking().FirstOrDefaultAsync(m => m.Name == name, cancellationToken);
            return row is null ? [] : JsonSerializer.Deserialize<List<MenuItem>>(row.Items, Json) ?? [];
        });

    public async Task SaveAsync(string name, IReadOnlyList<MenuItem> items, CancellationToken cancellationToken = default)
    {
        var json = JsonSerializer.Serialize(items, Json);
        var row = await db.Menus.FirstOrDefaultAsync(m => m.Name == name, cancellationToken);
        if (row is null)
        {
            db.Menus.Add(new MenuRecord { Name = name, Items = json, ModifiedUtc = clock.GetUtcNow() });
        }
        else
        {
            row.Items = json;
            row.ModifiedUtc = clock.GetUtcNow();
        }

        await db.SaveChangesAsync(cancellationToken);
        // Every page shows menus and branding: the public site shows the change at once.
        await pages.EvictAsync(tenant.Tenant.Name, cancellationToken);
    }
}
