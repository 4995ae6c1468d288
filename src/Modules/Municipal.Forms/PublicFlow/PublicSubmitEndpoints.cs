using MimeKit;
using Municipal.Core.Mail;

namespace Municipal.Forms.PublicFlow;

/// <summary>
/// The end of the public flow: "Vérifiez vos réponses", the submission (Post/Redirect/Get: the draft is claimed once,
/// so a second post creates nothing), the confirmation with the tracking code, and "save and resume later".
/// </summary>
public static class PublicSubmitEndpoints
{
    /// <summary>The contact e-mail is asked once, on the summary page, just before sending (or when saving for later).</summary>
    public const string EmailInput = "email";

    /// <summary>On the confirmation page: the receipt was not sent (mail throttle), the citizen must note the code.</summary>
    private const string MailNotSentQuery = "courriel=0";

    public static void MapPublicSubmit(this RouteGroupBuilder group)
    {
        group.MapGet("/{slug}/verification", ShowSummaryAsync);
        // Creating a request costs what it costs on the API; saving for later (a mail) and each step count as public writes.
        group.MapPost("/{slug}/verification", SubmitAsync).RequireRateLimiting(SubmissionRateLimit.PolicyName);
        group.MapGet("/{slug}/confirmation", ConfirmationAsync);
        group.MapGet("/{slug}/enregistrer", ShowSaveAsync);
        group.MapPost("/{slug}/enregistrer", SaveAsync).RequireRateLimiting(PublicWriteRateLimit.PolicyName);
        group.MapGet("/{slug}/reprendre", ResumeAsync);
    }

    private static async Task<IResult> ShowSummaryAsync(string slug, HttpContext http, PublicFormPages pages, FormDrafts drafts)
    {
        var (form, refusal) = await pages.OpenAsync(http, slug);
        if (form is null)
        {
            return refusal!;
        }

        var draft = await drafts.FromCookieAsync(http, form, http.RequestAborted);
        var open = draft is null ? 0 : PublicFormPages.FirstOpenStep(form, draft.Values);
        if (draft is null || open < form.Steps.Count)
        {
            return Results.Redirect(PublicFormPages.StepOrSummary(http, form, open));
        }

        return await RenderSummaryAsync(http, pages, form, draft, draft.Record.Email, []);
    }

    private static async Task<IResult> SubmitAsync(
        string slug, HttpContext http, PublicFormPages pages, FormDrafts drafts, CitizenSession citizens, SubmissionIntake intake)
    {
        // No draft: already sent (a second click, a reload of the post) or expired. Nothing is created twice.
        var (form, posted, draft, refusal) = await OpenPostAsync(slug, http, pages, drafts);
        if (form is null || posted is null || draft is null)
        {
            return refusal!;
        }

        var open = PublicFormPages.FirstOpenStep(form, draft.Values);
        if (open < form.Steps.Count)
        {
            return Results.Redirect(PublicFormPages.StepOrSummary(http, form, open));
        }

        // Checked once, before the draft is claimed: a request the intake refuses leaves the draft as it was.
        var email = PostedEmail(posted);
        var check = SubmissionIntake.Check(new SubmissionRequest(form, email, draft.Values, null, citizens.Current(http)));
        if (check.Accepted is not { } accepted)
        {
            return await RenderSummaryAsync(http, pages, form, draft, ShownEmail(email), check.Errors);
        }

        if (!await drafts.ClaimAsync(draft, http.RequestAborted))
        {
            return Results.Redirect(PublicFormPages.Url(http, PublicFormPaths.Form(form.Slug)));
        }

        SubmitResult result;
        try
        {
            result = await intake.SubmitAsync(accepted, ClientKey.Of(http), CancellationToken.None);
        }
        catch
        {
            await drafts.RestoreAsync(draft, CancellationToken.None);
            throw;
        }

        drafts.DeleteFiles(draft.Record.Id);
        FormDrafts.ClearCookie(http, form.Slug);
        return Results.Redirect(PublicFormPages.Url(http, PublicFormPaths.Confirmation(form.Slug)) + "?code=" + Uri.EscapeDataString(result.TrackingCode!)
            + (result.ReceiptSent ? string.Empty : "&" + MailNotSentQuery));
    }

    private static async Task<IResult> ConfirmationAsync(string slug, string? code, string? courriel, HttpContext http, PublicFormPages pages, FormsDbContext db)
    {
        var form = await pages.FindAsync(http, slug);
        var canonical = TrackingCodes.Parse(code);
        if (form is null || canonical is null
            || !await db.Submissions.AsNoTracking().AnyAsync(s => s.TrackingCode == canonical && s.FormSlug == form.Slug, http.RequestAborted))
        {
            return await pages.NotFoundAsync(http);
        }

        return await pages.RenderAsync(http, form, FormsText.Get("FormsPublicConfirmationTitle"), "FormsPublicConfirmation", new PublicConfirmationView(
            canonical,
            FormsText.Format(courriel == "0" ? "FormsPublicConfirmationNoMail" : "FormsPublicConfirmationReceived", form.Title),
            PublicFormPages.Paragraphs(form.ConfirmationText),
            PublicFormPages.Url(http, SubmissionMail.FollowUpPath) + "?code=" + Uri.EscapeDataString(canonical)));
    }

    private static async Task<IResult> ShowSaveAsync(string slug, HttpContext http, PublicFormPages pages, FormDrafts drafts, TenantContext tenant)
    {
        var (form, refusal) = await pages.OpenAsync(http, slug);
        if (form is null)
        {
            return refusal!;
        }

        var draft = await drafts.FromCookieAsync(http, form, http.RequestAborted);
        if (draft is null)
        {
            return Results.Redirect(PublicFormPages.Url(http, PublicFormPaths.Form(form.Slug)));
        }

        var sent = http.Request.Query["envoye"] == "1" && draft.Record.Email is not null;
        if (http.Request.Query["envoye"] == "0" && draft.Record.Email is not null)
        {
            // The mail throttle held the link back: the person who asked for it is the one reading this page, so it is shown here.
            return await pages.RenderAsync(http, form, FormsText.Get("FormsPublicSaveTitle"), "FormsPublicMessage", new PublicMessageView(
                [FormsText.Format("FormsPublicSaveNotSent", draft.Record.Email), FormsText.Format("FormsPublicSaveExpiry", Expiry(draft))],
                ResumeLink(http, tenant, form, draft),
                FormsText.Format("FormsPublicSaveLinkText", form.Title)));
        }

        return await RenderSaveAsync(http, pages, form, draft, draft.Record.Email, [], sent);
    }

    private static async Task<IResult> SaveAsync(
        string slug, HttpContext http, PublicFormPages pages, FormDrafts drafts, MailOutbox outbox, TenantContext tenant, CitizenMailThrottle throttle)
    {
        var (form, posted, draft, refusal) = await OpenPostAsync(slug, http, pages, drafts);
        if (form is null || posted is null || draft is null)
        {
            return refusal!;
        }

        var email = PostedEmail(posted);
        if (SubmissionIntake.ValidateEmail(email) is { IsValid: false } bad)
        {
            return await RenderSaveAsync(http, pages, form, draft, ShownEmail(email), bad.Errors, sent: false);
        }

        draft.Record.Email = email;
        await drafts.SaveAsync(draft, form, http.RequestAborted);
        FormDrafts.SetCookie(http, draft);
        if (!await throttle.TryReserveAsync(ClientKey.Of(http), email, http.RequestAborted))
        {
            return Results.Redirect(PublicFormPages.Url(http, PublicFormPaths.Save(form.Slug)) + "?envoye=0");
        }

        var link = ResumeLink(http, tenant, form, draft);
        var message = new MimeMessage { Subject = FormsText.Format("FormsPublicResumeSubject", form.Title) };
        message.To.Add(MailboxAddress.Parse(email));
        message.Body = new TextPart("plain")
        {
            Text = FormsText.Format("FormsPublicResumeBody", form.Title, tenant.Tenant.DisplayName, link, Expiry(draft)),
        };
        await outbox.EnqueueAsync(tenant.Tenant, message, CancellationToken.None);
        return Results.Redirect(PublicFormPages.Url(http, PublicFormPaths.Save(form.Slug)) + "?envoye=1");
    }

    /// <summary>
    /// The form, the posted fields and the citizen's draft of a post at the end of the flow; or else the answer to give
    /// (Form, Posted or Draft null): the refusal of <see cref="PublicFormPages.OpenAsync"/>, a bad post, or the form's
    /// first page when the cookie holds no draft any more.
    /// </summary>
    private static async Task<(FormDefinition? Form, IFormCollection? Posted, LoadedDraft? Draft, IResult? Refusal)> OpenPostAsync(
        string slug, HttpContext http, PublicFormPages pages, FormDrafts drafts)
    {
        var (form, refusal) = await pages.OpenAsync(http, slug);
        if (form is null)
        {
            return (null, null, null, refusal);
        }

        if (await PublicFormEndpoints.ReadPostAsync(http) is not { } posted)
        {
            return (null, null, null, PublicFormEndpoints.BadPost(http));
        }

        var draft = await drafts.FromCookieAsync(http, form, http.RequestAborted);
        return draft is null
            ? (null, null, null, Results.Redirect(PublicFormPages.Url(http, PublicFormPaths.Form(form.Slug))))
            : (form, posted, draft, null);
    }

    private static string PostedEmail(IFormCollection posted) => (posted[EmailInput].FirstOrDefault() ?? string.Empty).Trim();

    /// <summary>The address shown back in the field after an error, cut to the longest an address may be.</summary>
    private static string ShownEmail(string email) => email.Length > 320 ? email[..320] : email;

    private static async Task<IResult> ResumeAsync(string slug, string? jeton, HttpContext http, PublicFormPages pages, FormDrafts drafts)
    {
        var (form, refusal) = await pages.OpenAsync(http, slug);
        if (form is null)
        {
            return refusal!;
        }

        var draft = await drafts.FromTokenAsync(jeton, form, http.RequestAborted);
        if (draft is null)
        {
            return await pages.RenderAsync(http, form, FormsText.Get("FormsPublicResumeUnknownTitle"), "FormsPublicMessage", new PublicMessageView(
                [FormsText.Get("FormsPublicResumeUnknownBody")],
                PublicFormPages.Url(http, PublicFormPaths.Form(form.Slug)),
                FormsText.Format("FormsPublicResumeStartAgain", form.Title)), StatusCodes.Status404NotFound);
        }

        FormDrafts.SetCookie(http, draft);
        var open = PublicFormPages.FirstOpenStep(form, draft.Values);
        return Results.Redirect(PublicFormPages.StepOrSummary(http, form, Math.Min(draft.Record.Step, open)));
    }

    private static Task<IResult> RenderSummaryAsync(
        HttpContext http, PublicFormPages pages, FormDefinition form, LoadedDraft draft, string? email, IReadOnlyList<FieldError> errors)
    {
        var accepted = FormValidator.ValidateForm(form, draft.Values).Values;
        var files = accepted.Where(a => a.Value is FileListValue).ToDictionary(
            a => a.Key,
            a => (IReadOnlyList<StoredFileReference>)((FileListValue)a.Value).Files.Select(f => new StoredFileReference(f.Name, f.ContentType, f.Content.Length, string.Empty)).ToArray(),
            StringComparer.Ordinal);
        var lines = StoredAnswers.Lines(form, SubmissionValuesJson.Write(accepted, files));
        var stepOf = form.Steps.SelectMany((s, i) => s.Fields.Select(f => (f.Name, i))).ToDictionary(x => x.Name, x => x.i, StringComparer.Ordinal);
        var groups = lines
            .GroupBy(l => stepOf[l.FieldName])
            .Select(g => new PublicAnswerGroupView(form.Steps[g.Key].Title, g.Select(l => new PublicAnswerView(
                l.Label,
                l.Text,
                PublicFormPages.Url(http, PublicFormPaths.Step(form.Slug, g.Key + 1)) + "?retour=" + PublicFormPaths.ReturnToSummary + "#" + PublicFieldViews.ErrorTarget(form, l.FieldName))).ToArray()))
            .ToArray();
        var emailErrors = errors.Where(e => e.Field == SubmissionIntake.EmailField || e.Field == EmailInput).ToList();
        var formErrors = errors.Except(emailErrors).ToList();
        var links = PublicFormPages.ErrorLinks(form, emailErrors).Concat(formErrors.Select(e =>
            new PublicErrorView(e.Message, PublicFormPages.Url(http, PublicFormPaths.Step(form.Slug, (stepOf.TryGetValue(e.Field.Split('.')[0], out var s) ? s : 0) + 1))))).ToList();
        var openStep = form.Steps.Count - 1;
        return pages.RenderAsync(http, form, FormsText.Get("FormsPublicSummaryTitle"), "FormsPublicSummary", new PublicSummaryView(
            links,
            form.Title,
            PublicFormPages.SummaryProgress(form),
            groups,
            EmailView(email, emailErrors.FirstOrDefault()?.Message, FormsText.Get("FormsPublicEmailHint")),
            PublicFormPages.Url(http, PublicFormPaths.Summary(form.Slug)),
            PublicFormPages.Url(http, PublicFormPaths.Step(form.Slug, openStep + 1)),
            PublicFormPages.ScriptUrl(http)));
    }

    private static Task<IResult> RenderSaveAsync(
        HttpContext http, PublicFormPages pages, FormDefinition form, LoadedDraft draft, string? email, IReadOnlyList<FieldError> errors, bool sent) =>
        pages.RenderAsync(http, form, FormsText.Get("FormsPublicSaveTitle"), "FormsPublicSave", new PublicSaveView(
            PublicFormPages.ErrorLinks(form, errors.Select(e => e with { Field = EmailInput })),
            form.Title,
            EmailView(email, errors.Count > 0 ? errors[0].Message : null, FormsText.Get("FormsPublicSaveEmailHint")),
            PublicFormPages.Url(http, PublicFormPaths.Save(form.Slug)),
            sent ? draft.Record.Email : null,
            sent ? FormsText.Format("FormsPublicSaveSent", draft.Record.Email!) : null,
            FormsText.Format("FormsPublicSaveExpiry", Expiry(draft)),
            PublicFormPages.StepOrSummary(http, form, draft.Record.Step),
            PublicFormPages.ScriptUrl(http)));

    private static PublicFieldView EmailView(string? value, string? error, string hint)
    {
        var id = PublicFieldViews.InputId(EmailInput);
        var describedBy = id + "-hint" + (error is null ? string.Empty : " " + id + "-error");
        return new PublicFieldView(
            "text", id, EmailInput, FormsText.Get("FormsContactEmail"), hint, null, true, error, value, "email", "email", null, "false",
            [], [], [], null, false, null, null, describedBy);
    }

    private static string ResumeLink(HttpContext http, TenantContext tenant, FormDefinition form, LoadedDraft draft) =>
        TenantUrls.Root(http, tenant.Tenant) + PublicFormPaths.Resume(form.Slug) + "?jeton=" + Uri.EscapeDataString(draft.Token);

    private static string Expiry(LoadedDraft draft) =>
        draft.Record.ExpiresUtc.ToOffset(TimeSpan.Zero).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
