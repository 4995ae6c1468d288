using MimeKit;

namespace Municipal.Admin;

/// <summary>
/// The job "admin.password-reset": looks the typed address up and, when it has an account, mails the reset link.
/// The request itself only queues this job, whatever the address: the answer then costs the same for an address
/// with an account and for one without, so its timing no longer tells which addresses exist.
/// </summary>
public sealed class PasswordResetMail : IJobHandler
{
    public const string JobKind = "admin.password-reset";

    public string Kind => JobKind;

    /// <summary>Queues the look-up for the request's tenant; the payload is the address as typed (trimmed).</summary>
    public static Task EnqueueAsync(JobQueue jobs, Tenant tenant, string email, DateTimeOffset now, CancellationToken cancellationToken) =>
        jobs.EnqueueAsync(tenant.Name, JobKind, email, now, cancellationToken);

    public async Task RunAsync(string payload, IServiceProvider tenantServices, CancellationToken cancellationToken)
    {
        var users = tenantServices.GetRequiredService<UserManager<IdentityUser>>();
        // No link for a disabled account: using it would give its owner a way back in that an administrator closed.
        if (await users.FindByEmailAsync(payload) is not { Email: { } address } user || Users.UserStates.IsDisabled(user.LockoutEnd))
        {
            return;
        }

        var tenant = tenantServices.GetRequiredService<TenantContext>().Tenant;
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var link = PasswordResetEndpoints.Page.Link(tenantServices.GetRequiredService<TenantUrls>().Root(tenant), address, token);
        var message = new MimeMessage { Subject = CoreText.Get("PasswordResetMailSubject") };
        message.To.Add(MailboxAddress.Parse(address));
        message.Body = new TextPart("plain") { Text = CoreText.Format("PasswordResetMailBody", tenant.DisplayName, link) };
        await tenantServices.GetRequiredService<MailOutbox>().EnqueueAsync(tenant, message, cancellationToken);
    }
}
