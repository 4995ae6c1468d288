namespace Municipal.Forms;

/// <summary>Settings of the e-counter, read from the section "Municipal" (so that they sit beside the core's).</summary>
public sealed class FormsOptions
{
    /// <summary>
    /// Requests per client IP address and minute, per tenant, on the endpoints that take or look up a citizen's
    /// request (the API's submissions and status, the follow-up page's POSTs); beyond it, 429.
    /// Config key <c>Municipal:SubmissionsPerMinutePerIp</c>.
    /// </summary>
    public int SubmissionsPerMinutePerIp { get; set; } = 20;
}
