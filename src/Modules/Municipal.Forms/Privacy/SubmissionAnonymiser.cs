namespace Municipal.Forms.Privacy;

/// <summary>
/// Wipes the personal data of decided requests whose retention has passed (the form version's RetentionDays after
/// their last change). What goes: the answers of fields marked personal data, every file answer, the citizen's e-mail,
/// the attachments and the documents agents sent (files and rows: a row keeps a file name), the queue's search text, the text of every history line, the
/// identity of a signed-in citizen (national number and name). What stays: form, version, code, status, dates and
/// the non-personal answers, so that statistics and the history's shape remain.
/// Safe to re-run after a crash: rows are changed in one commit per batch, files are deleted after it, and a missing
/// file or folder is no error (a folder left by a crash is removed by <see cref="FormsFolderSweeper"/>).
/// </summary>
public sealed class SubmissionAnonymiser(
    FormsDbContext db, FormStore forms, SubmissionHistory history, DataPaths paths, TenantContext tenant, TimeProvider clock)
{
    /// <summary>What an anonymised request holds in place of the e-mail: not an address, so no search or follow-up can match it.</summary>
    public const string EmailMarkerPrefix = "anonymise-";

    private const int BatchSize = 100;

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    /// <summary>Anonymises every request due; returns how many.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var decided = Enum.GetValues<SubmissionStatus>().Where(s => s.IsDecided()).ToList();
        var versions = await db.Submissions.AsNoTracking()
            .Where(s => s.AnonymisedUtc == null && decided.Contains(s.Status))
            .Select(s => new { s.FormSlug, s.FormVersion })
            .Distinct()
            .ToListAsync(cancellationToken);
        var count = 0;
        foreach (var version in versions)
        {
            var form = await forms.GetVersionAsync(version.FormSlug, version.FormVersion, cancellationToken);
            if (form is null)
            {
                continue; // no definition, so no way to tell personal answers: left as is rather than guessed
            }

            // Bounded so that an absurd retention (checked to be at least a day) cannot overflow the date arithmetic.
            var cutoff = now.AddDays(-Math.Clamp(form.RetentionDays, 1, 36_500));
            while (true)
            {
                var batch = await db.Submissions
                    .Where(s => s.FormSlug == version.FormSlug && s.FormVersion == version.FormVersion
                        && s.AnonymisedUtc == null && decided.Contains(s.Status) && s.UpdatedUtc < cutoff)
                    .OrderBy(s => s.Id)
                    .Take(BatchSize)
                    .ToListAsync(cancellationToken);
                if (batch.Count == 0)
                {
                    break;
                }

                await AnonymiseAsync(form, batch, now, cancellationToken);
                count += batch.Count;
            }
        }

        return count;
    }

    private async Task AnonymiseAsync(FormDefinition form, List<SubmissionRecord> batch, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var ids = batch.Select(s => s.Id).ToList();
        var events = await db.Events.Where(e => ids.Contains(e.SubmissionId)).ToListAsync(cancellationToken);
        foreach (var line in events)
        {
            line.Text = null;
        }

        var attachments = await db.Attachments.Where(a => ids.Contains(a.SubmissionId)).ToListAsync(cancellationToken);
        db.Attachments.RemoveRange(attachments);
        db.Documents.RemoveRange(await db.Documents.Where(d => ids.Contains(d.SubmissionId)).ToListAsync(cancellationToken));
        foreach (var submission in batch)
        {
            var updated = submission.UpdatedUtc;
            submission.Values = KeepNonPersonal(form, submission.Values);
            submission.Email = EmailMarkerPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            submission.CitizenNationalNumber = null;
            submission.CitizenName = null;
            submission.SearchText = string.Empty;
            submission.SearchKeys = string.Empty;
            submission.AnonymisedUtc = now;
            history.Stage(submission, SubmissionEventKind.Anonymised, text: null, visibleToCitizen: true);
            submission.UpdatedUtc = updated; // the date of the decision stays the request's last change
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();

        // After the commit: a crash here leaves files of anonymised requests, which the folder sweep removes.
        var root = Path.Combine(paths.TenantFolder(tenant.Tenant.Name), SubmissionStore.AttachmentsFolder);
        foreach (var id in ids)
        {
            FormsFolderSweeper.DeleteFolder(Path.Combine(root, id));
        }
    }

    /// <summary>The stored answers without personal and file answers, nor any answer the form version does not name.</summary>
    public static string KeepNonPersonal(FormDefinition form, string storedValues)
    {
        var kept = form.AllFields().Where(f => !f.PersonalData && f is not FileField).Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        using var document = JsonDocument.Parse(storedValues);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in document.RootElement.EnumerateObject().Where(p => kept.Contains(p.Name)))
                {
                    property.WriteTo(writer);
                }
            }

            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
