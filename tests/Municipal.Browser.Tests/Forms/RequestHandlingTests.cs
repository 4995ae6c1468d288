using Microsoft.Playwright;
using Municipal.Browser.Tests.Harness;
using Municipal.Core.Security;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Municipal.Browser.Tests.Forms;

/// <summary>
/// An agent handles a citizen's request by keyboard alone: from the dashboard to the queue, a filter, the request,
/// "assign to me", then "En traitement" and "Acceptée" (after a refused attempt without a question). axe on every page.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class RequestHandlingTests(MunicipalServer server, MunicipalityTenantFixture fixture)
    : BrowserTest(server), IClassFixture<MunicipalityTenantFixture>
{
    [Fact]
    public async Task An_agent_filters_the_queue_takes_a_request_and_accepts_it_by_keyboard_without_axe_violation()
    {
        var tenant = fixture.Tenant;
        var code = await RequestSeed.SubmitAsync(Server, tenant, "marie@exemple.be", "Nid-de-poule rue de la Gare");
        var (email, password) = await Server.CreateUserAsync(tenant, TenantRoles.Agent);
        await SignInAsync(tenant, email, password);

        // From the dashboard (which counts what waits) to the queue, through the navigation.
        await Expect(Page.GetByRole(AriaRole.Main)).ToContainTextAsync("n'est attribuée à personne");
        await TabUntilFocusedAsync(Page.GetByRole(AriaRole.Link, new() { Name = "Demandes", Exact = true }).First);
        Assert.Equal(200, await PressAndFollowAsync("Enter"));
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Demandes des citoyens");
        await Axe.AssertNoViolationsAsync(Page);

        // Filter on the form and on "nobody": a GET form, so the address says it all.
        await TabUntilFocusedAsync(Page.GetByLabel("Formulaire", new() { Exact = true }));
        await Page.Keyboard.TypeAsync("Voirie");
        await Expect(Page.GetByLabel("Formulaire", new() { Exact = true })).ToHaveValueAsync(RequestSeed.Slug);
        await TabUntilFocusedAsync(Page.GetByLabel("Attribuées à", new() { Exact = true }));
        await Page.Keyboard.PressAsync("ArrowDown");
        await Page.Keyboard.PressAsync("ArrowDown");
        await Expect(Page.GetByLabel("Attribuées à", new() { Exact = true })).ToHaveValueAsync("personne");
        await TabUntilFocusedAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Filtrer" }));
        Assert.Equal(200, await PressAndFollowAsync("Enter"));
        Assert.Contains("formulaire=" + RequestSeed.Slug, Page.Url, StringComparison.Ordinal);
        Assert.Contains("agent=personne", Page.Url, StringComparison.Ordinal);
        await Expect(Page.GetByRole(AriaRole.Table)).ToContainTextAsync(code);
        await Axe.AssertNoViolationsAsync(Page);

        // The request.
        await TabUntilFocusedAsync(Page.GetByRole(AriaRole.Link, new() { Name = code }));
        Assert.Equal(200, await PressAndFollowAsync("Enter"));
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(code);
        await Expect(Page.GetByRole(AriaRole.Main)).ToContainTextAsync("Nid-de-poule rue de la Gare");
        await Axe.AssertNoViolationsAsync(Page);

        // Assign to me.
        await TabUntilFocusedAsync(Page.GetByRole(AriaRole.Button, new() { Name = "M'attribuer la demande" }), 80);
        await PressAndFollowAsync("Enter");
        await Expect(Page.Locator(".notice")).ToBeFocusedAsync();
        await Expect(Page.Locator(".notice")).ToContainTextAsync("L'attribution de la demande a été modifiée.");
        await Expect(Page.Locator(".summary-list").First).ToContainTextAsync(email);
        await Axe.AssertNoViolationsAsync(Page);

        // "En traitement".
        await ChooseStatusAsync(1, "en-traitement", backwards: false);
        await Expect(Page.Locator(".notice")).ToBeFocusedAsync();
        await Expect(Page.Locator(".summary-list").First).ToContainTextAsync("En traitement");
        await Axe.AssertNoViolationsAsync(Page);

        // "Information demandée" without a question: the error summary takes the focus and leads to the field.
        await ChooseStatusAsync(1, "information-demandee", backwards: false);
        var summary = Page.Locator(".error-summary");
        await Expect(summary).ToBeFocusedAsync();
        await Expect(summary).ToContainTextAsync("Écrivez la question à poser au demandeur.");
        await Axe.AssertNoViolationsAsync(Page);
        await Page.Keyboard.PressAsync("Tab");
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Page.GetByLabel("Message au demandeur")).ToBeFocusedAsync();

        // "Acceptée", with a word for the citizen.
        await Page.Keyboard.TypeAsync("Les travaux sont prévus la semaine prochaine.");
        await ChooseStatusAsync(1, "acceptee", backwards: true);
        await Expect(Page.Locator(".notice")).ToBeFocusedAsync();
        await Expect(Page.Locator(".summary-list").First).ToContainTextAsync("Acceptée");
        await Expect(Page.Locator(".request-history")).ToContainTextAsync("Les travaux sont prévus la semaine prochaine.");
        await Axe.AssertNoViolationsAsync(Page);

        // At 320 px, the request and the queue reflow: no horizontal scrolling of the page.
        var detail = Page.Url;
        await Page.SetViewportSizeAsync(320, 640);
        Assert.Equal(200, await GotoAsync(detail));
        Assert.True(await FitsAsync(), "The request's page scrolls horizontally at 320 px: " + await WideAsync());
        Assert.Equal(200, await GotoAsync(tenant.Url("/admin/e-guichet")));
        Assert.True(await FitsAsync(), "The queue scrolls horizontally at 320 px: " + await WideAsync());
    }

    /// <summary>The elements that reach past the window's right edge, to say what does not reflow.</summary>
    private Task<string> WideAsync() => Page.EvaluateAsync<string>("""
        () => {
          const edge = document.documentElement.clientWidth + 0.5;
          const wide = [...document.body.querySelectorAll('*')].filter(e => e.getBoundingClientRect().right > edge).map(e => e.tagName + '.' + e.className);
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const range = document.createRange();
            range.selectNodeContents(node);
            if (range.getBoundingClientRect().right > edge) wide.push('"' + node.textContent.trim().slice(0, 60) + '" in ' + node.parentElement.tagName + '.' + node.parentElement.className);
          }
          return wide.slice(0, 8).join(', ') + ' (' + document.documentElement.scrollWidth + ' px wide)';
        }
        """);

    private Task<bool> FitsAsync() => Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth");

    /// <summary>
    /// Reaches the status select by Tab (or Shift+Tab from the message field below it), moves it by
    /// <paramref name="steps"/> options, then reaches and presses the button.
    /// </summary>
    private async Task ChooseStatusAsync(int steps, string expected, bool backwards)
    {
        var select = Page.GetByLabel("Nouveau statut");
        if (backwards)
        {
            await Page.Keyboard.PressAsync("Shift+Tab");
            await Expect(select).ToBeFocusedAsync();
        }
        else
        {
            await TabUntilFocusedAsync(select, 80);
        }

        for (var i = 0; i < steps; i++)
        {
            await Page.Keyboard.PressAsync("ArrowDown");
        }

        await Expect(select).ToHaveValueAsync(expected);
        await TabUntilFocusedAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Changer le statut" }), 5);
        await PressAndFollowAsync("Enter");
    }
}
