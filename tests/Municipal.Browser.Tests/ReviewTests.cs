using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Municipal.Browser.Tests.Harness;
using Municipal.Admin;
using Municipal.Core.Content;
using Municipal.Core.Security;
using Municipal.Core.Tenancy;
using Municipal.Pages.Model;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Municipal.Browser.Tests;

/// <summary>
/// An author's draft goes through review in two browsers (the author's and the editor's): submitted, sent back
/// with a comment typed by keyboard, submitted again, approved. Every page of the way passes axe.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ReviewTests(MunicipalServer server, MunicipalityTenantFixture fixture)
    : BrowserTest(server), IClassFixture<MunicipalityTenantFixture>
{
    private const string Password = "mot-de-passe-de-relecture-42";

    [Fact]
    public async Task A_draft_is_submitted_sent_back_by_keyboard_resubmitted_and_approved_without_axe_violation()
    {
        var tenant = fixture.Tenant;
        var authorEmail = await CreateUserAsync(TenantRoles.Author);
        var editorEmail = await CreateUserAsync(TenantRoles.Editor);
        var path = "stationnement-" + Guid.NewGuid().ToString("N")[..6];
        var draft = await SaveDraftAsync(new ContentDraft(PageTypes.Page, null, "Stationnement", path, Body("Carte riverain gratuite")), authorEmail);
        var id = draft.ContentItemId;

        // The author submits from the history of the item, with a note.
        await SignInAsync(Page, authorEmail);
        Assert.Equal(200, await GotoAsync(tenant.Url(ContentAdminRoutes.Revisions(id))));
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Stationnement");
        await Expect(Page.GetByRole(AriaRole.Table)).ToContainTextAsync("Brouillon");
        await Axe.AssertNoViolationsAsync(Page);
        await Page.GetByLabel("Note pour les éditeurs").FillAsync("Première version du règlement");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Soumettre pour relecture" }).ClickAsync();
        await Expect(Page.Locator(".notice")).ToContainTextAsync("soumis pour relecture");
        await Expect(Page.Locator(".notice")).ToBeFocusedAsync();

        // The editor finds it in the queue and opens it.
        var editorContext = await Server.NewContextAsync();
        var editor = await editorContext.NewPageAsync();
        await SignInAsync(editor, editorEmail);
        await editor.GotoAsync(tenant.Url(ContentAdminRoutes.ReviewQueue));
        await Expect(editor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Contenus à relire");
        await Expect(editor.GetByRole(AriaRole.Link, new() { Name = "Relecture" })).ToHaveAttributeAsync("aria-current", "page");
        await Axe.AssertNoViolationsAsync(editor);
        await editor.GetByRole(AriaRole.Link, new() { Name = "Stationnement – relire" }).ClickAsync();
        await Expect(editor.GetByRole(AriaRole.Main)).ToContainTextAsync("Première version du règlement");
        await Expect(editor.GetByRole(AriaRole.Heading, new() { Name = "Nouveau contenu" })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(editor);

        // Sending back without a comment: the error summary takes the focus and leads to the field.
        var sendBack = editor.GetByRole(AriaRole.Button, new() { Name = "Renvoyer à l'auteur" });
        await sendBack.FocusAsync();
        await FollowAsync(editor, () => editor.Keyboard.PressAsync("Enter"));
        var summary = editor.Locator(".error-summary");
        await Expect(summary).ToBeFocusedAsync();
        await Axe.AssertNoViolationsAsync(editor);
        await editor.Keyboard.PressAsync("Tab");
        await editor.Keyboard.PressAsync("Enter");
        var comment = editor.GetByLabel("Commentaire pour l'auteur");
        await Expect(comment).ToBeFocusedAsync();

        // The comment typed, then the button reached by Tab and pressed by keyboard.
        await editor.Keyboard.TypeAsync("Ajoutez le tarif de la deuxième carte");
        await editor.Keyboard.PressAsync("Tab");
        await Expect(sendBack).ToBeFocusedAsync();
        await FollowAsync(editor, () => editor.Keyboard.PressAsync("Enter"));
        await Expect(editor.Locator(".notice")).ToContainTextAsync("« Stationnement » a été renvoyé à son auteur");
        await Axe.AssertNoViolationsAsync(editor);

        // The author reads the comment, corrects (a new revision) and submits again.
        await Page.GotoAsync(tenant.Url(ContentAdminRoutes.Revisions(id)));
        await Expect(Page.GetByRole(AriaRole.Main)).ToContainTextAsync("Ajoutez le tarif de la deuxième carte");
        var corrected = await SaveDraftAsync(new ContentDraft(PageTypes.Page, id, "Stationnement", path, Body("Carte riverain gratuite, deuxième carte à 25 euros")), authorEmail);
        await Page.ReloadAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Soumettre pour relecture" }).ClickAsync();
        await Expect(Page.Locator(".notice")).ToContainTextAsync("soumis pour relecture");

        // The diff of the correction shows the added words.
        await Page.GotoAsync(tenant.Url(ContentAdminRoutes.Revision(id, corrected.Id)));
        await Expect(Page.Locator("ins").First).ToContainTextAsync("deuxième carte à 25 euros");
        await Axe.AssertNoViolationsAsync(Page);

        // The editor approves: the page is public.
        await editor.GotoAsync(tenant.Url(ContentAdminRoutes.Review(id)));
        await FollowAsync(editor, () => editor.GetByRole(AriaRole.Button, new() { Name = "Approuver et publier" }).ClickAsync());
        await Expect(editor.Locator(".notice")).ToContainTextAsync("« Stationnement » a été approuvé et publié");
        var visitor = await Server.NewContextAsync();
        var visitorPage = await visitor.NewPageAsync();
        var response = await visitorPage.GotoAsync(tenant.Url("/" + path));
        Assert.Equal(200, response?.Status);
        await Expect(visitorPage.GetByRole(AriaRole.Main)).ToContainTextAsync("deuxième carte à 25 euros");

        // Then into the trash: offline, listed with a way back.
        await editor.GotoAsync(tenant.Url(ContentAdminRoutes.Revisions(id)));
        await FollowAsync(editor, () => editor.GetByRole(AriaRole.Button, new() { Name = "Mettre à la corbeille" }).ClickAsync());
        await Expect(editor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Corbeille");
        await Expect(editor.GetByRole(AriaRole.Button, new() { Name = "Restaurer « Stationnement »" })).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(editor);
        Assert.Equal(404, (await visitorPage.GotoAsync(tenant.Url("/" + path)))?.Status);

        await visitor.CloseAsync();
        await editorContext.CloseAsync();
    }

    private static string Body(string text) => ContentStore.Serialize(new PageContent("Stationnement", null, RichText.FromHtml($"<p>{text}</p>")));

    private async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync(fixture.Tenant.Url("/admin/connexion"));
        await page.GetByLabel("Adresse e-mail", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Mot de passe", new() { Exact = true }).FillAsync(Password);
        await FollowAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "Se connecter", Exact = true }).ClickAsync());
        await Expect(page).ToHaveURLAsync(fixture.Tenant.Url("/admin"));
    }

    /// <summary>Does what submits a form, and waits until the page it leads to is loaded.</summary>
    private static async Task FollowAsync(IPage page, Func<Task> action)
    {
        await page.EvaluateAsync("() => { window.__municipalLeaving = true; }");
        await action();
        await page.WaitForFunctionAsync("() => window.__municipalLeaving !== true && document.readyState === 'complete'");
    }

    private async Task<string> CreateUserAsync(string role)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid().ToString("N")[..6]}@{fixture.Tenant.Host}";
        await using var scope = await TenantScopeAsync();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var user = new IdentityUser { UserName = email, Email = email, EmailConfirmed = true };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return email;
    }

    private async Task<ContentItemRecord> SaveDraftAsync(ContentDraft draft, string author)
    {
        await using var scope = await TenantScopeAsync();
        return await scope.ServiceProvider.GetRequiredService<ContentManager>().SaveDraftAsync(draft, author);
    }

    private async Task<AsyncServiceScope> TenantScopeAsync()
    {
        var registry = Server.Services.GetRequiredService<TenantRegistry>();
        var tenant = await registry.FindAsync(fixture.Tenant.Name) ?? throw new InvalidOperationException("Tenant missing.");
        var scope = Server.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenant);
        return scope;
    }
}
