using Microsoft.Playwright;
using Municipal.Browser.Tests.Harness;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Municipal.Browser.Tests;

/// <summary>
/// Every public page type of the sample municipality ("demo" recipe): home, pages of the tree, procedure,
/// news list and article, accessibility statement, 404 page.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DemoPageTypeTests(MunicipalServer server, DemoTenantFixture fixture)
    : BrowserTest(server), IClassFixture<DemoTenantFixture>
{
    private TestTenant Tenant => fixture.Tenant;

    private ILocator Breadcrumb => Page.GetByRole(AriaRole.Navigation, new() { Name = "Fil d'Ariane", Exact = true });

    private ILocator H1 => Page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    [Theory]
    [MemberData(nameof(DemoPages.All), MemberType = typeof(DemoPages))]
    public async Task Page_type_has_no_axe_violations(string path)
    {
        Assert.Equal(DemoPages.ExpectedStatus(path), await GotoAsync(Tenant.Url(path)));

        await Axe.AssertNoViolationsAsync(Page);
    }

    [Theory]
    [MemberData(nameof(DemoPages.All), MemberType = typeof(DemoPages))]
    public async Task Page_type_is_in_french_with_one_h1_and_a_breadcrumb_ending_on_itself(string path)
    {
        Assert.Equal(DemoPages.ExpectedStatus(path), await GotoAsync(Tenant.Url(path)));

        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        await Expect(H1).ToHaveCountAsync(1);
        await Expect(H1).ToBeVisibleAsync();
        if (path == DemoPages.Home)
        {
            await Expect(Breadcrumb).ToHaveCountAsync(0);
            return;
        }

        await Expect(Breadcrumb).ToBeVisibleAsync();
        var items = Breadcrumb.GetByRole(AriaRole.Listitem);
        var count = await items.CountAsync();
        Assert.True(count >= 2, $"The breadcrumb of {path} should lead from the home page to the page itself; it has {count} item(s).");
        await Expect(items.First.GetByRole(AriaRole.Link)).ToHaveAccessibleNameAsync("Accueil");
        await Expect(items.First.GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", "/");
        for (var i = 1; i < count - 1; i++)
        {
            await Expect(items.Nth(i).GetByRole(AriaRole.Link)).ToHaveCountAsync(1);
        }

        // Only the last item is the current page, and it is the page shown: the h1 begins with its name.
        await Expect(Breadcrumb.Locator("[aria-current]")).ToHaveCountAsync(1);
        var current = items.Last.Locator("[aria-current]");
        await Expect(current).ToHaveAttributeAsync("aria-current", "page");
        await Expect(items.Last.GetByRole(AriaRole.Link)).ToHaveCountAsync(0);
        var currentName = (await current.InnerTextAsync()).Trim();
        var heading = (await H1.InnerTextAsync()).Trim();
        Assert.True(heading.StartsWith(currentName, StringComparison.Ordinal),
            $"The breadcrumb of {path} ends on « {currentName} », but the page shown is « {heading} ».");
    }

    [Fact]
    public async Task Nested_page_has_its_ancestors_in_the_breadcrumb()
    {
        await GotoAsync(Tenant.Url(DemoPages.NestedPage));

        await Expect(Breadcrumb.GetByRole(AriaRole.Listitem)).ToHaveTextAsync(["Accueil", "Vivre à Valmont", "Environnement", "Collecte des déchets"]);
        await Expect(Breadcrumb.GetByRole(AriaRole.Link, new() { Name = "Vivre à Valmont", Exact = true })).ToHaveAttributeAsync("href", "/vivre-a-valmont");
        await Expect(Breadcrumb.GetByRole(AriaRole.Link, new() { Name = "Environnement", Exact = true })).ToHaveAttributeAsync("href", "/vivre-a-valmont/environnement");
        await Expect(H1).ToHaveTextAsync("Collecte des déchets");
    }

    [Fact]
    public async Task Parent_page_lists_the_pages_under_it()
    {
        await GotoAsync(Tenant.Url(DemoPages.ParentPage));

        var section = Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Navigation, new() { Name = "Dans cette rubrique", Exact = true });
        await Expect(section.GetByRole(AriaRole.Heading, new() { Level = 2, Name = "Dans cette rubrique" })).ToBeVisibleAsync();
        var links = section.GetByRole(AriaRole.Link);
        Assert.True(await links.CountAsync() >= 2, "The parent page should list the pages under it.");
        await Expect(section.GetByRole(AriaRole.Link, new() { Name = "Environnement", Exact = true })).ToHaveAttributeAsync("href", "/vivre-a-valmont/environnement");
        foreach (var link in await links.AllAsync())
        {
            Assert.StartsWith("/vivre-a-valmont/", await link.GetAttributeAsync("href"));
        }
    }

    [Fact]
    public async Task Procedure_has_its_sections_in_order()
    {
        await GotoAsync(Tenant.Url(DemoPages.Procedure));

        await Expect(H1).ToHaveTextAsync("Carte d'identité électronique");
        await Expect(Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Heading, new() { Level = 2 })).ToHaveTextAsync(
        [
            "De quoi s'agit-il ?",
            "Qui peut faire cette démarche ?",
            "Combien ça coûte ?",
            "Documents à fournir",
            "Comment faire ?",
        ]);
        await Expect(Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Ancienne carte d'identité" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Home_page_shows_its_blocks_under_one_h1()
    {
        await GotoAsync(Tenant.Url(DemoPages.Home));

        await Expect(H1).ToHaveTextAsync("Bienvenue à Valmont");
        var main = Page.GetByRole(AriaRole.Main);
        await Expect(main.GetByRole(AriaRole.Heading, new() { Level = 2, Name = "Je suis...", Exact = true })).ToBeVisibleAsync();
        var news = main.GetByRole(AriaRole.Region, new() { Name = "Actualités", Exact = true });
        await Expect(news.GetByRole(AriaRole.Link, new() { Name = "Toutes les actualités", Exact = true })).ToHaveAttributeAsync("href", "/actualites");
        Assert.True(await news.GetByRole(AriaRole.Listitem).CountAsync() >= 1, "The latest news block lists no article.");
    }

    [Fact]
    public async Task News_article_shows_its_date_in_the_main_content()
    {
        await GotoAsync(Tenant.Url(DemoPages.NewsArticle));

        var article = Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Article);
        await Expect(article.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Marché de Noël du 4 au 6 décembre sur la Place communale");
        await Expect(article.GetByText("Publié le")).ToBeVisibleAsync();
        await Expect(article.Locator("time")).ToHaveAttributeAsync("datetime", "2026-11-25");
    }

    [Theory]
    [InlineData("/sitemap.xml", "application/xml")]
    [InlineData("/robots.txt", "text/plain")]
    [InlineData("/actualites/feed.xml", "application/atom+xml")]
    public async Task Machine_readable_file_answers_with_its_media_type(string path, string mediaType)
    {
        // Fetched from a page of the site: the browser resolves *.localhost, Playwright's own HTTP client does not.
        await GotoAsync(Tenant.Url("/"));
        var answer = await Page.EvaluateAsync<string[]>(
            "async path => { const r = await fetch(path); return [String(r.status), r.headers.get('content-type') ?? '', await r.text()]; }",
            path);

        Assert.Equal("200", answer[0]);
        Assert.StartsWith(mediaType, answer[1]);
        Assert.Contains(Tenant.Url("/"), answer[2]);
    }
}
