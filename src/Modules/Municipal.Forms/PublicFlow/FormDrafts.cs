using Municipal.Forms.Api;
using Municipal.Forms.Privacy;

namespace Municipal.Forms.PublicFlow;

/// <summary>A citizen's answers in progress, loaded: the row, the secret token it was found by, and the typed answers (files read back).</summary>
public sealed class LoadedDraft(FormDraftRecord record, string token, Dictionary<string, FieldValue> values, bool isNew)
{
    public FormDraftRecord Record { get; } = record;

    /// <summary>The secret of the cookie and of the resume link; only its SHA-256 is stored.</summary>
    public string Token { get; } = token;

    public Dictionary<string, FieldValue> Values { get; } = values;

    public bool IsNew { get; } = isNew;
}

/// <summary>
/// Progress through a form, kept server-side in the FormDrafts table: the browser holds only a random token in an
/// HttpOnly cookie scoped to the tenant's form path; the row's id is the token's SHA-256, so a database leak gives no
/// usable link. Uploaded files wait under "&lt;tenant folder&gt;/forms/drafts/&lt;id&gt;/", a private folder no route serves.
/// Expired drafts (rows and folders) are swept by the retention job (<see cref="FormsFolderSweeper"/>).
/// </summary>
public sealed class FormDrafts(FormsDbContext db, DataPaths paths, TenantContext tenant, TimeProvider clock, IOptions<FormsOptions> options)
{
    public const string DraftsFolder = "forms/drafts";

    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);

    /// <summary>The cookie of one form ("eguichet-&lt;slug&gt;"), host-only and under the form's own path.</summary>
    public static string CookieName(string slug) => "eguichet-" + slug;

    public static string CookiePath(HttpContext http, string slug) => (http.Request.PathBase + PublicFormPaths.Form(slug)).ToString();

    /// <summary>The draft of the browser's cookie for this form, or null (no cookie, unknown, expired or of another form).</summary>
    public Task<LoadedDraft?> FromCookieAsync(HttpContext http, FormDefinition form, CancellationToken cancellationToken) =>
        FromTokenAsync(http.Request.Cookies[CookieName(form.Slug)], form, cancellationToken);

    public async Task<LoadedDraft?> FromTokenAsync(string? token, FormDefinition form, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return null;
        }

        var id = Hash(token);
        var record = await db.Drafts.FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (record is null || record.FormSlug != form.Slug || record.ExpiresUtc <= clock.GetUtcNow())
        {
            return null;
        }

        return new LoadedDraft(record, token, await ReadValuesAsync(form, record, cancellationToken), isNew: false);
    }

    /// <summary>A new draft, not stored until <see cref="SaveAsync"/>.</summary>
    public LoadedDraft Start(FormDefinition form)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var now = clock.GetUtcNow();
        var record = new FormDraftRecord
        {
            Id = Hash(token),
            FormSlug = form.Slug,
            FormVersion = form.Version,
            Values = "{}",
            CreatedUtc = now,
            UpdatedUtc = now,
            ExpiresUtc = now + Lifetime,
        };
        return new LoadedDraft(record, token, new Dictionary<string, FieldValue>(StringComparer.Ordinal), isNew: true);
    }

    /// <summary>Stores the answers (new files written to the draft's folder, files no longer answered removed) and pushes the expiry back.</summary>
    public async Task SaveAsync(LoadedDraft draft, FormDefinition form, CancellationToken cancellationToken)
    {
        var folder = Folder(draft.Record.Id);
        var files = new Dictionary<string, List<DraftFile>>(StringComparer.Ordinal);
        var kept = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var (field, value) in draft.Values.Where(v => v.Value is FileListValue).OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            var list = new List<DraftFile>();
            foreach (var file in ((FileListValue)value).Files)
            {
                // Files are stored under generated names; a rewrite of every file keeps the code simple and drafts are small.
                index++;
                var stored = $"{index}.upload";
                SecureFiles.CreateDirectory(folder);
                await SecureFiles.WriteAllBytesAsync(Path.Combine(folder, stored + ".tmp"), file.Content, cancellationToken);
                list.Add(new DraftFile(file.Name, file.ContentType, stored));
                kept.Add(stored);
            }

            files[field] = list;
        }

        foreach (var stored in kept)
        {
            File.Move(Path.Combine(folder, stored + ".tmp"), Path.Combine(folder, stored), overwrite: true);
        }

        if (Directory.Exists(folder))
        {
            foreach (var stale in Directory.GetFiles(folder).Where(f => !kept.Contains(Path.GetFileName(f))))
            {
                File.Delete(stale);
            }
        }

        var plain = draft.Values.Where(v => v.Value is not FileListValue).ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
        var now = clock.GetUtcNow();
        draft.Record.Values = JsonSerializer.Serialize(new DraftDocument(
            JsonSerializer.Deserialize<JsonElement>(SubmissionValuesJson.Write(plain, new Dictionary<string, IReadOnlyList<StoredFileReference>>())),
            files));
        draft.Record.FormVersion = form.Version;
        draft.Record.FileBytes = FileBytes(draft.Values);
        draft.Record.UpdatedUtc = now;
        draft.Record.ExpiresUtc = now + Lifetime;
        if (draft.IsNew && db.Entry(draft.Record).State == EntityState.Detached)
        {
            db.Drafts.Add(draft.Record);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Why the draft's files, as they are now in <see cref="LoadedDraft.Values"/>, cannot be stored for
    /// <paramref name="client"/> (the quota of the tenant's drafts or of that client's is reached), or null. Live drafts
    /// only (expired ones are on their way out); the draft's own stored files count once, at their new size.
    /// </summary>
    public async Task<string?> QuotaRefusalAsync(LoadedDraft draft, string client, string fieldLabel, CancellationToken cancellationToken)
    {
        var bytes = FileBytes(draft.Values);
        if (bytes <= draft.Record.FileBytes)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var others = db.Drafts.AsNoTracking().Where(d => d.Id != draft.Record.Id && d.ExpiresUtc > now && d.FileBytes > 0);
        var tenantBytes = await others.SumAsync(d => (long?)d.FileBytes, cancellationToken) ?? 0;
        if (tenantBytes + bytes > options.Value.DraftBytesPerTenant)
        {
            return FormsText.Format("FormsDraftQuotaTenant", fieldLabel);
        }

        var clientBytes = await others.Where(d => d.ClientKey == client).SumAsync(d => (long?)d.FileBytes, cancellationToken) ?? 0;
        return clientBytes + bytes > options.Value.DraftBytesPerClient
            ? FormsText.Format("FormsDraftQuotaClient", fieldLabel, options.Value.DraftFilesMegabytesPerClient)
            : null;
    }

    /// <summary>
    /// Removes the draft, once: true only for the caller whose delete took the row, so that two clicks on "send" cannot
    /// both go on to submit. The files stay until <see cref="DeleteFiles"/>.
    /// </summary>
    public async Task<bool> ClaimAsync(LoadedDraft draft, CancellationToken cancellationToken) =>
        await db.Drafts.Where(d => d.Id == draft.Record.Id).ExecuteDeleteAsync(cancellationToken) == 1;

    /// <summary>Puts a claimed draft back (the submission failed before it was committed).</summary>
    public async Task RestoreAsync(LoadedDraft draft, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        db.Drafts.Add(draft.Record);
        await db.SaveChangesAsync(cancellationToken);
    }

    public void DeleteFiles(string draftId)
    {
        var folder = Folder(draftId);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    public static void SetCookie(HttpContext http, LoadedDraft draft) =>
        http.Response.Cookies.Append(CookieName(draft.Record.FormSlug), draft.Token, new CookieOptions
        {
            HttpOnly = true,
            Secure = http.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            Path = CookiePath(http, draft.Record.FormSlug),
            Expires = draft.Record.ExpiresUtc,
            IsEssential = true,
        });

    public static void ClearCookie(HttpContext http, string slug) =>
        http.Response.Cookies.Delete(CookieName(slug), new CookieOptions { Path = CookiePath(http, slug), Secure = http.Request.IsHttps, HttpOnly = true, SameSite = SameSiteMode.Lax });

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));

    private static long FileBytes(IReadOnlyDictionary<string, FieldValue> values) =>
        values.Values.OfType<FileListValue>().SelectMany(f => f.Files).Sum(f => (long)f.Content.Length);

    private string Folder(string draftId) => Path.Combine(paths.TenantFolder(tenant.Tenant.Name), DraftsFolder, draftId);

    /// <summary>Answers read against the current version of the form: answers it no longer takes are dropped.</summary>
    private async Task<Dictionary<string, FieldValue>> ReadValuesAsync(FormDefinition form, FormDraftRecord record, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, FieldValue>(StringComparer.Ordinal);
        DraftDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<DraftDocument>(record.Values);
        }
        catch (JsonException)
        {
            return values;
        }

        if (document is null)
        {
            return values;
        }

        if (document.Values.ValueKind == JsonValueKind.Object)
        {
            var fields = form.AllFields().Where(f => f is not FileField).ToDictionary(f => f.Name, StringComparer.Ordinal);
            foreach (var property in document.Values.EnumerateObject())
            {
                if (fields.TryGetValue(property.Name, out var field) && SubmissionReader.ReadValue(field, property.Value) is { Value: { } value, IsValid: true })
                {
                    values[field.Name] = value;
                }
            }
        }

        var folder = Folder(record.Id);
        foreach (var (field, list) in document.Files ?? [])
        {
            if (form.AllFields().OfType<FileField>().All(f => f.Name != field))
            {
                continue;
            }

            var uploaded = new List<UploadedFile>();
            foreach (var file in list)
            {
                var path = Path.Combine(folder, Path.GetFileName(file.Stored));
                if (File.Exists(path))
                {
                    uploaded.Add(new UploadedFile(file.Name, file.ContentType, await File.ReadAllBytesAsync(path, cancellationToken)));
                }
            }

            if (uploaded.Count > 0)
            {
                values[field] = new FileListValue(uploaded);
            }
        }

        return values;
    }

    private sealed record DraftFile(string Name, string ContentType, string Stored);

    /// <summary>The stored shape: the answers as the API writes them, and the files by field.</summary>
    private sealed record DraftDocument(JsonElement Values, Dictionary<string, List<DraftFile>>? Files);
}
