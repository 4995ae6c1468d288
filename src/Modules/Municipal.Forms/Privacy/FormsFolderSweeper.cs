namespace Municipal.Forms.Privacy;

/// <summary>What one sweep removed: expired drafts, orphan folders, and drafts whose files went to bring the tenant under its quota.</summary>
public sealed record SweepOutcome(int ExpiredDrafts, int OrphanFolders, int TrimmedDrafts);

/// <summary>
/// Housekeeping of the e-counter's private folder: expired drafts (row, then folder), attachment folders that no
/// request names (".partial" ones of an interrupted submission, or a whole one whose commit failed), folders of
/// anonymised requests whose files outlived a crash, and draft folders without a draft. A folder touched less than
/// <see cref="GracePeriod"/> ago is left alone, since a submission or a draft may be writing it right now. When the
/// drafts' files pass the tenant's quota (the setting was lowered, or uploads raced), the files of the least recently
/// saved drafts go until they are under it; the drafts keep their other answers. The citizens' mail log older than a day goes too.
/// </summary>
public sealed class FormsFolderSweeper(FormsDbContext db, DataPaths paths, TenantContext tenant, TimeProvider clock, IOptions<FormsOptions> options)
{
    public const string DraftsFolder = "forms/drafts";

    public static readonly TimeSpan GracePeriod = TimeSpan.FromHours(1);

    private const string PartialSuffix = ".partial";

    private const int ChunkSize = 200;

    public async Task<SweepOutcome> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var tenantFolder = paths.TenantFolder(tenant.Tenant.Name);
        var drafts = await DeleteExpiredDraftsAsync(tenantFolder, now, cancellationToken);
        await CountUncountedFilesAsync(Path.Combine(tenantFolder, DraftsFolder), cancellationToken);
        var trimmed = await TrimOverQuotaAsync(tenantFolder, cancellationToken);
        var mailLogEnd = now - CitizenMailThrottle.Window - TimeSpan.FromDays(1);
        await db.CitizenMails.Where(m => m.SentUtc < mailLogEnd).ExecuteDeleteAsync(cancellationToken);
        var orphans = await SweepAttachmentsAsync(Path.Combine(tenantFolder, SubmissionStore.AttachmentsFolder), now, cancellationToken)
            + await SweepDraftFoldersAsync(Path.Combine(tenantFolder, DraftsFolder), now, cancellationToken);
        return new SweepOutcome(drafts, orphans, trimmed);
    }

    /// <summary>Deletes a folder and what it holds; a folder already gone is no error.</summary>
    public static void DeleteFolder(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Already gone: a run that crashed after deleting it, or another node.
        }
    }

    private async Task<int> DeleteExpiredDraftsAsync(string tenantFolder, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var expired = await db.Drafts.AsNoTracking().Where(d => d.ExpiresUtc < now).Select(d => d.Id).ToListAsync(cancellationToken);
        foreach (var chunk in expired.Chunk(ChunkSize))
        {
            await db.Drafts.Where(d => chunk.Contains(d.Id)).ExecuteDeleteAsync(cancellationToken);
            foreach (var id in chunk.Where(IsFolderName))
            {
                DeleteFolder(Path.Combine(tenantFolder, DraftsFolder, id));
            }
        }

        return expired.Count;
    }

    /// <summary>Drafts stored before their bytes were counted (0, yet files in their folder) get the size of their folder, so the quota sees them.</summary>
    private async Task CountUncountedFilesAsync(string root, CancellationToken cancellationToken)
    {
        var sized = Folders(root)
            .Where(f => IsFolderName(f.Name))
            .Select(f => (f.Name, Bytes: f.EnumerateFiles().Sum(file => file.Length)))
            .Where(f => f.Bytes > 0)
            .ToList();
        foreach (var chunk in sized.Chunk(ChunkSize))
        {
            var names = chunk.Select(f => f.Name).ToList();
            var uncounted = (await db.Drafts.AsNoTracking().Where(d => names.Contains(d.Id) && d.FileBytes == 0).Select(d => d.Id).ToListAsync(cancellationToken))
                .ToHashSet(StringComparer.Ordinal);
            foreach (var (id, bytes) in chunk.Where(f => uncounted.Contains(f.Name)))
            {
                await db.Drafts.Where(d => d.Id == id && d.FileBytes == 0).ExecuteUpdateAsync(s => s.SetProperty(d => d.FileBytes, bytes), cancellationToken);
            }
        }
    }

    private async Task<int> TrimOverQuotaAsync(string tenantFolder, CancellationToken cancellationToken)
    {
        var quota = options.Value.DraftBytesPerTenant;
        var total = await db.Drafts.AsNoTracking().SumAsync(d => (long?)d.FileBytes, cancellationToken) ?? 0;
        if (total <= quota)
        {
            return 0;
        }

        var oldestFirst = await db.Drafts.AsNoTracking()
            .Where(d => d.FileBytes > 0)
            .OrderBy(d => d.UpdatedUtc).ThenBy(d => d.Id)
            .Select(d => new { d.Id, d.FileBytes })
            .ToListAsync(cancellationToken);
        var trimmed = 0;
        foreach (var draft in oldestFirst)
        {
            if (total <= quota)
            {
                break;
            }

            // The row forgets its bytes before the folder goes; a draft saved meanwhile (other bytes) is left to the next run.
            var id = draft.Id;
            var bytes = draft.FileBytes;
            if (await db.Drafts.Where(d => d.Id == id && d.FileBytes == bytes).ExecuteUpdateAsync(s => s.SetProperty(d => d.FileBytes, 0L), cancellationToken) == 1
                && IsFolderName(id))
            {
                DeleteFolder(Path.Combine(tenantFolder, DraftsFolder, id));
            }

            total -= bytes;
            trimmed++;
        }

        return trimmed;
    }

    private async Task<int> SweepAttachmentsAsync(string root, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var folders = Folders(root);
        var swept = 0;
        foreach (var partial in folders.Where(f => f.Name.EndsWith(PartialSuffix, StringComparison.Ordinal)))
        {
            if (IsOld(partial, now))
            {
                DeleteFolder(partial.FullName);
                swept++;
            }
        }

        var named = folders.Where(f => !f.Name.EndsWith(PartialSuffix, StringComparison.Ordinal) && IsFolderName(f.Name)).ToList();
        foreach (var chunk in named.Chunk(ChunkSize))
        {
            var names = chunk.Select(f => f.Name).ToList();
            var rows = await db.Submissions.AsNoTracking()
                .Where(s => names.Contains(s.Id))
                .Select(s => new { s.Id, Anonymised = s.AnonymisedUtc != null })
                .ToDictionaryAsync(s => s.Id, s => s.Anonymised, StringComparer.Ordinal, cancellationToken);
            foreach (var folder in chunk)
            {
                var known = rows.TryGetValue(folder.Name, out var anonymised);
                if ((known && anonymised) || (!known && IsOld(folder, now)))
                {
                    DeleteFolder(folder.FullName);
                    swept++;
                }
            }
        }

        return swept;
    }

    private async Task<int> SweepDraftFoldersAsync(string root, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var old = Folders(root).Where(f => IsFolderName(f.Name) && IsOld(f, now)).ToList();
        var swept = 0;
        foreach (var chunk in old.Chunk(ChunkSize))
        {
            var names = chunk.Select(f => f.Name).ToList();
            var live = (await db.Drafts.AsNoTracking().Where(d => names.Contains(d.Id)).Select(d => d.Id).ToListAsync(cancellationToken))
                .ToHashSet(StringComparer.Ordinal);
            foreach (var folder in chunk.Where(f => !live.Contains(f.Name)))
            {
                DeleteFolder(folder.FullName);
                swept++;
            }
        }

        return swept;
    }

    private static List<DirectoryInfo> Folders(string root) =>
        Directory.Exists(root) ? new DirectoryInfo(root).EnumerateDirectories().ToList() : [];

    private static bool IsOld(DirectoryInfo folder, DateTimeOffset now) =>
        now - new DateTimeOffset(folder.LastWriteTimeUtc, TimeSpan.Zero) > GracePeriod;

    /// <summary>Ids are hex (submissions) or hex/base64url (draft hashes): anything else is not ours to delete by name.</summary>
    private static bool IsFolderName(string name)
    {
        var stem = name.EndsWith(PartialSuffix, StringComparison.Ordinal) ? name[..^PartialSuffix.Length] : name;
        return stem.Length is > 0 and <= 128 && stem.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
    }
}
