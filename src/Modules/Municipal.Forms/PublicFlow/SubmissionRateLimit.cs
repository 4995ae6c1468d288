using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Municipal.Forms.Api;

namespace Municipal.Forms.PublicFlow;

/// <summary>
/// One budget per tenant and client (IPv4 address or IPv6 /64, see <see cref="ClientKey"/>) for everything that submits or looks up a request (API,
/// summary page and follow-up page alike), so that guessing tracking codes costs the same wherever it is tried. The client address
/// is the one the reverse-proxy rules already settled. A refusal is a French problem detail on the API and a
/// French page on the site, both with Retry-After.
/// </summary>
public sealed class SubmissionRateLimit(IOptions<FormsOptions> options) : IRateLimiterPolicy<string>
{
    public const string PolicyName = "Municipal.Forms.Submissions";

    internal static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = RejectAsync;

    public RateLimitPartition<string> GetPartition(HttpContext httpContext) => Partition(httpContext, "s|", options.Value.SubmissionsPerMinutePerIp);

    /// <summary>A fixed window of a minute per tenant and client; the prefix keeps two policies' budgets apart.</summary>
    internal static RateLimitPartition<string> Partition(HttpContext httpContext, string prefix, int permitPerMinute)
    {
        var tenant = httpContext.RequestServices.GetRequiredService<TenantContext>().Current?.Name ?? "";
        var client = ClientKey.Of(httpContext);
        var permit = Math.Max(1, permitPerMinute);
        return RateLimitPartition.GetFixedWindowLimiter(
            prefix + tenant + "|" + client,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permit, Window = Window, QueueLimit = 0 });
    }

    /// <summary>The refusal of both policies: a problem detail on the API, the look-up form on the follow-up page, a French page elsewhere.</summary>
    internal static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : (int)Window.TotalSeconds;
        http.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
        http.Response.Headers.CacheControl = "no-store";
        IResult result;
        if (http.Request.Path.StartsWithSegments(FormsApiEndpoints.ApiPath))
        {
            result = FormsApiEndpoints.TooManyRequests();
        }
        else if (http.Request.Path.StartsWithSegments(FollowUpEndpoints.Path) && !http.Request.Path.StartsWithSegments(FollowUpEndpoints.Path + "/reponse"))
        {
            result = await FollowUpEndpoints.TooManyRequestsAsync(http);
        }
        else
        {
            var title = FormsText.Get("FormsPublicTooManyTitle");
            var page = new PageView(title, null, ThemePageRenderer.Breadcrumb(http));
            result = await http.RequestServices.GetRequiredService<ThemePageRenderer>().RenderViewAsync(
                http, page, "FormsPublicMessage", new PublicMessageView([FormsText.Get("FormsPublicTooManyBody")]), StatusCodes.Status429TooManyRequests);
        }

        await result.ExecuteAsync(http);
    }
}

/// <summary>
/// The second, more generous budget per tenant and client, for the public pages' writes that neither create nor look up
/// a request (form steps, save-and-resume, follow-up answers, citizen sign-in): anonymous uploads and
/// mails cost something, so none of them is unlimited. Same refusal as <see cref="SubmissionRateLimit"/>.
/// </summary>
public sealed class PublicWriteRateLimit(IOptions<FormsOptions> options) : IRateLimiterPolicy<string>
{
    public const string PolicyName = "Municipal.Forms.PublicWrites";

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = SubmissionRateLimit.RejectAsync;

    public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
        SubmissionRateLimit.Partition(httpContext, "w|", options.Value.PublicWritesPerMinutePerIp);
}
