using Microsoft.Playwright;
using Municipal.Browser.Tests.Harness;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Municipal.Browser.Tests;

/// <summary>The news list of the sample municipality: 20 articles, 10 a page, so two pages.</summary>
[Collection(BrowserCollection.Name)]
public sealed class NewsPaginationTests(MunicipalServer server, DemoTenantFixture fixture)
    : BrowserTest(server), IClassFixture<DemoTenantFixture>
{
    private TestTenant Tenant => fixture.Tenant;

    private ILocator Pagination => Page.GetByRole(AriaRole.Navigation, new() { Name = "Pagination", Exact = true });

    private ILocator NextLink => Pagination.GetByRole(AriaRole.Link, new() { Name = "Page suivante", Exact = true });

    private ILocator PreviousLink => Pagination.GetByRole(AriaRole.Link, new() { Name = "Page précédente", Exact = true });

    private ILocator H1 => Page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    [Fact]
    public async Task Next_and_previous_links_are_followed_with_the_keyboard()
    {
        Assert.Equal(200, await GotoAsync(Tenant.Url(DemoPages.NewsList)));
        await Expect(H1).ToHaveTextAsync("Actualités");
        await ExpectCurrentPageAsync("Page 1 sur 2");
        await Expect(PreviousLink).ToHaveCountAsync(0);

        await TabUntilFocusedAsync(NextLink);
        var second = await PressAndFollowAsync("Enter");

        Assert.Equal(200, second);
        await Expect(Page).ToHaveURLAsync(Tenant.Url(DemoPages.NewsListPage2));
        await Expect(H1).ToHaveTextAsync("Actualités – Page 2 sur 2");
        await ExpectCurrentPageAsync("Page 2 sur 2");
        await Expect(NextLink).ToHaveCountAsync(0);

        await TabUntilFocusedAsync(PreviousLink);
        var first = await PressAndFollowAsync("Enter");

        Assert.Equal(200, first);
        await Expect(Page).ToHaveURLAsync(Tenant.Url(DemoPages.NewsList));
        await Expect(H1).ToHaveTextAsync("Actualités");
        await ExpectCurrentPageAsync("Page 1 sur 2");
    }

    [Fact]
    public async Task The_two_pages_list_ten_different_articles_each_and_a_third_page_is_not_found()
    {
        await GotoAsync(Tenant.Url(DemoPages.NewsList));
        var firstPage = await ArticleLinksAsync();
        await GotoAsync(Tenant.Url(DemoPages.NewsListPage2));
        var secondPage = await ArticleLinksAsync();

        Assert.Equal(10, firstPage.Count);
        Assert.Equal(10, secondPage.Count);
        Assert.Empty(firstPage.Intersect(secondPage));
        Assert.Contains("/actualites/marche-de-noel-2026", firstPage);
        Assert.Contains("/actualites/fete-de-la-musique-heronval", secondPage);

        Assert.Equal(404, await GotoAsync(Tenant.Url("/actualites?page=3")));
        await Expect(H1).ToHaveTextAsync("Page introuvable");
    }

    /// <summary>The item of the current page says which page it is, and is marked as the current one.</summary>
    private async Task ExpectCurrentPageAsync(string label)
    {
        await Expect(Pagination).ToBeVisibleAsync();
        var current = Pagination.GetByRole(AriaRole.Listitem).Filter(new() { HasText = label });
        await Expect(current).ToHaveCountAsync(1);
        await Expect(current).ToHaveAttributeAsync("aria-current", "page");
        await Expect(current.GetByRole(AriaRole.Link)).ToHaveCountAsync(0);
    }

    /// <summary>The addresses the article headings of the list link to.</summary>
    private async Task<IReadOnlyList<string>> ArticleLinksAsync()
    {
        var hrefs = new List<string>();
        foreach (var heading in await Page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Heading, new() { Level = 2 }).AllAsync())
        {
            hrefs.Add(await heading.GetByRole(AriaRole.Link).GetAttributeAsync("href") ?? string.Empty);
        }

        return hrefs;
    }
}
