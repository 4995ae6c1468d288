using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Municipal.Core.Audit;
using Municipal.Core.Background;
using Municipal.Core.Content;
using Municipal.Core.Storage;
using Municipal.Pages.Model;
using Municipal.Web.Tests.Infrastructure;

namespace Municipal.Web.Tests.Admin;

/// <summary>Content, mails and audit lines of a tenant, for the review, revision and trash tests.</summary>
internal static partial class ReviewTestContent
{
    /// <summary>A page as the Pages module stores it (the way its recipe handler builds the draft).</summary>
    public static ContentDraft Page(string path, string title, string body, string? contentItemId = null)
    {
        var content = new PageContent(title, null, RichText.FromHtml($"<p>{body}</p>"));
        return new ContentDraft(PageTypes.Page, contentItemId, title, path, ContentStore.Serialize(content));
    }

    public static async Task<ContentItemRecord> SaveDraftAsync(StorageFixture fixture, string tenant, ContentDraft draft, string? author)
    {
        await using var scope = await StorageFixture.TenantScopeAsync(fixture.App.Services, tenant);
        return await scope.ServiceProvider.GetRequiredService<ContentManager>().SaveDraftAsync(draft, author);
    }

    public static async Task<ContentItemRecord> SaveAndPublishAsync(StorageFixture fixture, string tenant, ContentDraft draft, string? author)
    {
        await using var scope = await StorageFixture.TenantScopeAsync(fixture.App.Services, tenant);
        return await scope.ServiceProvider.GetRequiredService<ContentManager>().SaveAndPublishAsync(draft, author);
    }

    public static async Task<List<ContentItemRecord>> VersionsAsync(StorageFixture fixture, string tenant, string contentItemId)
    {
        await using var scope = await StorageFixture.TenantScopeAsync(fixture.App.Services, tenant);
        return await scope.ServiceProvider.GetRequiredService<TenantDbContext>().ContentItems.AsNoTracking()
            .Where(i => i.ContentItemId == contentItemId).OrderByDescending(i => i.Id).ToListAsync();
    }

    public static async Task<ContentItemRecord> LatestAsync(StorageFixture fixture, string tenant, string contentItemId) =>
        (await VersionsAsync(fixture, tenant, contentItemId)).First(v => v.Latest);

    public static async Task<IReadOnlyList<string>> AuditActionsAsync(StorageFixture fixture, string tenant, string contentItemId)
    {
        await using var scope = await StorageFixture.TenantScopeAsync(fixture.App.Services, tenant);
        return (await scope.ServiceProvider.GetRequiredService<AuditLog>().ReadAsync(0, 100, contentItemId)).Select(a => a.Action).Reverse().ToList();
    }

    /// <summary>Runs the due jobs, then reads the mails written to the tenant's pickup folder (oldest first).</summary>
    public static async Task<List<MimeMessage>> MailsAsync(StorageFixture fixture, string tenant)
    {
        await fixture.App.Services.GetRequiredService<JobRunner>().RunDueAsync();
        var folder = Path.Combine(fixture.TenantsFolder, tenant, "mail");
        var messages = new List<MimeMessage>();
        foreach (var file in Directory.Exists(folder) ? Directory.GetFiles(folder).Order(StringComparer.Ordinal).ToArray() : [])
        {
            messages.Add(await MimeMessage.LoadAsync(file));
        }

        return messages;
    }

    /// <summary>The value of a hidden field of a page.</summary>
    public static string Hidden(string html, string name) =>
        Regex.Match(html, $"name=\"{Regex.Escape(name)}\" value=\"([^\"]*)\"") is { Success: true } match
            ? match.Groups[1].Value
            : throw new Xunit.Sdk.XunitException($"Pas de champ caché « {name} ».");

    /// <summary>The text of the main element (HTML-decoded, tags kept).</summary>
    public static string MainOf(string html) => System.Net.WebUtility.HtmlDecode(MainPattern().Match(html).Value);

    [GeneratedRegex("<main.*</main>", RegexOptions.Singleline)]
    private static partial Regex MainPattern();
}
