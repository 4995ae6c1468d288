using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Municipal.Forms.CitizenSignIn;
using Municipal.Forms.Model;
using Municipal.Forms.Storage;

namespace Municipal.Forms.PublicFlow;

/// <summary>
/// Takes a citizen's request, from the public pages or the API alike: validates and stores it (committed before
/// anything is answered), then queues the receipt. A receipt that cannot be queued is logged, never a reason to
/// lose or refuse a request that is already stored; nor is one the mail throttle holds back (the page says so).
/// </summary>
public sealed partial class SubmissionIntake(SubmissionStore store, SubmissionMail mail, CitizenSession citizens, ILogger<SubmissionIntake> logger)
{
    public async Task<SubmitResult> SubmitAsync(
        HttpContext http,
        string slug,
        string? email,
        IReadOnlyDictionary<string, FieldValue> values,
        IReadOnlyList<FieldError>? readErrors,
        CancellationToken cancellationToken)
    {
        // The citizen's sign-in (forms that require one) comes with the request's cookies, from the pages; the API has none yet.
        var result = await store.SubmitAsync(slug, email, values, readErrors, citizens.Current(http), cancellationToken);
        if (result is { Accepted: true, Form: { } form, Submission: { } submission })
        {
            try
            {
                return result with { ReceiptSent = await mail.EnqueueReceiptAsync(http, form, submission, CancellationToken.None) };
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogReceiptNotQueued(logger, exception, submission.TrackingCode);
            }
        }

        return result;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The receipt of request {TrackingCode} could not be queued; the request itself is stored.")]
    private static partial void LogReceiptNotQueued(ILogger logger, Exception exception, string trackingCode);
}
