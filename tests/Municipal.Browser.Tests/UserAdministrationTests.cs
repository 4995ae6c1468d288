using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Municipal.Browser.Tests.Harness;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Municipal.Browser.Tests;

/// <summary>Users, invitation, account with two-factor, journal: axe on each page, and an invitation by keyboard alone.</summary>
[Collection(BrowserCollection.Name)]
public sealed class UserAdministrationTests(MunicipalServer server, MunicipalityTenantFixture fixture)
    : BrowserTest(server), IClassFixture<MunicipalityTenantFixture>
{
    private ILocator Heading => Page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    [Fact]
    public async Task An_administrator_invites_a_user_by_keyboard_alone_on_pages_without_axe_violation()
    {
        await SignInAsync();
        Assert.Equal(200, await GotoAsync(fixture.Tenant.Url("/admin/utilisateurs")));
        await Expect(Heading).ToHaveTextAsync("Utilisateurs");
        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Utilisateurs", Exact = true })).ToHaveAttributeAsync("aria-current", "page");
        await Axe.AssertNoViolationsAsync(Page);

        await TabUntilFocusedAsync(Page.GetByRole(AriaRole.Link, new() { Name = "Inviter une personne" }));
        await PressAndFollowAsync("Enter");
        await Expect(Heading).ToHaveTextAsync("Inviter une personne");
        await Axe.AssertNoViolationsAsync(Page);

        // Sent empty: the error summary takes the focus and links to the fields.
        await TabUntilFocusedAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Envoyer l'invitation" }));
        await PressAndFollowAsync("Enter");
        var summary = Page.Locator(".error-summary");
        await Expect(summary).ToBeFocusedAsync();
        await Expect(summary).ToContainTextAsync("Choisissez un rôle");
        await Expect(Page).ToHaveTitleAsync(new Regex("^Erreur : Inviter une personne"));
        await Axe.AssertNoViolationsAsync(Page);

        var email = $"clavier-{RandomNumberGenerator.GetHexString(6, lowercase: true)}@example.be";
        var emailField = Page.GetByLabel("Adresse e-mail", new() { Exact = true });
        await TabUntilFocusedAsync(emailField);
        await Page.Keyboard.TypeAsync(email);
        // Into the radio group (its first role), then the arrow picks the next one: Éditeur·rice.
        await TabUntilFocusedAsync(Page.GetByRole(AriaRole.Radio, new() { Name = "Administrateur·rice" }), maxPresses: 2);
        await Page.Keyboard.PressAsync("ArrowDown");
        await Expect(Page.GetByRole(AriaRole.Radio, new() { Name = "Éditeur·rice" })).ToBeCheckedAsync();
        await TabUntilFocusedAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Envoyer l'invitation" }), maxPresses: 3);
        await PressAndFollowAsync("Enter");

        await Expect(Heading).ToHaveTextAsync("Utilisateurs");
        var notice = Page.Locator("[data-notice]");
        await Expect(notice).ToHaveTextAsync("L'invitation a été envoyée.");
        await Expect(notice).ToBeFocusedAsync();
        var row = Page.GetByRole(AriaRole.Row, new() { Name = email });
        await Expect(row).ToContainTextAsync("Éditeur·rice");
        await Expect(row).ToContainTextAsync("Invitation en attente");
        await Axe.AssertNoViolationsAsync(Page);

        // The invitee's page, as the administrator sees it.
        await TabUntilFocusedAsync(Page.GetByRole(AriaRole.Link, new() { Name = email }), maxPresses: 60);
        await PressAndFollowAsync("Enter");
        await Expect(Heading).ToHaveTextAsync(email);
        await Expect(Page.GetByRole(AriaRole.Checkbox, new() { Name = "Éditeur·rice" })).ToBeCheckedAsync();
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Renvoyer l'invitation" })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(Page);
    }

    [Fact]
    public async Task The_account_two_factor_and_journal_pages_have_no_axe_violation()
    {
        await SignInAsync();

        Assert.Equal(200, await GotoAsync(fixture.Tenant.Url("/admin/compte")));
        await Expect(Heading).ToHaveTextAsync("Mon compte");
        await Expect(Page.GetByLabel("Mot de passe actuel", new() { Exact = true })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(Page);

        await TabUntilFocusedAsync(Page.GetByRole(AriaRole.Link, new() { Name = "Activer la vérification en deux étapes" }), maxPresses: 60);
        await PressAndFollowAsync("Enter");
        await Expect(Heading).ToHaveTextAsync("Activer la vérification en deux étapes");
        await Expect(Page.Locator("[data-authenticator-key]")).ToHaveTextAsync(new Regex("^[A-Z2-7]{4}( [A-Z2-7]{1,4})+$"));
        var code = Page.GetByLabel("Code de vérification", new() { Exact = true });
        await Expect(code).ToHaveAttributeAsync("autocomplete", "one-time-code");
        await Expect(code).ToHaveAttributeAsync("inputmode", "numeric");
        await Axe.AssertNoViolationsAsync(Page);

        // A wrong code: the error summary, without violation either.
        await code.FillAsync("000000");
        await code.FocusAsync();
        await PressAndFollowAsync("Enter");
        await Expect(Page.Locator(".error-summary")).ToBeFocusedAsync();
        await Axe.AssertNoViolationsAsync(Page);

        Assert.Equal(200, await GotoAsync(fixture.Tenant.Url("/admin/journal")));
        await Expect(Heading).ToHaveTextAsync("Journal");
        await Expect(Page.GetByRole(AriaRole.Table, new() { Name = "Qui a fait quoi, du plus récent au plus ancien" })).ToContainTextAsync("Connexion");
        await Axe.AssertNoViolationsAsync(Page);
    }

    [Fact]
    public async Task At_320_pixels_wide_no_page_scrolls_sideways()
    {
        await SignInAsync();
        await Page.SetViewportSizeAsync(320, 800);
        foreach (var path in new[] { "/admin/utilisateurs", "/admin/utilisateurs/inviter", "/admin/compte", "/admin/compte/deux-etapes", "/admin/journal" })
        {
            Assert.Equal(200, await GotoAsync(fixture.Tenant.Url(path)));
            var widths = await Page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
            Assert.True(widths[0] <= widths[1], $"{path} is {widths[0]} px wide in a {widths[1]} px viewport.");
        }
    }

    private Task SignInAsync() => SignInAsync(fixture.Tenant, fixture.Tenant.AdminEmail, fixture.Tenant.AdminPassword);
}
