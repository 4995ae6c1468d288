using Microsoft.Playwright;
using Xunit;

namespace Municipal.Browser.Tests.Harness;

/// <summary>Base of a browser test: a fresh context and page for each test, closed after it.</summary>
public abstract class BrowserTest(MunicipalServer server) : IAsyncLifetime
{
    private IBrowserContext? context;
    private IPage? page;

    protected MunicipalServer Server { get; } = server;

    protected IPage Page => page ?? throw new InvalidOperationException("The page is not open yet.");

    /// <summary>The viewport of this class's pages; null for the desktop default.</summary>
    protected virtual ViewportSize? Viewport => null;

    public async Task InitializeAsync()
    {
        context = await Server.NewContextAsync(Viewport);
        page = await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (context is not null)
        {
            await context.CloseAsync();
            await context.DisposeAsync();
        }
    }

    /// <summary>
    /// Presses Tab until <paramref name="target"/> has the focus, as a keyboard user would;
    /// fails when it is not reached within <paramref name="maxPresses"/> presses.
    /// </summary>
    protected async Task TabUntilFocusedAsync(ILocator target, int maxPresses = 40)
    {
        for (var presses = 0; presses < maxPresses; presses++)
        {
            await Page.Keyboard.PressAsync("Tab");
            if (await IsFocusedAsync(target))
            {
                return;
            }
        }

        var focused = await Page.EvaluateAsync<string?>("() => document.activeElement?.outerHTML ?? null");
        throw new Xunit.Sdk.XunitException($"{target} was not reached after {maxPresses} presses of Tab; the focus is on {focused}.");
    }

    protected static Task<bool> IsFocusedAsync(ILocator target) =>
        target.EvaluateAsync<bool>("element => element === document.activeElement");

    /// <summary>Presses a key that follows a link (Enter on a focused link) and returns the status code of the page it opens.</summary>
    protected async Task<int> PressAndFollowAsync(string key)
    {
        // The document we leave is marked; the wait below ends in a new, fully loaded document. Waiting for the
        // frame's "load" state right after the response now and then missed the new document's load event (it
        // hung with the page loaded), and a readyState poll alone could still see the old document.
        await Page.EvaluateAsync("() => { window.__municipalLeaving = true; }");
        var response = await Page.RunAndWaitForResponseAsync(
            () => Page.Keyboard.PressAsync(key),
            response => response.Request.IsNavigationRequest && response.Frame == Page.MainFrame);
        await Page.WaitForFunctionAsync("() => window.__municipalLeaving !== true && document.readyState === 'complete'");
        return response.Status;
    }

    /// <summary>Signs in to a tenant's back office through its sign-in form, as a person would, and waits for the dashboard.</summary>
    protected async Task SignInAsync(TestTenant tenant, string email, string password)
    {
        var status = await GotoAsync(tenant.Url("/admin/connexion"));
        if (status != 200)
        {
            throw new Xunit.Sdk.XunitException($"The sign-in page answered {status}.");
        }

        await Page.GetByLabel("Adresse e-mail", new() { Exact = true }).FillAsync(email);
        await Page.GetByLabel("Mot de passe", new() { Exact = true }).FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Se connecter", Exact = true }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Tableau de bord");
    }

    /// <summary>Opens a URL and returns the status code of the document.</summary>
    protected async Task<int> GotoAsync(string url)
    {
        var response = await Page.GotoAsync(url) ?? throw new InvalidOperationException($"No response for {url}.");
        return response.Status;
    }
}
