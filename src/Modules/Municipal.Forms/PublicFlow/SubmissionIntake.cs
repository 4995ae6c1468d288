using Microsoft.Extensions.Logging;

namespace Municipal.Forms.PublicFlow;

/// <summary>
/// A request as it reaches the intake, for a form the endpoint already resolved: the contact e-mail, the answers,
/// the errors its reader already found (the API's JSON), and the signed-in citizen (forms that require one).
/// </summary>
public sealed record SubmissionRequest(
    FormDefinition Form, string? Email, IReadOnlyDictionary<string, FieldValue> Values, IReadOnlyList<FieldError>? ReadErrors, CitizenIdentity? Citizen);

/// <summary>The intake's checks of a request: what may be stored (<see cref="Accepted"/>), or the errors to show.</summary>
public sealed record SubmissionCheck(NewSubmission? Accepted, IReadOnlyList<FieldError> Errors);

/// <summary>
/// The outcome of a submission: the tracking code and status once the request is committed, or the field errors
/// (nothing stored), or <see cref="FormFound"/> false for an unknown or disabled form.
/// </summary>
public sealed record SubmitResult(bool FormFound, string? TrackingCode, SubmissionStatus? Status, IReadOnlyList<FieldError> Errors)
{
    public bool Accepted => TrackingCode is not null;

    public static SubmitResult NoForm { get; } = new(false, null, null, []);

    /// <summary>The stored request, when accepted.</summary>
    public SubmissionRecord? Submission { get; init; }

    /// <summary>Whether the receipt was queued (not when the mail throttle held it back or queuing failed).</summary>
    public bool ReceiptSent { get; init; }
}

/// <summary>
/// Takes a citizen's request, from the public pages or the API alike: the sign-in rule, the checks of the e-mail and
/// the answers, the storing (committed before anything is answered), then the receipt. A receipt that cannot be
/// queued is logged, never a reason to lose or refuse a request that is already stored; nor is one the mail throttle
/// holds back (the page says so). The web (cookies, addresses, the client's key) stays with the endpoints.
/// </summary>
public sealed partial class SubmissionIntake(FormStore forms, SubmissionStore store, SubmissionMail mail, ILogger<SubmissionIntake> logger)
{
    /// <summary>The name of the contact e-mail among a request's errors.</summary>
    public const string EmailField = "email";

    /// <summary>A form that requires signing in takes a request only from a signed-in citizen.</summary>
    public static bool MissesSignIn(FormDefinition form, CitizenIdentity? citizen) => form.LoginRequired && citizen is null;

    /// <summary>The contact e-mail: required and well formed (also asked when a draft is saved for later).</summary>
    public static FieldOutcome ValidateEmail(string? email) =>
        EmailValidator.Validate(
            new EmailField { Name = EmailField, Label = FormsText.Get("FormsContactEmail"), Required = true },
            string.IsNullOrEmpty(email) ? null : new TextValue(email));

    /// <summary>The sign-in rule, then the e-mail and the answers, checked once: what may be stored, or every error.</summary>
    public static SubmissionCheck Check(SubmissionRequest request)
    {
        if (MissesSignIn(request.Form, request.Citizen))
        {
            return new SubmissionCheck(null, [new FieldError(string.Empty, FormsText.Get("FormsErrorSignInRequired"))]);
        }

        var email = ValidateEmail(request.Email);
        var validation = FormValidator.ValidateForm(request.Form, request.Values, request.ReadErrors);
        var errors = email.Errors.Concat(validation.Errors).ToList();
        if (errors.Count > 0 || email.Value is not TextValue accepted)
        {
            return new SubmissionCheck(null, errors);
        }

        return new SubmissionCheck(
            new NewSubmission(request.Form, accepted.Text, validation.Values, request.Citizen?.NationalNumber, request.Citizen?.FullName), []);
    }

    /// <summary>Checks, stores and acknowledges a request; <paramref name="clientKey"/> is the sender's, for the mail throttle.</summary>
    public async Task<SubmitResult> SubmitAsync(SubmissionRequest request, string clientKey, CancellationToken cancellationToken)
    {
        var check = Check(request);
        return check.Accepted is { } accepted
            ? await SubmitAsync(accepted, clientKey, cancellationToken)
            : new SubmitResult(true, null, null, check.Errors);
    }

    /// <summary>Stores a request that passed <see cref="Check"/>, then queues its receipt.</summary>
    public async Task<SubmitResult> SubmitAsync(NewSubmission accepted, string clientKey, CancellationToken cancellationToken)
    {
        var submission = await store.AddAsync(accepted, cancellationToken);
        var result = Stored(submission);
        try
        {
            return result with { ReceiptSent = await mail.EnqueueReceiptAsync(accepted.Form, submission, clientKey, CancellationToken.None) };
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogReceiptNotQueued(logger, exception, submission.TrackingCode);
            return result;
        }
    }

    /// <summary>
    /// Checks and stores a request to the latest enabled version of a form, without a receipt: a request that does not
    /// come from the citizen's own browser or system (imports, seeded data). <see cref="SubmitResult.FormFound"/> is
    /// false for an unknown or disabled form.
    /// </summary>
    public async Task<SubmitResult> AcceptAsync(
        string slug, string? email, IReadOnlyDictionary<string, FieldValue> values, IReadOnlyList<FieldError>? readErrors, CitizenIdentity? citizen, CancellationToken cancellationToken)
    {
        if (await forms.GetLatestEnabledAsync(slug, cancellationToken) is not { } form)
        {
            return SubmitResult.NoForm;
        }

        var check = Check(new SubmissionRequest(form, email, values, readErrors, citizen));
        return check.Accepted is { } accepted
            ? Stored(await store.AddAsync(accepted, cancellationToken))
            : new SubmitResult(true, null, null, check.Errors);
    }

    /// <inheritdoc cref="AcceptAsync(string, string?, IReadOnlyDictionary{string, FieldValue}, IReadOnlyList{FieldError}?, CitizenIdentity?, CancellationToken)"/>
    public Task<SubmitResult> AcceptAsync(
        string slug, string? email, IReadOnlyDictionary<string, FieldValue> values, IReadOnlyList<FieldError>? readErrors, CancellationToken cancellationToken) =>
        AcceptAsync(slug, email, values, readErrors, citizen: null, cancellationToken);

    private static SubmitResult Stored(SubmissionRecord submission) => new(true, submission.TrackingCode, submission.Status, []) { Submission = submission };

    [LoggerMessage(Level = LogLevel.Error, Message = "The receipt of request {TrackingCode} could not be queued; the request itself is stored.")]
    private static partial void LogReceiptNotQueued(ILogger logger, Exception exception, string trackingCode);
}
