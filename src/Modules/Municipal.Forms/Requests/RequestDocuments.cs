namespace Municipal.Forms.Requests;

/// <summary>A document an agent sends, with its download link.</summary>
public sealed record RequestDocumentView(string Name, string Size, string Url);

/// <summary>A document's bytes and how it is served: typed and named from its bytes, as a download.</summary>
public sealed record RequestDocumentFile(Stream Content, string ContentType, string DownloadName);

/// <summary>
/// The documents agents send citizens with a message or a decision (a certificate, a PDF): checked as citizens'
/// files are (<see cref="FileValidator"/>: size, type, content matching its type), written and flushed beside the
/// request's attachments before the row is committed with its history line, and served only to whoever may see the
/// request: the agents, and the citizen on the follow-up page after giving its code and e-mail.
/// </summary>
public sealed class RequestDocuments(FormsDbContext db, DataPaths paths, TenantContext tenant, TimeProvider clock)
{
    /// <summary>The form field of the document, on the status and message forms.</summary>
    public const string FieldName = "document";

    /// <summary>What an agent may send: PDF and images, up to 10 Mo, one file a message.</summary>
    public static FileField Field => new()
    {
        Name = FieldName,
        Label = FormsText.Get("FormsAgentDocumentLabel"),
        MaxFiles = 1,
        MaxBytes = 10 * 1024 * 1024,
        AcceptedTypes = ["application/pdf", "image/jpeg", "image/png"],
    };

    /// <summary>The document the agent chose, checked; null without one; or the French error for its field (<paramref name="fieldId"/>).</summary>
    public static async Task<(UploadedFile? File, ErrorLinkView? Error)> ReadAsync(IFormCollection form, string fieldId, CancellationToken cancellationToken)
    {
        var upload = form.Files.GetFile(FieldName);
        if (upload is null || (upload.Length == 0 && upload.FileName.Length == 0))
        {
            return (null, null);
        }

        var field = Field;
        if (upload.Length > field.MaxBytes)
        {
            return (null, new ErrorLinkView(FormsText.Format("FormsErrorFileTooBig", field.Label, FileValidator.DisplayName(upload.FileName), RequestViews.Size(field.MaxBytes)), "#" + fieldId));
        }

        using var buffer = new MemoryStream((int)upload.Length);
        await using (var stream = upload.OpenReadStream())
        {
            await stream.CopyToAsync(buffer, cancellationToken);
        }

        var file = new UploadedFile(upload.FileName, upload.ContentType ?? "application/octet-stream", buffer.ToArray());
        var outcome = FileValidator.Validate(field, new FileListValue([file]));
        return outcome.Errors.Count > 0
            ? (null, new ErrorLinkView(outcome.Errors[0].Message, "#" + fieldId))
            : (((FileListValue)outcome.Value!).Files[0], null);
    }

    /// <summary>
    /// Writes the file (flushed) and stages its row with the history line it comes with; the caller saves both in one
    /// commit, and calls <see cref="Forget"/> when that fails, so no file outlives a message that was not stored.
    /// </summary>
    public async Task<RequestDocumentRecord> StageAsync(SubmissionRecord submission, SubmissionEventRecord line, UploadedFile file, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(paths.TenantFolder(tenant.Tenant.Name), SubmissionStore.AttachmentsFolder, submission.Id);
        SecureFiles.CreateDirectory(folder);
        var storedName = "document-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        await using (var stream = SecureFiles.OpenWrite(Path.Combine(folder, storedName), FileMode.CreateNew, FileOptions.Asynchronous, 81920))
        {
            await stream.WriteAsync(file.Content, cancellationToken);
            stream.Flush(flushToDisk: true);
        }

        var document = new RequestDocumentRecord
        {
            SubmissionId = submission.Id,
            Event = line,
            FileName = file.Name,
            ContentType = file.ContentType,
            Size = file.Content.Length,
            StoredPath = $"{SubmissionStore.AttachmentsFolder}/{submission.Id}/{storedName}",
            CreatedUtc = clock.GetUtcNow(),
        };
        db.Documents.Add(document);
        return document;
    }

    /// <summary>Deletes the file of a document whose row was not committed.</summary>
    public void Forget(RequestDocumentRecord document)
    {
        var file = Path.Combine(paths.TenantFolder(tenant.Tenant.Name), document.StoredPath);
        if (File.Exists(file))
        {
            File.Delete(file);
        }
    }

    /// <summary>The documents of a request, oldest first.</summary>
    public async Task<IReadOnlyList<RequestDocumentRecord>> ListAsync(string submissionId, CancellationToken cancellationToken) =>
        await db.Documents.AsNoTracking().Where(d => d.SubmissionId == submissionId).OrderBy(d => d.Id).ToListAsync(cancellationToken);

    /// <summary>
    /// The document <paramref name="documentId"/> of the request (the path comes from the database, never from the
    /// address), or null when it is not this request's or its file is gone.
    /// </summary>
    public async Task<RequestDocumentFile?> OpenAsync(string submissionId, string documentId, CancellationToken cancellationToken)
    {
        var document = long.TryParse(documentId, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? await db.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id && d.SubmissionId == submissionId, cancellationToken)
            : null;
        var folder = Path.GetFullPath(paths.TenantFolder(tenant.Tenant.Name));
        var file = document is null ? null : Path.GetFullPath(Path.Combine(folder, document.StoredPath));
        if (document is null || file is null || !file.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(file))
        {
            return null;
        }

        var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous);
        var head = new byte[FileValidator.SignatureLength];
        var read = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        stream.Position = 0;
        var (contentType, extension) = FileValidator.VerifiedType(head.AsSpan(0, read));
        var stem = Path.GetFileNameWithoutExtension(FileValidator.DisplayName(document.FileName));
        return new RequestDocumentFile(stream, contentType, (stem.Length > 0 ? stem : "document") + "." + extension);
    }

    /// <summary>The documents of each history line, as links (<paramref name="url"/> gives a document's address).</summary>
    public static ILookup<long, RequestDocumentView> ByLine(IReadOnlyList<RequestDocumentRecord> documents, Func<long, string> url) =>
        documents.ToLookup(d => d.EventId, d => new RequestDocumentView(FileValidator.DisplayName(d.FileName), RequestViews.Size(d.Size), url(d.Id)));
}
