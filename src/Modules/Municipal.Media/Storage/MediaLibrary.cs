using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Municipal.Core.Audit;
using Municipal.Core.Content;

namespace Municipal.Media.Storage;

/// <summary>A file as sent by the upload form, with what the editor wrote beside it.</summary>
public sealed record MediaUpload(string FileName, byte[] Bytes, string? Alt, long? FolderId);

/// <summary>A content item that shows an image (its latest or its published version does).</summary>
public sealed record MediaUsage(string ContentItemId, string DisplayText, string ContentType);

/// <summary>The outcome of an upload: the stored image, or the French reason nothing was stored.</summary>
public sealed record MediaUploadResult(MediaRecord? Media, string? Error);

/// <summary>
/// The tenant's library: stores accepted images (derivatives first, then the row), lists, edits, finds where an
/// image is used and deletes it only when it is not. Every change is written to the audit log.
/// </summary>
public sealed class MediaLibrary(
    MediaDbContext db,
    TenantDbContext content,
    ImageProcessor processor,
    MediaFiles files,
    TenantContext tenant,
    AuditLog audit,
    IHttpContextAccessor accessor,
    TimeProvider clock)
{
    public const string AuditObjectType = "Media";
    public const int NameMaxLength = 200;
    public const int AltMaxLength = 500;

    public async Task<MediaUploadResult> UploadAsync(MediaUpload upload, CancellationToken cancellationToken)
    {
        var processed = await processor.ProcessAsync(upload.Bytes, cancellationToken);
        if (processed.Image is not { } image)
        {
            return new MediaUploadResult(null, processed.Error);
        }

        var id = Guid.NewGuid().ToString("N");
        var now = clock.GetUtcNow();
        var record = new MediaRecord
        {
            Id = id,
            Name = NameFromFile(upload.FileName),
            Alt = Clean(upload.Alt),
            FolderId = upload.FolderId is { } folderId && await db.Folders.AnyAsync(f => f.Id == folderId, cancellationToken) ? folderId : null,
            Width = image.Width,
            Height = image.Height,
            Widths = string.Join(',', image.Widths),
            FallbackFile = image.FallbackFile,
            UploadedUtc = now,
            ModifiedUtc = now,
            UploadedBy = accessor.HttpContext?.User.FindFirstValue(ClaimTypes.Email),
        };

        record.StoredBytes = await files.WriteAsync(tenant.Tenant.Name, id, image.Files, cancellationToken);
        try
        {
            db.Media.Add(record);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            // No row, no files: the upload left nothing behind.
            files.Delete(tenant.Tenant.Name, id);
            throw;
        }

        await audit.RecordAsync(AuditActions.Uploaded, AuditObjectType, id, record.Name, $"{image.Width} × {image.Height}", cancellationToken);
        return new MediaUploadResult(record, null);
    }

    public Task<MediaRecord?> FindAsync(string id, CancellationToken cancellationToken) =>
        IsId(id) ? db.Media.FirstOrDefaultAsync(m => m.Id == id, cancellationToken) : Task.FromResult<MediaRecord?>(null);

    /// <summary>Images of a folder (any when null), whose name or alternative text contains <paramref name="search"/>, newest first.</summary>
    public async Task<(IReadOnlyList<MediaRecord> Items, int Total)> ListAsync(string? search, long? folderId, int skip, int take, CancellationToken cancellationToken)
    {
        var query = Filter(db.Media.AsNoTracking(), search);
        if (folderId is not null)
        {
            query = query.Where(m => m.FolderId == folderId);
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(m => m.UploadedUtc).ThenBy(m => m.Id).Skip(skip).Take(take).ToListAsync(cancellationToken);
        return (items, total);
    }

    /// <summary>Images that may be used (alternative text written), newest first.</summary>
    public async Task<IReadOnlyList<MediaRecord>> ListUsableAsync(string? search, int take, CancellationToken cancellationToken) =>
        await Filter(db.Media.AsNoTracking(), search)
            .Where(m => m.Alt != null && m.Alt != "")
            .OrderByDescending(m => m.UploadedUtc).ThenBy(m => m.Id)
            .Take(take)
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<MediaFolderRecord>> FoldersAsync(CancellationToken cancellationToken) =>
        await db.Folders.AsNoTracking().OrderBy(f => f.Name).ToListAsync(cancellationToken);

    public async Task UpdateAsync(MediaRecord media, string name, string? alt, long? folderId, CancellationToken cancellationToken)
    {
        var changes = new List<string>();
        if (media.Name != name)
        {
            changes.Add("nom");
        }

        if (media.Alt != Clean(alt))
        {
            changes.Add("texte alternatif");
        }

        var folder = folderId is { } f && await db.Folders.AnyAsync(x => x.Id == f, cancellationToken) ? folderId : null;
        if (media.FolderId != folder)
        {
            changes.Add("dossier");
        }

        media.Name = name;
        media.Alt = Clean(alt);
        media.FolderId = folder;
        media.ModifiedUtc = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(AuditActions.Changed, AuditObjectType, media.Id, media.Name, changes.Count == 0 ? null : string.Join(", ", changes), cancellationToken);
    }

    /// <summary>Content items whose latest or published version holds an address of the image (lead image or rich text).</summary>
    public async Task<IReadOnlyList<MediaUsage>> UsageAsync(string id, CancellationToken cancellationToken)
    {
        var marker = "/medias/" + id + "/";
        var rows = await content.ContentItems.AsNoTracking()
            .Where(i => (i.Latest || i.Status == ContentStatus.Published) && i.Data.Contains(marker))
            .OrderByDescending(i => i.Latest)
            .Select(i => new { i.ContentItemId, i.DisplayText, i.ContentType })
            .ToListAsync(cancellationToken);
        return rows
            .GroupBy(r => r.ContentItemId)
            .Select(g => new MediaUsage(g.Key, g.First().DisplayText, g.First().ContentType))
            .OrderBy(u => u.DisplayText, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
    }

    /// <summary>Deletes the row, then the files. Returns where the image is used instead, when it is.</summary>
    public async Task<IReadOnlyList<MediaUsage>> DeleteAsync(MediaRecord media, CancellationToken cancellationToken)
    {
        var usage = await UsageAsync(media.Id, cancellationToken);
        if (usage.Count > 0)
        {
            return usage;
        }

        db.Media.Remove(media);
        await db.SaveChangesAsync(cancellationToken);
        files.Delete(tenant.Tenant.Name, media.Id);
        await audit.RecordAsync(AuditActions.Deleted, AuditObjectType, media.Id, media.Name, cancellationToken: cancellationToken);
        return [];
    }

    /// <summary>Creates a folder; returns the French error when the name is empty or taken.</summary>
    public async Task<string?> CreateFolderAsync(string name, CancellationToken cancellationToken)
    {
        if (await FolderNameErrorAsync(name, exceptId: null, cancellationToken) is { } error)
        {
            return error;
        }

        db.Folders.Add(new MediaFolderRecord { Name = name });
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(AuditActions.Created, "MediaFolder", null, name, cancellationToken: cancellationToken);
        return null;
    }

    public async Task<string?> RenameFolderAsync(MediaFolderRecord folder, string name, CancellationToken cancellationToken)
    {
        if (await FolderNameErrorAsync(name, folder.Id, cancellationToken) is { } error)
        {
            return error;
        }

        var former = folder.Name;
        folder.Name = name;
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(AuditActions.Changed, "MediaFolder", folder.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), name, $"ancien nom : {former}", cancellationToken);
        return null;
    }

    /// <summary>Deletes a folder; its images stay in the library, outside any folder. Answers how many were in it.</summary>
    public async Task<int> DeleteFolderAsync(MediaFolderRecord folder, CancellationToken cancellationToken)
    {
        var moved = await db.Media.Where(m => m.FolderId == folder.Id).ExecuteUpdateAsync(m => m.SetProperty(x => x.FolderId, (long?)null), cancellationToken);
        db.Folders.Remove(folder);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(AuditActions.Deleted, "MediaFolder", folder.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), folder.Name, cancellationToken: cancellationToken);
        return moved;
    }

    public Task<MediaFolderRecord?> FindFolderAsync(long id, CancellationToken cancellationToken) =>
        db.Folders.FirstOrDefaultAsync(f => f.Id == id, cancellationToken);

    public static bool IsId(string id) => id.Length == 32 && id.All(c => char.IsAsciiHexDigitLower(c) || char.IsAsciiDigit(c));

    private static IQueryable<MediaRecord> Filter(IQueryable<MediaRecord> query, string? search)
    {
        if (string.IsNullOrWhiteSpace(search))
        {
            return query;
        }

        var term = search.Trim().ToLower(System.Globalization.CultureInfo.CurrentCulture);
#pragma warning disable CA1304, CA1311, CA1862 // translated to SQL lower(): the culture overloads cannot be
        return query.Where(m => m.Name.ToLower().Contains(term) || (m.Alt != null && m.Alt.ToLower().Contains(term)));
#pragma warning restore CA1304, CA1311, CA1862
    }

    private async Task<string?> FolderNameErrorAsync(string name, long? exceptId, CancellationToken cancellationToken)
    {
        if (name.Length == 0)
        {
            return MediaText.Get("MediaFolderNameRequired");
        }

        if (name.Length > NameMaxLength)
        {
            return MediaText.Format("MediaFolderNameTooLong", NameMaxLength);
        }

        return await db.Folders.AnyAsync(f => f.Name == name && f.Id != exceptId, cancellationToken)
            ? MediaText.Format("MediaFolderNameTaken", name)
            : null;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string NameFromFile(string fileName)
    {
        var name = Path.GetFileNameWithoutExtension(Path.GetFileName(fileName.Replace('\\', '/'))).Trim();
        name = new string(name.Where(c => !char.IsControl(c)).ToArray());
        if (name.Length == 0)
        {
            name = MediaText.Get("MediaDefaultName");
        }

        return name.Length > NameMaxLength ? name[..NameMaxLength] : name;
    }
}
