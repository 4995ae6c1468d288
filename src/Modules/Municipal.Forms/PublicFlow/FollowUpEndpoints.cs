using Microsoft.AspNetCore.Antiforgery;

namespace Municipal.Forms.PublicFlow;

/// <summary>A line of a request's history as the citizen sees it, with the documents the agent sent with it.</summary>
public sealed record FollowUpLineView(string Date, string IsoDate, string Title, string? Text, IReadOnlyList<RequestDocumentView> Documents);

/// <summary>
/// The citizen's follow-up page, /e-guichet/suivi: the tracking code (prefilled from ?code=) and the e-mail, then the
/// request's status, dates and the history meant for the citizen, and a form to answer when the agent asked a
/// question (the question first, then the answer box). Documents the agents sent are downloaded from here, and only
/// from here, within that access. An unknown code and a wrong e-mail get the same message. After a lookup the access is kept in a short
/// data-protected cookie (<see cref="FollowUpAccess"/>); every POST redirects (Post/Redirect/Get).
/// </summary>
public static class FollowUpEndpoints
{
    public const string Path = SubmissionMail.FollowUpPath;

    public const int ReplyMaxLength = 4000;

    private const string TemplateName = "FormsFollowUp";

    public static void MapFollowUp(this IEndpointRouteBuilder endpoints)
    {
        // A person's request: never in the output cache (it ignores Cache-Control; only the renewed cookie kept it out).
        var page = endpoints.MapGroup(Path).RequireFeature(FormsModule.Feature).WithMetadata(new AdminNoCachePolicy());
        page.MapGet("/", ShowAsync);
        page.MapPost("/", LookUpAsync).RequireRateLimiting(SubmissionRateLimit.PolicyName);
        page.MapPost("/reponse", ReplyAsync).RequireRateLimiting(PublicWriteRateLimit.PolicyName);
        page.MapGet("/documents/{documentId}", DocumentAsync);
        // Typed as a route handler: a method of HttpContext alone would be taken for a RequestDelegate, its result dropped.
        page.MapPost("/quitter", (Func<HttpContext, Task<IResult>>)LeaveAsync);
    }

    /// <summary>The lookup form with the French "too many attempts" message, for the rate limiter (429).</summary>
    public static Task<IResult> TooManyRequestsAsync(HttpContext http)
    {
        var message = FormsText.Get("FormsFollowUpTooMany");
        return RenderLookupAsync(http, "", "", new LookupErrors(message, null, null), StatusCodes.Status429TooManyRequests);
    }

    private static async Task<IResult> ShowAsync(HttpContext http, FollowUpAccess access, SubmissionStore store, string? code, string? envoye)
    {
        var grant = access.Read(http);
        var askedFor = TrackingCodes.Parse(code);
        if (grant is not null && (code is null || askedFor == grant.Code)
            && await store.FindAsync(grant.Code, grant.Email, http.RequestAborted) is not null)
        {
            access.Grant(http, grant);
            return await RenderFoundAsync(http, grant, reply: null, replyError: null, replied: envoye == "1");
        }

        return await RenderLookupAsync(http, code ?? "", "", LookupErrors.None, StatusCodes.Status200OK);
    }

    private static async Task<IResult> LookUpAsync(HttpContext http, FollowUpAccess access, SubmissionStore store)
    {
        if (await PublicAntiforgery.RefusalAsync(http) is { } refused)
        {
            return refused;
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var code = form["code"].ToString().Trim();
        var email = form["email"].ToString().Trim();
        var codeError = code.Length == 0 ? FormsText.Get("FormsFollowUpCodeRequired")
            : TrackingCodes.Parse(code) is null ? FormsText.Get("FormsFollowUpCodeMalformed") : null;
        var emailError = email.Length == 0 ? FormsText.Get("FormsFollowUpEmailRequired")
            : !EmailValidator.IsValid(email) ? FormsText.Get("FormsFollowUpEmailInvalid") : null;
        if (codeError is not null || emailError is not null)
        {
            return await RenderLookupAsync(http, code, email, new LookupErrors(null, codeError, emailError), StatusCodes.Status200OK);
        }

        var found = await store.FindAsync(code, email, http.RequestAborted);
        if (found is null)
        {
            return await RenderLookupAsync(http, code, email, new LookupErrors(FormsText.Get("FormsFollowUpNotFound"), null, null), StatusCodes.Status200OK);
        }

        access.Grant(http, new FollowUpGrant(found.TrackingCode, email));
        return Results.Redirect(ThemePageRenderer.Url(http, Path), permanent: false, preserveMethod: false);
    }

    private static async Task<IResult> ReplyAsync(
        HttpContext http, FollowUpAccess access, SubmissionStore store, FormsDbContext db, SubmissionHistory history, SubmissionMail mail)
    {
        if (await PublicAntiforgery.RefusalAsync(http) is { } refused)
        {
            return refused;
        }

        var grant = access.Read(http);
        if (grant is null || await store.FindAsync(grant.Code, grant.Email, http.RequestAborted) is null)
        {
            // The access ran out: the citizen gives the code and e-mail again.
            return Results.Redirect(ThemePageRenderer.Url(http, Path));
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var reply = form["reply"].ToString().Trim();
        var error = reply.Length == 0 ? FormsText.Get("FormsFollowUpReplyRequired")
            : reply.Length > ReplyMaxLength ? FormsText.Format("FormsFollowUpReplyTooLong", ReplyMaxLength)
            : reply.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')) ? FormsText.Get("FormsFollowUpReplyControl") : null;
        var submission = await db.Submissions.FirstAsync(s => s.TrackingCode == grant.Code, http.RequestAborted);
        if (submission.Status != SubmissionStatus.InformationRequested)
        {
            // Answered already, or the agent moved on: nothing to answer any more.
            return Results.Redirect(ThemePageRenderer.Url(http, Path));
        }

        if (error is not null)
        {
            return await RenderFoundAsync(http, grant, reply.Length > ReplyMaxLength * 2 ? reply[..(ReplyMaxLength * 2)] : reply, error, replied: false);
        }

        history.Stage(submission, SubmissionEventKind.CitizenReply, reply, visibleToCitizen: true, toStatus: SubmissionStatus.InProgress);
        submission.CitizenRepliedUtc = submission.UpdatedUtc;
        await db.SaveChangesAsync(http.RequestAborted);

        // Saved first: a mail that cannot be queued never loses the answer.
        await mail.EnqueueCitizenReplyAsync(submission, CancellationToken.None);
        return Results.Redirect(ThemePageRenderer.Url(http, Path + "?envoye=1"));
    }

    /// <summary>
    /// A document an agent sent, for the browser that gave the request's code and e-mail (the follow-up access);
    /// without it, back to the look-up form. Served as a download, typed from its bytes.
    /// </summary>
    private static async Task<IResult> DocumentAsync(
        string documentId, HttpContext http, FollowUpAccess access, SubmissionStore store, FormsDbContext db, RequestDocuments documents)
    {
        var grant = access.Read(http);
        if (grant is null || await store.FindAsync(grant.Code, grant.Email, http.RequestAborted) is null)
        {
            return Results.Redirect(ThemePageRenderer.Url(http, Path));
        }

        var submissionId = await db.Submissions.AsNoTracking().Where(s => s.TrackingCode == grant.Code).Select(s => s.Id).FirstAsync(http.RequestAborted);
        if (await documents.OpenAsync(submissionId, documentId, http.RequestAborted) is not { } file)
        {
            return Results.Text(FormsText.Get("FormsFollowUpDocumentNotFound"), "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
        }

        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.File(file.Content, file.ContentType, file.DownloadName);
    }

    private static async Task<IResult> LeaveAsync(HttpContext http)
    {
        if (await PublicAntiforgery.RefusalAsync(http) is { } refused)
        {
            return refused;
        }

        FollowUpAccess.Clear(http);
        return Results.Redirect(ThemePageRenderer.Url(http, Path));
    }

    private sealed record LookupErrors(string? General, string? Code, string? Email)
    {
        public static LookupErrors None { get; } = new(null, null, null);

        public List<ErrorLinkView> Summary() =>
            new[] { (General, "#code"), (Code, "#code"), (Email, "#email") }
                .Where(e => e.Item1 is not null)
                .Select(e => new ErrorLinkView(e.Item1!, e.Item2))
                .ToList();
    }

    private static Task<IResult> RenderLookupAsync(HttpContext http, string code, string email, LookupErrors errors, int statusCode) =>
        RenderAsync(http, View(http, code.Length > 64 ? code[..64] : code, errors.Summary()) with
        {
            Email = email.Length > 320 ? email[..320] : email,
            CodeError = errors.Code ?? errors.General,
            EmailError = errors.Email,
        }, hasErrors: errors != LookupErrors.None, statusCode);

    private static async Task<IResult> RenderFoundAsync(HttpContext http, FollowUpGrant grant, string? reply, string? replyError, bool replied)
    {
        var services = http.RequestServices;
        var db = services.GetRequiredService<FormsDbContext>();
        var submission = await db.Submissions.AsNoTracking().FirstAsync(s => s.TrackingCode == grant.Code, http.RequestAborted);
        var form = await services.GetRequiredService<FormStore>().GetVersionAsync(submission.FormSlug, submission.FormVersion, http.RequestAborted);
        var lines = await services.GetRequiredService<SubmissionHistory>().ListAsync(submission.Id, forCitizen: true, http.RequestAborted);
        var documents = RequestDocuments.ByLine(
            await services.GetRequiredService<RequestDocuments>().ListAsync(submission.Id, http.RequestAborted),
            id => ThemePageRenderer.Url(http, Path + "/documents/" + id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var canReply = submission.Status == SubmissionStatus.InformationRequested;
        var question = canReply ? lines.LastOrDefault(l => l.Kind == SubmissionEventKind.MessageToCitizen) : null;
        var errors = replyError is null ? [] : new List<ErrorLinkView> { new(replyError, "#reply") };
        return await RenderAsync(http, View(http, submission.TrackingCode, errors) with
        {
            Found = true,
            FormTitle = form?.Title ?? submission.FormSlug,
            StatusLabel = submission.Status.Label(),
            Created = BrusselsTime.Format(submission.CreatedUtc),
            Updated = BrusselsTime.Format(submission.UpdatedUtc),
            Lines = lines.Select(l => Line(l, documents)).ToList(),
            Question = question is null ? null : Line(question, documents),
            CanReply = canReply,
            Reply = reply,
            ReplyError = replyError,
            ReplyMax = ReplyMaxLength,
            ReplyHint = FormsText.Format("FormsFollowUpReplyHint", ReplyMaxLength.ToString("N0", System.Globalization.CultureInfo.CurrentCulture)),
            Replied = replied,
        }, hasErrors: errors.Count > 0, StatusCodes.Status200OK);
    }

    /// <summary>What both states of the page hold: the code, the errors, the forms' addresses and their antiforgery token.</summary>
    private static FollowUpView View(HttpContext http, string code, IReadOnlyList<ErrorLinkView> errors)
    {
        var tokens = PublicAntiforgery.Tokens(http);
        return new FollowUpView
        {
            Heading = FormsText.Get("FormsFollowUpTitle"),
            Code = code,
            Errors = errors,
            Action = ThemePageRenderer.Url(http, Path),
            ReplyAction = ThemePageRenderer.Url(http, Path + "/reponse"),
            LeaveAction = ThemePageRenderer.Url(http, Path + "/quitter"),
            AntiforgeryField = tokens.FormFieldName,
            AntiforgeryToken = tokens.RequestToken,
        };
    }

    private static FollowUpLineView Line(SubmissionEventRecord line, ILookup<long, RequestDocumentView> documents)
    {
        var title = line.Kind switch
        {
            SubmissionEventKind.StatusChanged when line.ToStatus is { } status => FormsText.Format("FormsFollowUpLineStatus", status.Label()),
            SubmissionEventKind.MessageToCitizen => FormsText.Get("FormsFollowUpLineMessage"),
            SubmissionEventKind.CitizenReply => FormsText.Get("FormsFollowUpLineReply"),
            SubmissionEventKind.Anonymised => FormsText.Get("FormsFollowUpLineAnonymised"),
            SubmissionEventKind.Submitted => FormsText.Get("FormsFollowUpLineSubmitted"),
            _ when line.ToStatus is { } status => FormsText.Format("FormsFollowUpLineStatus", status.Label()),
            _ => FormsText.Get("FormsFollowUpLineOther"),
        };
        var text = line.Kind is SubmissionEventKind.MessageToCitizen or SubmissionEventKind.CitizenReply ? line.Text : null;
        return new FollowUpLineView(BrusselsTime.Format(line.CreatedUtc), line.CreatedUtc.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture), title, text, documents[line.Id].ToList());
    }

    private static async Task<IResult> RenderAsync(HttpContext http, FollowUpView view, bool hasErrors, int statusCode)
    {
        http.Response.Headers.CacheControl = "no-store";
        var title = view.Heading;
        var page = new PageView(hasErrors ? CoreText.Format("AdminErrorTitlePrefix", title) : title, FormsText.Get("FormsFollowUpDescription"), ThemePageRenderer.Breadcrumb(http, (title, Path)));
        return await http.RequestServices.GetRequiredService<ThemePageRenderer>().RenderViewAsync(http, page, TemplateName, view, statusCode);
    }
}
