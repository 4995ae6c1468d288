using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Municipal.Browser.Tests.Harness;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Municipal.Browser.Tests;

/// <summary>The back office's sign-in page and dashboard: axe, keyboard only, and the error summary.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SignInTests(MunicipalServer server, MunicipalityTenantFixture fixture)
    : BrowserTest(server), IClassFixture<MunicipalityTenantFixture>
{
    private ILocator Email => Page.GetByLabel("Adresse e-mail", new() { Exact = true });

    private ILocator Password => Page.GetByLabel("Mot de passe", new() { Exact = true });

    private ILocator Summary => Page.Locator(".error-summary");

    [Fact]
    public async Task The_sign_in_page_has_no_axe_violation()
    {
        Assert.Equal(200, await GotoAsync(fixture.Tenant.Url("/admin/connexion")));

        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", "fr");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Connexion");
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Se connecter", Exact = true })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(Page);
    }

    [Fact]
    public async Task A_user_signs_in_by_keyboard_alone_and_lands_on_the_dashboard_without_axe_violation()
    {
        // The dashboard first: it sends to the sign-in page, which sends back after signing in.
        Assert.Equal(200, await GotoAsync(fixture.Tenant.Url("/admin")));
        await Expect(Page).ToHaveURLAsync(SignInUrl());

        await TabUntilFocusedAsync(Email);
        await Page.Keyboard.TypeAsync(fixture.Tenant.AdminEmail);
        await TabUntilFocusedAsync(Password, maxPresses: 3);
        await Page.Keyboard.TypeAsync(fixture.Tenant.AdminPassword);
        await PressAndFollowAsync("Enter");

        await Expect(Page).ToHaveURLAsync(fixture.Tenant.Url("/admin"));
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Tableau de bord");
        await Expect(Page.GetByRole(AriaRole.Main)).ToContainTextAsync(fixture.Tenant.AdminEmail);
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter", Exact = true })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(Page);

        // And out again, by keyboard.
        await TabUntilFocusedAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter", Exact = true }));
        await PressAndFollowAsync("Enter");
        await Expect(Page).ToHaveURLAsync(SignInUrl());
    }

    [Fact]
    public async Task A_wrong_password_shows_a_focused_error_summary_whose_link_moves_focus_to_the_field()
    {
        Assert.Equal(200, await GotoAsync(fixture.Tenant.Url("/admin/connexion")));
        await Email.FillAsync(fixture.Tenant.AdminEmail);
        await Password.FillAsync("not-the-right-password");
        await Password.FocusAsync();
        await PressAndFollowAsync("Enter");

        await Expect(Summary).ToBeFocusedAsync();
        await Expect(Summary).ToHaveAttributeAsync("role", "alert");
        await Expect(Summary.GetByRole(AriaRole.Heading)).ToHaveTextAsync("Il y a un problème");
        await Expect(Page).ToHaveTitleAsync(new Regex("^Erreur : Connexion"));
        await Expect(Password).ToHaveAttributeAsync("aria-invalid", "true");
        var describedBy = await Password.GetAttributeAsync("aria-describedby");
        await Expect(Page.Locator($"#{describedBy}")).ToContainTextAsync("L'adresse e-mail ou le mot de passe est incorrect");
        await Axe.AssertNoViolationsAsync(Page);

        var link = Summary.GetByRole(AriaRole.Link);
        await TabUntilFocusedAsync(link, maxPresses: 2);
        await Page.Keyboard.PressAsync("Enter");
        await Expect(Password).ToBeFocusedAsync();
    }

    private Regex SignInUrl() => new("^" + Regex.Escape(fixture.Tenant.Url("/admin/connexion")));
}
