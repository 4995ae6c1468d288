using MimeKit;

namespace Municipal.Admin.Review;

/// <summary>
/// The mails of the review workflow, through the durable outbox: editors and administrators learn that something
/// waits for them, the author learns that it came back with a comment. One mail per person (nobody sees the others' addresses).
/// </summary>
public sealed class ReviewMail(MailOutbox outbox, UserManager<IdentityUser> users, TenantContext tenant, PermissionCatalog permissions)
{
    /// <summary>Tells the tenant's editors and administrators (but the submitter) that <paramref name="item"/> waits for review.</summary>
    public async Task NotifyReviewersAsync(HttpContext http, ContentItemRecord item, string? submitter, CancellationToken cancellationToken)
    {
        var reviewers = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var role in permissions.RolesFor(AdminPermissions.PublishContent))
        {
            foreach (var user in await users.GetUsersInRoleAsync(role))
            {
                if (user.Email is { Length: > 0 } email && !string.Equals(email, submitter, StringComparison.OrdinalIgnoreCase))
                {
                    reviewers.Add(email);
                }
            }
        }

        var link = SiteRoot(http) + ContentAdminRoutes.Review(item.ContentItemId);
        var note = string.IsNullOrWhiteSpace(item.ReviewComment) ? string.Empty : CoreText.Format("ReviewMailSubmittedNote", item.ReviewComment);
        foreach (var address in reviewers)
        {
            var message = new MimeMessage { Subject = CoreText.Format("ReviewMailSubmittedSubject", item.DisplayText) };
            message.To.Add(MailboxAddress.Parse(address));
            message.Body = new TextPart("plain")
            {
                Text = CoreText.Format("ReviewMailSubmittedBody", ReviewViewModels.Author(submitter), item.DisplayText, tenant.Tenant.DisplayName, note, link),
            };
            await outbox.EnqueueAsync(tenant.Tenant, message, cancellationToken);
        }
    }

    /// <summary>Tells the author of the submitted revision that it came back, with the editor's comment.</summary>
    public async Task NotifyAuthorAsync(HttpContext http, ContentItemRecord item, string comment, CancellationToken cancellationToken)
    {
        if (item.Author is not { Length: > 0 } author || await users.FindByEmailAsync(author) is not { Email: { Length: > 0 } email })
        {
            // An author who is not (or no longer) a user of the site: nobody to tell; the comment stays on the item.
            return;
        }

        var message = new MimeMessage { Subject = CoreText.Format("ReviewMailSentBackSubject", item.DisplayText) };
        message.To.Add(MailboxAddress.Parse(email));
        message.Body = new TextPart("plain")
        {
            Text = CoreText.Format("ReviewMailSentBackBody", item.DisplayText, tenant.Tenant.DisplayName, comment, SiteRoot(http) + ContentAdminRoutes.Edit(item.ContentItemId)),
        };
        await outbox.EnqueueAsync(tenant.Tenant, message, cancellationToken);
    }

    private string SiteRoot(HttpContext http) => TenantUrls.Root(http, tenant.Tenant);
}
