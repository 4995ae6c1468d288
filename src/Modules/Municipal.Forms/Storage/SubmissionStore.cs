namespace Municipal.Forms.Storage;

/// <summary>
/// A request that passed the intake's checks, as it is stored: the form version answered, the accepted e-mail and
/// answers, and the identity of a signed-in citizen (forms that require one).
/// </summary>
public sealed record NewSubmission(FormDefinition Form, string Email, IReadOnlyDictionary<string, FieldValue> Values, string? CitizenNationalNumber, string? CitizenName);

/// <summary>What a citizen may learn about a request with its code and their e-mail.</summary>
public sealed record SubmissionSummary(string TrackingCode, SubmissionStatus Status, string FormSlug, int FormVersion, DateTimeOffset CreatedUtc, DateTimeOffset UpdatedUtc);

/// <summary>
/// Stores citizens' requests. Durability: the attachments are written and flushed to disk, then the row and its
/// attachments' metadata are committed in one transaction, and only then is the tracking code returned.
/// </summary>
public sealed class SubmissionStore(
    FormsDbContext db, TrackingCodeSource codes, DataPaths paths, TenantContext tenant, TimeProvider clock)
{
    /// <summary>Attachments live in the tenant's private folder, which no route serves: only an authorised download will.</summary>
    public const string AttachmentsFolder = "forms/attachments";

    private const int CodeAttempts = 5;

    /// <summary>
    /// Persists a request the intake accepted: its attachments, its row and its first history line, in one
    /// transaction; returns the stored row (with its final tracking code) once committed.
    /// </summary>
    public async Task<SubmissionRecord> AddAsync(NewSubmission accepted, CancellationToken cancellationToken)
    {
        var form = accepted.Form;
        var now = clock.GetUtcNow();
        var id = Guid.NewGuid().ToString("N");
        var tenantFolder = paths.TenantFolder(tenant.Tenant.Name);
        var (attachments, references) = await WriteAttachmentsAsync(tenantFolder, id, accepted.Values, cancellationToken);
        var submission = new SubmissionRecord
        {
            Id = id,
            TrackingCode = codes.Next(),
            FormSlug = form.Slug,
            FormVersion = form.Version,
            Email = accepted.Email,
            Values = SubmissionValuesJson.Write(accepted.Values, references),
            Status = SubmissionStatus.Received,
            CitizenNationalNumber = accepted.CitizenNationalNumber,
            CitizenName = accepted.CitizenName,
            CreatedUtc = now,
            UpdatedUtc = now,
        };
        (submission.SearchText, submission.SearchKeys) = RequestSearch.Build(
            form, submission.Values, accepted.Email, accepted.CitizenName, accepted.CitizenNationalNumber);
        db.Submissions.Add(submission);
        db.Attachments.AddRange(attachments);
        db.Events.Add(new SubmissionEventRecord
        {
            SubmissionId = id,
            Kind = SubmissionEventKind.Submitted,
            ToStatus = SubmissionStatus.Received,
            VisibleToCitizen = true,
            CreatedUtc = now,
        });
        try
        {
            await CommitAsync(submission, cancellationToken);
        }
        catch
        {
            // Not committed, so never acknowledged: the files go too.
            DeleteFolder(Path.Combine(tenantFolder, AttachmentsFolder, id));
            throw;
        }

        return submission;
    }

    /// <summary>The request with this code, when the e-mail is the one it was sent with; null otherwise (the same answer for both).</summary>
    public async Task<SubmissionSummary?> FindAsync(string? code, string? email, CancellationToken cancellationToken)
    {
        var canonical = TrackingCodes.Parse(code);
        if (canonical is null || email is null)
        {
            return null;
        }

        var found = await db.Submissions.AsNoTracking().FirstOrDefaultAsync(s => s.TrackingCode == canonical, cancellationToken);
        var expected = Encoding.UTF8.GetBytes((found?.Email ?? "").Trim().ToUpperInvariant());
        var given = Encoding.UTF8.GetBytes(email.Trim().ToUpperInvariant());
        var same = CryptographicOperations.FixedTimeEquals(expected, given);
        return found is not null && same
            ? new SubmissionSummary(found.TrackingCode, found.Status, found.FormSlug, found.FormVersion, found.CreatedUtc, found.UpdatedUtc)
            : null;
    }

    /// <summary>
    /// Saves in one transaction; on a unique-index violation that is a tracking-code collision (about one in 10^17
    /// per pair), draws another code and tries again. Any other failure is thrown.
    /// </summary>
    private async Task CommitAsync(SubmissionRecord submission, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException) when (attempt < CodeAttempts)
            {
                if (!await CodeTakenAsync(submission.TrackingCode, cancellationToken))
                {
                    throw;
                }

                submission.TrackingCode = codes.Next();
            }
        }
    }

    private Task<bool> CodeTakenAsync(string code, CancellationToken cancellationToken) =>
        db.Submissions.AsNoTracking().AnyAsync(s => s.TrackingCode == code, cancellationToken);

    /// <summary>
    /// Writes the accepted files under a temporary folder, flushes them to disk, then renames the folder to the
    /// submission's id (one atomic rename) before the row is committed. A crash before the commit leaves a folder
    /// that no row names: nothing was acknowledged, and such orphans can be swept. A crash after the commit loses
    /// nothing, since the files were already in place: "acknowledged ⇒ stored" holds without any repair step.
    /// Stored names are generated ("1", "2"...): the citizen's file name is kept only in the database.
    /// </summary>
    private static async Task<(List<SubmissionAttachmentRecord> Records, Dictionary<string, IReadOnlyList<StoredFileReference>> References)> WriteAttachmentsAsync(
        string tenantFolder, string submissionId, IReadOnlyDictionary<string, FieldValue> values, CancellationToken cancellationToken)
    {
        var records = new List<SubmissionAttachmentRecord>();
        var references = new Dictionary<string, IReadOnlyList<StoredFileReference>>(StringComparer.Ordinal);
        var files = values.Where(v => v.Value is FileListValue).OrderBy(v => v.Key, StringComparer.Ordinal).ToList();
        if (files.Count == 0)
        {
            return (records, references);
        }

        var root = Path.Combine(tenantFolder, AttachmentsFolder);
        var temporary = Path.Combine(root, submissionId + ".partial");
        SecureFiles.CreateDirectory(temporary);
        try
        {
            var index = 0;
            foreach (var (field, value) in files)
            {
                var list = new List<StoredFileReference>();
                foreach (var file in ((FileListValue)value).Files)
                {
                    index++;
                    var storedName = index.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    await using (var stream = SecureFiles.OpenWrite(
                        Path.Combine(temporary, storedName), FileMode.CreateNew, FileOptions.Asynchronous, 81920))
                    {
                        await stream.WriteAsync(file.Content, cancellationToken);
                        stream.Flush(flushToDisk: true);
                    }

                    var relative = $"{AttachmentsFolder}/{submissionId}/{storedName}";
                    list.Add(new StoredFileReference(file.Name, file.ContentType, file.Content.Length, relative));
                    records.Add(new SubmissionAttachmentRecord
                    {
                        SubmissionId = submissionId,
                        FieldName = field,
                        FileName = file.Name,
                        ContentType = file.ContentType,
                        Size = file.Content.Length,
                        StoredPath = relative,
                    });
                }

                references[field] = list;
            }

            Directory.Move(temporary, Path.Combine(root, submissionId));
        }
        catch
        {
            DeleteFolder(temporary);
            throw;
        }

        return (records, references);
    }

    private static void DeleteFolder(string folder)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
