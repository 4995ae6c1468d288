using System.IO.Compression;

namespace Municipal.Forms.Privacy;

/// <summary>
/// Everything the e-counter holds about one e-mail address (a person's right of access): every request sent with it
/// (answers as text and as stored, the history the citizen sees, the attachments, the documents agents sent) and every draft saved with it,
/// as a ZIP holding "donnees.json" (UTF-8, indented) and the attachment files under "pieces-jointes/&lt;code&gt;/".
/// Internal notes of agents are not the citizen's data about themselves and stay out, as on the follow-up page.
/// The requests and drafts of a form reserved to a role the exporting user does not have stay out too, by the
/// queue's rule (<see cref="RequestForms.HiddenFrom"/>): the export must not open what the queue keeps closed.
/// What was left out is counted and said, in the JSON and on the page, so the officer knows to ask an administrator.
/// </summary>
public sealed class PersonalDataExport(FormsDbContext db, FormStore forms, SubmissionHistory history, DataPaths paths, TenantContext tenant, TimeProvider clock)
{
    public const string JsonEntry = "donnees.json";

    public const string FilesFolder = "pieces-jointes";

    private static readonly JsonWriterOptions WriterOptions = new() { Indented = true, Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

#pragma warning disable CA1304, CA1311, CA1862 // translated to SQL lower(): the culture overloads cannot be

    /// <summary>The requests sent with the address (any case; SQLite folds ASCII letters only), oldest first.</summary>
    public async Task<IReadOnlyList<SubmissionRecord>> FindRequestsAsync(string email, CancellationToken cancellationToken)
    {
        var lower = email.Trim().ToLowerInvariant();
        return await db.Submissions.AsNoTracking().Where(s => s.Email.ToLower() == lower).OrderBy(s => s.CreatedUtc).ThenBy(s => s.Id).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<FormDraftRecord>> FindDraftsAsync(string email, CancellationToken cancellationToken)
    {
        var lower = email.Trim().ToLowerInvariant();
        return await db.Drafts.AsNoTracking().Where(d => d.Email != null && d.Email.ToLower() == lower).OrderBy(d => d.CreatedUtc).ToListAsync(cancellationToken);
    }
#pragma warning restore CA1304, CA1311, CA1862

    /// <summary>The requests and drafts of the address this user may see, and what was left out for them.</summary>
    public async Task<PersonalDataSelection> SelectAsync(string email, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var forms = await RequestForms.LoadAsync(db, cancellationToken);
        var hidden = forms.HiddenFrom(user).ToHashSet(StringComparer.Ordinal);
        var requests = await FindRequestsAsync(email, cancellationToken);
        var drafts = await FindDraftsAsync(email, cancellationToken);
        var shownRequests = requests.Where(r => !hidden.Contains(r.FormSlug)).ToList();
        var shownDrafts = drafts.Where(d => !hidden.Contains(d.FormSlug)).ToList();
        var omittedRequests = requests.Count - shownRequests.Count;
        var omittedDrafts = drafts.Count - shownDrafts.Count;
        if (omittedRequests == 0 && omittedDrafts == 0)
        {
            return new PersonalDataSelection(shownRequests, shownDrafts, null);
        }

        var titles = requests.Select(r => r.FormSlug).Concat(drafts.Select(d => d.FormSlug)).Where(hidden.Contains).Distinct(StringComparer.Ordinal)
            .Select(slug => FormsText.Format("FormsQuoted", forms.Title(slug))).Order(StringComparer.CurrentCulture);
        var notes = new List<string>();
        if (omittedRequests > 0)
        {
            notes.Add(FormsText.Format("FormsPrivacyOmittedRequests", omittedRequests, string.Join(", ", titles)));
        }

        if (omittedDrafts > 0)
        {
            notes.Add(FormsText.Format("FormsPrivacyOmittedDrafts", omittedDrafts));
        }

        return new PersonalDataSelection(shownRequests, shownDrafts, new PersonalDataOmission(omittedRequests, omittedDrafts, string.Join(" ", notes)));
    }

    /// <summary>Writes the ZIP of these requests and drafts to <paramref name="output"/> (left open).</summary>
    public async Task WriteZipAsync(string email, PersonalDataSelection selection, Stream output, CancellationToken cancellationToken)
    {
        var (requests, drafts, omitted) = selection;
        var archive = await ZipArchive.CreateAsync(output, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: Encoding.UTF8, cancellationToken);
        await using (archive)
        {
            var files = new List<(string EntryName, string StoredPath)>();
            var json = await WriteJsonAsync(email, requests, drafts, omitted, files, cancellationToken);
            var entry = archive.CreateEntry(JsonEntry, CompressionLevel.Optimal);
            await using (var stream = await entry.OpenAsync(cancellationToken))
            {
                await stream.WriteAsync(json, cancellationToken);
            }

            var tenantFolder = paths.TenantFolder(tenant.Tenant.Name);
            foreach (var (entryName, storedPath) in files)
            {
                var source = Path.Combine(tenantFolder, storedPath);
                if (!File.Exists(source))
                {
                    continue; // listed in the JSON; its file went missing on disk, which must not stop the export
                }

                await using var file = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous);
                var fileEntry = archive.CreateEntry(entryName, CompressionLevel.Fastest);
                await using var target = await fileEntry.OpenAsync(cancellationToken);
                await file.CopyToAsync(target, cancellationToken);
            }
        }
    }

    /// <summary>"m***@exemple.be": enough for an officer reading the audit log, not the whole address.</summary>
    public static string Mask(string email)
    {
        var lower = email.Trim().ToLowerInvariant();
        var at = lower.IndexOf('@', StringComparison.Ordinal);
        return at <= 0 ? "***" : lower[0] + "***" + lower[at..];
    }

    /// <summary>The first 16 hex digits of the SHA-256 of the lowercased address: to tell later whether a known address was exported, without keeping it.</summary>
    public static string Fingerprint(string email) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToLowerInvariant())))[..16];

    private async Task<byte[]> WriteJsonAsync(
        string email,
        IReadOnlyList<SubmissionRecord> requests,
        IReadOnlyList<FormDraftRecord> drafts,
        PersonalDataOmission? omitted,
        List<(string, string)> files,
        CancellationToken cancellationToken)
    {
        var definitions = new Dictionary<(string, int), FormDefinition?>();
        using var buffer = new MemoryStream();
        await using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("email", email.Trim());
            writer.WriteString("exportedUtc", clock.GetUtcNow());
            writer.WriteString("municipality", tenant.Tenant.DisplayName);
            if (omitted is not null)
            {
                writer.WriteStartObject("omitted");
                writer.WriteNumber("requests", omitted.Requests);
                writer.WriteNumber("drafts", omitted.Drafts);
                writer.WriteString("note", omitted.Note);
                writer.WriteEndObject();
            }

            writer.WriteStartArray("requests");
            foreach (var request in requests)
            {
                var key = (request.FormSlug, request.FormVersion);
                if (!definitions.TryGetValue(key, out var form))
                {
                    form = await forms.GetVersionAsync(request.FormSlug, request.FormVersion, cancellationToken);
                    definitions[key] = form;
                }

                var lines = await history.ListAsync(request.Id, forCitizen: true, cancellationToken);
                var attachments = await db.Attachments.AsNoTracking().Where(a => a.SubmissionId == request.Id).OrderBy(a => a.Id).ToListAsync(cancellationToken);
                var documents = await db.Documents.AsNoTracking().Where(d => d.SubmissionId == request.Id).OrderBy(d => d.Id).ToListAsync(cancellationToken);
                WriteRequest(writer, request, form, lines, attachments, documents, files);
            }

            writer.WriteEndArray();
            writer.WriteStartArray("drafts");
            foreach (var draft in drafts)
            {
                writer.WriteStartObject();
                writer.WriteString("form", draft.FormSlug);
                writer.WriteNumber("formVersion", draft.FormVersion);
                writer.WriteString("createdUtc", draft.CreatedUtc);
                writer.WriteString("updatedUtc", draft.UpdatedUtc);
                writer.WriteString("expiresUtc", draft.ExpiresUtc);
                WriteStored(writer, "values", draft.Values);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WriteRequest(
        Utf8JsonWriter writer,
        SubmissionRecord request,
        FormDefinition? form,
        IReadOnlyList<SubmissionEventRecord> lines,
        IReadOnlyList<SubmissionAttachmentRecord> attachments,
        IReadOnlyList<RequestDocumentRecord> documents,
        List<(string, string)> files)
    {
        writer.WriteStartObject();
        writer.WriteString("trackingCode", request.TrackingCode);
        writer.WriteString("form", request.FormSlug);
        writer.WriteString("formTitle", form?.Title);
        writer.WriteNumber("formVersion", request.FormVersion);
        writer.WriteString("status", request.Status.ToString());
        writer.WriteString("statusLabel", request.Status.Label());
        writer.WriteString("createdUtc", request.CreatedUtc);
        writer.WriteString("updatedUtc", request.UpdatedUtc);
        if (request.CitizenNationalNumber is not null || request.CitizenName is not null)
        {
            writer.WriteStartObject("signedInCitizen");
            writer.WriteString("nationalNumber", request.CitizenNationalNumber);
            writer.WriteString("name", request.CitizenName);
            writer.WriteEndObject();
        }

        if (request.AnonymisedUtc is { } anonymised)
        {
            writer.WriteString("anonymisedUtc", anonymised);
        }

        writer.WriteStartArray("answers");
        foreach (var line in form is null ? [] : StoredAnswers.Lines(form, request.Values))
        {
            writer.WriteStartObject();
            writer.WriteString("step", line.StepTitle);
            writer.WriteString("field", line.FieldName);
            writer.WriteString("label", line.Label);
            writer.WriteString("text", line.Text);
            writer.WriteBoolean("personalData", line.PersonalData);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        WriteStored(writer, "storedValues", request.Values);
        writer.WriteStartArray("history");
        foreach (var line in lines)
        {
            writer.WriteStartObject();
            writer.WriteString("atUtc", line.CreatedUtc);
            writer.WriteString("kind", line.Kind.ToString());
            writer.WriteString("label", FormsText.Get("FormsEvent" + line.Kind));
            if (line.ToStatus is { } status)
            {
                writer.WriteString("status", status.Label());
            }

            writer.WriteString("text", line.Text);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("attachments");
        var index = 0;
        foreach (var attachment in attachments)
        {
            index++;
            var entryName = $"{FilesFolder}/{request.TrackingCode}/{index}-{SafeName(attachment.FileName)}";
            writer.WriteStartObject();
            writer.WriteString("field", attachment.FieldName);
            writer.WriteString("name", attachment.FileName);
            writer.WriteString("contentType", attachment.ContentType);
            writer.WriteNumber("size", attachment.Size);
            writer.WriteString("file", entryName);
            writer.WriteEndObject();
            files.Add((entryName, attachment.StoredPath));
        }

        writer.WriteEndArray();
        WriteDocuments(writer, request, documents, files);
        writer.WriteEndObject();
    }

    /// <summary>The documents the agents sent the citizen (a certificate), with their files.</summary>
    private static void WriteDocuments(Utf8JsonWriter writer, SubmissionRecord request, IReadOnlyList<RequestDocumentRecord> documents, List<(string, string)> files)
    {
        writer.WriteStartArray("documentsFromAgents");
        var index = 0;
        foreach (var document in documents)
        {
            index++;
            var entryName = $"{FilesFolder}/{request.TrackingCode}/document-{index}-{SafeName(document.FileName)}";
            writer.WriteStartObject();
            writer.WriteString("name", document.FileName);
            writer.WriteString("contentType", document.ContentType);
            writer.WriteNumber("size", document.Size);
            writer.WriteString("sentUtc", document.CreatedUtc);
            writer.WriteString("file", entryName);
            writer.WriteEndObject();
            files.Add((entryName, document.StoredPath));
        }

        writer.WriteEndArray();
    }

    /// <summary>The stored JSON as JSON (not as a string); a value that is not JSON is written as text.</summary>
    private static void WriteStored(Utf8JsonWriter writer, string name, string stored)
    {
        writer.WritePropertyName(name);
        try
        {
            using var document = JsonDocument.Parse(stored);
            document.RootElement.WriteTo(writer);
        }
        catch (JsonException)
        {
            writer.WriteStringValue(stored);
        }
    }

    /// <summary>The citizen's file name, without anything a ZIP reader could take for a folder or a device.</summary>
    private static string SafeName(string name)
    {
        var cleaned = new string(name.Select(c => char.IsControl(c) || c is '/' or '\\' or ':' or '*' or '?' or '"' or '<' or '>' or '|' ? '_' : c).ToArray()).Trim('.', ' ');
        return cleaned.Length == 0 ? "fichier" : cleaned[..Math.Min(cleaned.Length, 120)];
    }
}

/// <summary>What an export holds for one user, and what it leaves out (null when nothing).</summary>
public sealed record PersonalDataSelection(IReadOnlyList<SubmissionRecord> Requests, IReadOnlyList<FormDraftRecord> Drafts, PersonalDataOmission? Omitted);

/// <summary>The requests and drafts of forms reserved to another role, counted, with the sentence that says so (French).</summary>
public sealed record PersonalDataOmission(int Requests, int Drafts, string Note);
