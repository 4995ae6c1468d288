using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Municipal.Browser.Tests.Harness;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Municipal.Browser.Tests;

/// <summary>
/// Every back-office page an administrator can reach by following links from the dashboard passes axe. The crawl
/// follows only GET links under /admin, one page per address shape (an editor of one item stands for all items),
/// so a new admin screen is covered as soon as a link leads to it. Every other link the crawled pages show (another
/// item of a shape already checked, or beyond the page limit) must still answer 200: a link to a page that does not
/// exist is found even when its shape looks like a working one (the journal once linked taxonomies to the content editor).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class AdminAccessibilitySweepTests(MunicipalServer server, DemoTenantFixture fixture)
    : BrowserTest(server), IClassFixture<DemoTenantFixture>
{
    private const int MaxPages = 80;

    [Fact]
    public async Task Every_admin_page_reachable_from_the_dashboard_has_no_axe_violation()
    {
        // A citizen's request, so that the e-counter's queue leads to a request's page.
        await Forms.RequestSeed.SubmitAsync(Server, fixture.Tenant, "citoyen@exemple.be", "Trottoir abîmé");
        await SignInAsync();
        var origin = fixture.Tenant.BaseUrl.GetLeftPart(UriPartial.Authority);
        var queue = new Queue<string>(["/admin"]);
        var seenShapes = new HashSet<string>(StringComparer.Ordinal);
        var visited = new List<string>();
        var failures = new List<string>();
        var shown = new HashSet<string>(StringComparer.Ordinal);

        while (queue.Count > 0 && visited.Count < MaxPages)
        {
            var path = queue.Dequeue();
            if (!seenShapes.Add(Shape(path)))
            {
                continue;
            }

            var status = await GotoAsync(origin + path);
            visited.Add(path);
            if (status != 200)
            {
                failures.Add($"{path}: HTTP {status}");
                continue;
            }

            if (await Axe.FindViolationsAsync(Page) is { } report)
            {
                failures.Add(report);
            }

            var links = await Page.Locator("a[href^='/admin']:not([download])").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
            foreach (var link in links.Where(IsPage))
            {
                queue.Enqueue(link);
                shown.Add(link);
            }
        }

        // The links not opened above, fetched with the browser's session (no rendering, no axe: their shape was checked).
        var fetched = 0;
        foreach (var link in shown.Except(visited, StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            // From the page, as the browser would fetch it (Chromium resolves *.localhost; Playwright's own request client does not).
            var answer = await Page.EvaluateAsync<string>("async url => { const r = await fetch(url, { credentials: 'same-origin' }); return r.status + ' ' + r.url; }", origin + link);
            fetched++;
            if (!answer.StartsWith("200 ", StringComparison.Ordinal) || answer.Contains("/admin/connexion", StringComparison.Ordinal))
            {
                failures.Add($"{link}: HTTP {answer} (link shown on a crawled page)");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {visited.Count} admin pages and {fetched} other links failed:\n" + string.Join("\n\n", failures));
        // The crawl reached the back office's screens, not just the dashboard (users, contents, media, menus, journal...).
        Assert.True(visited.Count >= 15, "Only these admin pages were reached: " + string.Join(", ", visited));
        Assert.Contains(visited, p => p.StartsWith("/admin/e-guichet/demandes/", StringComparison.Ordinal));
    }

    private Task SignInAsync() => SignInAsync(fixture.Tenant, fixture.Tenant.AdminEmail, fixture.Tenant.AdminPassword);

    /// <summary>Pages, not files (downloads are marked "download", exports end in .csv) or the links that leave the back office (assets, the preview opens the public layout but is checked too).</summary>
    private static bool IsPage(string href) =>
        !href.StartsWith("/admin/assets/", StringComparison.Ordinal)
        && !href.Contains('#', StringComparison.Ordinal)
        && !href.EndsWith(".json", StringComparison.Ordinal)
        && !href.Contains(".csv", StringComparison.Ordinal);

    /// <summary>
    /// "/admin/contenus/4f3a…/revisions/12?page=2" and its siblings share the shape "/admin/contenus/*/revisions/*?page";
    /// a content type in the query stays in the shape (each type has its own form).
    /// </summary>
    private static string Shape(string path)
    {
        var parts = path.Split('?', 2);
        var segments = parts[0].Split('/').Select(s => IdSegment().IsMatch(s) ? "*" : s);
        var query = parts.Length > 1 ? "?" + string.Join("&", parts[1].Split('&').Select(p => p.StartsWith("type=", StringComparison.Ordinal) ? p : p.Split('=')[0]).Order(StringComparer.Ordinal)) : string.Empty;
        return string.Join("/", segments) + query;
    }

    [GeneratedRegex("^([0-9]+|[0-9a-f]{16,}|[0-9a-f-]{36}|EG-[0-9A-Z-]+)$")]
    private static partial Regex IdSegment();
}
