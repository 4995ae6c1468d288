using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Municipal.Core.Security;
using Municipal.Core.Tenancy;

namespace Municipal.Forms.Endpoints;

/// <summary>
/// One budget per tenant and client (IPv4 address or IPv6 /64, see <see cref="ClientKey"/>) for everything that submits or looks up a request (API and
/// follow-up page alike), so that guessing tracking codes costs the same wherever it is tried. The client address
/// is the one the reverse-proxy rules already settled. A refusal is a French problem detail on the API and a
/// French page on the site, both with Retry-After.
/// </summary>
public sealed class SubmissionRateLimit(IOptions<FormsOptions> options) : IRateLimiterPolicy<string>
{
    public const string PolicyName = "Municipal.Forms.Submissions";

    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = RejectAsync;

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        var tenant = httpContext.RequestServices.GetRequiredService<TenantContext>().Current?.Name ?? "";
        var client = ClientKey.Of(httpContext);
        var permit = Math.Max(1, options.Value.SubmissionsPerMinutePerIp);
        return RateLimitPartition.GetFixedWindowLimiter(
            tenant + "|" + client,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permit, Window = Window, QueueLimit = 0 });
    }

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : (int)Window.TotalSeconds;
        http.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
        http.Response.Headers.CacheControl = "no-store";
        var result = http.Request.Path.StartsWithSegments(FormsApiEndpoints.ApiPath)
            ? FormsApiEndpoints.TooManyRequests()
            : await FollowUpEndpoints.TooManyRequestsAsync(http);
        await result.ExecuteAsync(http);
    }
}
