using System.Text;
using Microsoft.Playwright;
using Municipal.Browser.Tests.Harness;
using Municipal.Core.Security;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Municipal.Browser.Tests.Forms;

/// <summary>
/// Issue 13, by keyboard alone at 1280 and 375 px, axe on every page: an agent finds a request by the citizen's name,
/// asks for information straight from "Reçue"; the citizen, after giving code and e-mail, reads the question before
/// the answer box and answers; the agent sees "Réponse reçue" first in the queue and the exchange near the top of the
/// request, accepts it with a PDF; the citizen downloads the PDF from the follow-up page, and nobody else can.
/// </summary>
public abstract class RequestExchangeTests(MunicipalServer server, MunicipalityTenantFixture fixture) : BrowserTest(server)
{
    private const string Citizen = "theodore@exemple.be";
    private const string Question = "Pouvez-vous joindre le plan de la rue ?";
    private const string Answer = "Le plan suit par la poste.";
    private static readonly byte[] Certificate = Encoding.ASCII.GetBytes("%PDF-1.4\n% certificat\n%%EOF\n");

    private ILocator Main => Page.GetByRole(AriaRole.Main);

    [Fact]
    public async Task An_agent_finds_asks_and_answers_with_a_document_that_the_citizen_downloads_after_giving_code_and_email()
    {
        var tenant = fixture.Tenant;
        var fullName = "Théodore Vandenbroucke " + Guid.NewGuid().ToString("N")[..6];
        var code = await RequestSeed.SubmitAsync(Server, tenant, Citizen, "Trottoir à refaire", fullName);
        var other = await RequestSeed.SubmitAsync(Server, tenant, "autre@exemple.be", "Lampadaire", "Autre Personne");
        var (email, password) = await Server.CreateUserAsync(tenant, TenantRoles.Agent);
        await SignInAsync(tenant, email, password);

        // The queue's search box finds the request by the citizen's name.
        Assert.Equal(200, await GotoAsync(tenant.Url("/admin/e-guichet")));
        await TabUntilFocusedAsync(Page.GetByLabel("Rechercher", new() { Exact = true }));
        await Page.Keyboard.TypeAsync(fullName.ToLowerInvariant().Replace("é", "e", StringComparison.Ordinal));
        Assert.Equal(200, await PressAndFollowAsync("Enter"));
        await Expect(Page.GetByRole(AriaRole.Table)).ToContainTextAsync(code);
        await Expect(Page.GetByRole(AriaRole.Table)).Not.ToContainTextAsync(other);
        await Axe.AssertNoViolationsAsync(Page);

        // "Information demandée" straight from "Reçue".
        await TabUntilFocusedAsync(Page.GetByRole(AriaRole.Link, new() { Name = code }));
        Assert.Equal(200, await PressAndFollowAsync("Enter"));
        await Expect(Page.Locator(".summary-list").First).ToContainTextAsync("Reçue");
        await TabUntilFocusedAsync(Page.GetByLabel("Nouveau statut"), 80);
        await Page.Keyboard.PressAsync("ArrowDown");
        await Page.Keyboard.PressAsync("ArrowDown");
        await Expect(Page.GetByLabel("Nouveau statut")).ToHaveValueAsync("information-demandee");
        await TabUntilFocusedAsync(Page.GetByLabel("Message au demandeur"), 3);
        await Page.Keyboard.TypeAsync(Question);
        await TabUntilFocusedAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Changer le statut" }), 5);
        await PressAndFollowAsync("Enter");
        await Expect(Page.Locator(".notice")).ToBeFocusedAsync();
        await Expect(Page.Locator(".summary-list").First).ToContainTextAsync("Information demandée");
        await Axe.AssertNoViolationsAsync(Page);
        var requestPage = Page.Url;

        // The citizen, in a browser of their own: code and e-mail, then the question before the answer box.
        await using var citizenContext = await Server.NewContextAsync(Viewport);
        var citizen = await citizenContext.NewPageAsync();
        await citizen.GotoAsync(tenant.Url($"/e-guichet/suivi?code={code}"));
        await FocusByTabAsync(citizen, citizen.GetByLabel("Adresse e-mail", new() { Exact = true }));
        await citizen.Keyboard.TypeAsync(Citizen);
        await citizen.Keyboard.PressAsync("Enter");
        await Expect(citizen.Locator("[data-status]")).ToHaveTextAsync("Information demandée");
        var reply = citizen.GetByLabel("Votre réponse", new() { Exact = true });
        Assert.True(
            await citizen.GetByText(Question).First.EvaluateAsync<bool>("(q, box) => !!(q.compareDocumentPosition(box) & Node.DOCUMENT_POSITION_FOLLOWING)", await reply.ElementHandleAsync()),
            "The answer box comes before the question it answers.");
        await Axe.AssertNoViolationsAsync(citizen);
        await FocusByTabAsync(citizen, reply);
        await citizen.Keyboard.TypeAsync(Answer);
        await FocusByTabAsync(citizen, citizen.GetByRole(AriaRole.Button, new() { Name = "Envoyer ma réponse", Exact = true }));
        await citizen.Keyboard.PressAsync("Enter");
        await Expect(citizen.Locator("[data-notice]")).ToContainTextAsync("Votre réponse a été envoyée");

        // The agent: "Réponse reçue" first in the queue, and the exchange near the top of the request.
        Assert.Equal(200, await GotoAsync(tenant.Url("/admin/e-guichet")));
        await Expect(Page.Locator("tbody tr").First).ToContainTextAsync(code);
        await Expect(Page.Locator("tbody tr").First).ToContainTextAsync("Réponse reçue");
        await Axe.AssertNoViolationsAsync(Page);
        Assert.Equal(200, await GotoAsync(requestPage));
        var exchange = Page.Locator(".request-exchange");
        await Expect(exchange).ToContainTextAsync(Question);
        await Expect(exchange).ToContainTextAsync(Answer);
        Assert.True(await exchange.EvaluateAsync<bool>("(e) => e.getBoundingClientRect().top < document.getElementById('statut-title').getBoundingClientRect().top"));

        // "Acceptée", with the certificate.
        await TabUntilFocusedAsync(Page.GetByLabel("Nouveau statut"), 80);
        await Page.Keyboard.PressAsync("ArrowDown");
        await Page.Keyboard.PressAsync("ArrowDown");
        await Expect(Page.GetByLabel("Nouveau statut")).ToHaveValueAsync("acceptee");
        await TabUntilFocusedAsync(Page.GetByLabel("Message au demandeur"), 3);
        await Page.Keyboard.TypeAsync("Votre autorisation est jointe.");
        var document = Page.Locator("#statut-document");
        await TabUntilFocusedAsync(document, 3);
        await document.SetInputFilesAsync(new FilePayload { Name = "autorisation.pdf", MimeType = "application/pdf", Buffer = Certificate });
        await TabUntilFocusedAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Changer le statut" }), 5);
        await PressAndFollowAsync("Enter");
        await Expect(Page.Locator(".notice")).ToBeFocusedAsync();
        await Expect(Page.Locator(".request-history")).ToContainTextAsync("autorisation.pdf");
        await Axe.AssertNoViolationsAsync(Page);

        // The citizen downloads it from the follow-up page, by keyboard.
        await citizen.GotoAsync(tenant.Url("/e-guichet/suivi"));
        await Expect(citizen.Locator("[data-status]")).ToHaveTextAsync("Acceptée");
        var link = citizen.GetByRole(AriaRole.Link, new() { Name = "Télécharger autorisation.pdf" });
        await Axe.AssertNoViolationsAsync(citizen);
        await FocusByTabAsync(citizen, link);
        var download = await citizen.RunAndWaitForDownloadAsync(() => citizen.Keyboard.PressAsync("Enter"));
        Assert.Equal("autorisation.pdf", download.SuggestedFilename);
        await using (var stream = await download.CreateReadStreamAsync())
        using (var bytes = new MemoryStream())
        {
            await stream.CopyToAsync(bytes);
            Assert.Equal(Certificate, bytes.ToArray());
        }

        // The same address in a browser that never gave code and e-mail: the look-up form, no file.
        var address = new Uri(new Uri(citizen.Url), await link.GetAttributeAsync("href")).ToString();
        await using var strangerContext = await Server.NewContextAsync(Viewport);
        var stranger = await strangerContext.NewPageAsync();
        Assert.Equal(200, (await stranger.GotoAsync(address))!.Status);
        await Expect(stranger.GetByRole(AriaRole.Button, new() { Name = "Voir ma demande", Exact = true })).ToBeVisibleAsync();
    }

    /// <summary>Tab on another page than the test's own (the citizen's browser).</summary>
    private static async Task FocusByTabAsync(IPage page, ILocator target)
    {
        for (var presses = 0; presses < 40; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await IsFocusedAsync(target))
            {
                return;
            }
        }

        throw new Xunit.Sdk.XunitException($"{target} was not reached by Tab.");
    }
}

[Collection(BrowserCollection.Name)]
public sealed class RequestExchangeDesktopTests(MunicipalServer server, MunicipalityTenantFixture fixture)
    : RequestExchangeTests(server, fixture), IClassFixture<MunicipalityTenantFixture>;

[Collection(BrowserCollection.Name)]
public sealed class RequestExchangeMobileTests(MunicipalServer server, MunicipalityTenantFixture fixture)
    : RequestExchangeTests(server, fixture), IClassFixture<MunicipalityTenantFixture>
{
    protected override ViewportSize? Viewport => new() { Width = 375, Height = 800 };
}
