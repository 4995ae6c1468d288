using System.Net;
using Municipal.Core.Security;
using Municipal.Web.Tests.Infrastructure;
using static Municipal.Web.Tests.Admin.UserTestPages;

namespace Municipal.Web.Tests.Admin;

/// <summary>Users of a tenant: who may manage them, invitations, roles, disabling, deleting. SQLite and PostgreSQL.</summary>
public abstract class UserAdministrationTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StorageFixture
{
    private const string InviteePassword = "le-secret-de-la-nouvelle-recrue-7";

    [Theory]
    [InlineData(TenantRoles.Editor)]
    [InlineData(TenantRoles.Author)]
    [InlineData(TenantRoles.Agent)]
    public async Task Only_administrators_open_the_users_and_the_journal(string role)
    {
        var name = await NewTenantAsync("perm");
        var other = await AdminSession.SignInAsync(fixture, name, role);
        var admin = await AdminSession.SignInAsync(fixture, name, TenantRoles.Administrator);

        foreach (var path in new[] { "/admin/utilisateurs", "/admin/utilisateurs/inviter", "/admin/journal" })
        {
            var refused = await other.Client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Contains("Accès refusé", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, (await admin.Client.GetAsync(path)).StatusCode);
        }

        var invite = await other.Client.PostAsync("/admin/utilisateurs/inviter", Form(await other.Client.GetStringAsync("/admin"), new() { ["email"] = "x@example.be", ["role"] = TenantRoles.Administrator }));
        Assert.Equal(HttpStatusCode.Forbidden, invite.StatusCode);

        var otherNav = await other.Client.GetStringAsync("/admin/compte");
        Assert.DoesNotContain(">Utilisateurs</a>", otherNav, StringComparison.Ordinal);
        Assert.DoesNotContain(">Journal</a>", otherNav, StringComparison.Ordinal);
        Assert.Contains("aria-current=\"page\">Mon compte</a>", otherNav, StringComparison.Ordinal);
        var adminNav = await admin.Client.GetStringAsync("/admin/utilisateurs");
        Assert.Contains("aria-current=\"page\">Utilisateurs</a>", adminNav, StringComparison.Ordinal);
        Assert.Contains(">Journal</a>", adminNav, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_list_shows_each_user_with_french_roles_state_and_two_factor()
    {
        var name = await NewTenantAsync("list");
        await AdminSession.SignInAsync(fixture, name, TenantRoles.Editor);
        var admin = await SignInAdminAsync(name);

        var html = Text(await admin.Client.GetStringAsync("/admin/utilisateurs"));

        Assert.Contains("<h1>Utilisateurs</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"col\">Rôles</th>", html, StringComparison.Ordinal);
        Assert.Contains($"admin@{name}.localhost</a> <span class=\"hint\">(vous)</span>", html, StringComparison.Ordinal);
        Assert.Contains("<td>Administrateur·rice</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>Éditeur·rice</td>", html, StringComparison.Ordinal);
        Assert.Contains(">Actif</span>", html, StringComparison.Ordinal);
        Assert.Contains("<td>Non activée</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invitation_mails_a_link_where_the_invitee_chooses_a_password_once_then_signs_in()
    {
        var name = await NewTenantAsync("invite");
        var admin = await SignInAdminAsync(name);
        var email = $"nouvelle@{name}.localhost";

        var form = await admin.Client.GetStringAsync("/admin/utilisateurs/inviter");
        Assert.Contains("type=\"radio\" value=\"Editor\"", form, StringComparison.Ordinal);
        Assert.Contains("Rédiger, relire et publier", Text(form), StringComparison.Ordinal);
        var sent = await admin.Client.PostAsync("/admin/utilisateurs/inviter", Form(form, new() { ["email"] = email, ["role"] = TenantRoles.Editor }));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var list = Text(await admin.Client.GetStringAsync(sent.Headers.Location!.OriginalString));
        Assert.Contains("L'invitation a été envoyée.", list, StringComparison.Ordinal);
        Assert.Contains(">Invitation en attente</span>", list, StringComparison.Ordinal);

        var message = Assert.Single(await MailsToAsync(fixture, name, email));
        Assert.Equal($"Invitation à l'administration du site « Commune de {name} »", message.Subject);
        Assert.Contains("Éditeur·rice", message.TextBody, StringComparison.Ordinal);
        var link = new Uri(Link(message.TextBody));
        Assert.Equal($"http://{name}.localhost/admin/invitation", link.GetLeftPart(UriPartial.Path));

        // The invitee, in a browser of their own: a weak password is refused in French, then a good one accepted.
        var invitee = fixture.ClientFor($"{name}.localhost");
        var weak = await ChoosePasswordAsync(invitee, link.PathAndQuery, "court", "court");
        var weakHtml = Text(await weak.Content.ReadAsStringAsync());
        Assert.Contains("<title>Erreur : Choisir votre mot de passe", weakHtml, StringComparison.Ordinal);
        Assert.Contains("Ce mot de passe est trop faible : il faut au moins 12 caractères", weakHtml, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#password\">", weakHtml, StringComparison.Ordinal);

        var accepted = await ChoosePasswordAsync(invitee, link.PathAndQuery, InviteePassword, InviteePassword);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal("/admin/connexion?invitation=1", accepted.Headers.Location?.OriginalString);
        Assert.Contains("Votre compte est prêt", Text(await invitee.GetStringAsync("/admin/connexion?invitation=1")), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await PasswordStepAsync(invitee, email, InviteePassword)).StatusCode);
        Assert.Contains(email, await invitee.GetStringAsync("/admin"), StringComparison.Ordinal);

        // Single use: the same link no longer sets a password.
        var again = await ChoosePasswordAsync(fixture.ClientFor($"{name}.localhost"), link.PathAndQuery, "un-autre-secret-tres-long", "un-autre-secret-tres-long");
        Assert.Contains("Ce lien d'invitation n'est pas valide", Text(await again.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await PasswordStepAsync(fixture.ClientFor($"{name}.localhost"), email, InviteePassword)).StatusCode);

        var listAfter = Text(await admin.Client.GetStringAsync("/admin/utilisateurs"));
        Assert.DoesNotContain("Invitation en attente", listAfter, StringComparison.Ordinal);
        var journal = Text(await admin.Client.GetStringAsync("/admin/journal"));
        Assert.Contains("<td>Invitation</td>", journal, StringComparison.Ordinal);
        Assert.Contains($"Compte : {email}", journal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_resent_invitation_retires_the_first_link_and_bad_input_is_refused_in_french()
    {
        var name = await NewTenantAsync("resend");
        var admin = await SignInAdminAsync(name);
        var email = $"agent2@{name}.localhost";

        var form = await admin.Client.GetStringAsync("/admin/utilisateurs/inviter");
        var missing = await admin.Client.PostAsync("/admin/utilisateurs/inviter", Form(form, new() { ["email"] = "pas-une-adresse" }));
        var missingHtml = Text(await missing.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("<a href=\"#email\">Saisissez une adresse e-mail valide", missingHtml, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#role-administrator\">Choisissez un rôle</a>", missingHtml, StringComparison.Ordinal);

        await admin.Client.PostAsync("/admin/utilisateurs/inviter", Form(form, new() { ["email"] = email, ["role"] = TenantRoles.Agent }));
        var duplicate = await admin.Client.PostAsync("/admin/utilisateurs/inviter", Form(form, new() { ["email"] = email, ["role"] = TenantRoles.Agent }));
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.Contains("Un compte existe déjà avec cette adresse e-mail", Text(await duplicate.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var first = new Uri(Link(Assert.Single(await MailsToAsync(fixture, name, email)).TextBody));
        var id = UserId(await admin.Client.GetStringAsync("/admin/utilisateurs"), email);
        var detail = await admin.Client.GetStringAsync($"/admin/utilisateurs/{id}");
        var resent = await admin.Client.PostAsync($"/admin/utilisateurs/{id}/renvoyer", Form(detail, []));
        Assert.Equal(HttpStatusCode.Redirect, resent.StatusCode);

        var mails = await MailsToAsync(fixture, name, email);
        Assert.Equal(2, mails.Count);
        var second = new Uri(Link(mails.Single(m => Link(m.TextBody) != first.ToString()).TextBody));
        var old = await ChoosePasswordAsync(fixture.ClientFor($"{name}.localhost"), first.PathAndQuery, InviteePassword, InviteePassword);
        Assert.Contains("Ce lien d'invitation n'est pas valide", Text(await old.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await ChoosePasswordAsync(fixture.ClientFor($"{name}.localhost"), second.PathAndQuery, InviteePassword, InviteePassword)).StatusCode);
    }

    [Fact]
    public async Task The_last_administrator_and_an_administrators_own_access_cannot_be_removed()
    {
        var name = await NewTenantAsync("last");
        var admin = await SignInAdminAsync(name);
        var selfId = UserId(await admin.Client.GetStringAsync("/admin/utilisateurs"), admin.Email);
        var page = await admin.Client.GetStringAsync($"/admin/utilisateurs/{selfId}");

        var demote = await admin.Client.PostAsync($"/admin/utilisateurs/{selfId}/roles", Form(page, new() { ["roles"] = TenantRoles.Editor }));
        Assert.Equal(HttpStatusCode.BadRequest, demote.StatusCode);
        Assert.Contains("c'est le dernier administrateur ou la dernière administratrice", Text(await demote.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        foreach (var action in new[] { "desactiver", "supprimer" })
        {
            var refused = await admin.Client.PostAsync($"/admin/utilisateurs/{selfId}/{action}", Form(page, []));
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.Contains("dernier administrateur", Text(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        // With a second administrator: still not oneself, but the other one, yes.
        var second = await AdminSession.SignInAsync(fixture, name, TenantRoles.Administrator);
        var own = await admin.Client.PostAsync($"/admin/utilisateurs/{selfId}/roles", Form(page, new() { ["roles"] = TenantRoles.Editor }));
        Assert.Contains("Vous ne pouvez pas retirer votre propre rôle", Text(await own.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var ownDelete = await admin.Client.PostAsync($"/admin/utilisateurs/{selfId}/supprimer", Form(page, []));
        Assert.Contains("Vous ne pouvez pas supprimer votre propre compte", Text(await ownDelete.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var secondId = UserId(await admin.Client.GetStringAsync("/admin/utilisateurs"), second.Email);
        var changed = await admin.Client.PostAsync($"/admin/utilisateurs/{secondId}/roles", Form(page, new() { ["roles"] = TenantRoles.Editor }));
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Contains("Les rôles ont été enregistrés.", Text(await admin.Client.GetStringAsync(changed.Headers.Location!.OriginalString)), StringComparison.Ordinal);

        // Now the first is the last again.
        var nowLast = await admin.Client.PostAsync($"/admin/utilisateurs/{selfId}/desactiver", Form(page, []));
        Assert.Contains("dernier administrateur", Text(await nowLast.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await admin.Client.GetAsync("/admin/utilisateurs")).StatusCode);
    }

    [Fact]
    public async Task A_role_change_ends_the_users_open_session_at_their_next_request()
    {
        var name = await NewTenantAsync("roles");
        var editor = await AdminSession.SignInAsync(fixture, name, TenantRoles.Editor);
        var admin = await SignInAdminAsync(name);
        Assert.Equal(HttpStatusCode.OK, (await editor.Client.GetAsync("/admin")).StatusCode);

        var id = UserId(await admin.Client.GetStringAsync("/admin/utilisateurs"), editor.Email);
        var page = await admin.Client.GetStringAsync($"/admin/utilisateurs/{id}");
        var changed = await admin.Client.PostAsync($"/admin/utilisateurs/{id}/roles", Form(page, new() { ["roles"] = TenantRoles.Administrator }));
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        // The old cookie would have carried "Editor" only; it is refused, and a new sign-in gets the new role.
        var next = await editor.Client.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
        var location = next.Headers.Location!;
        Assert.Equal("/admin/connexion", location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0]);
        var again = await AdminSession.SignInAsync(fixture, name, TenantRoles.Editor);
        Assert.Equal(HttpStatusCode.OK, (await again.Client.GetAsync("/admin/utilisateurs")).StatusCode);

        // The administrator who changed their own roles keeps their session.
        var selfId = UserId(await admin.Client.GetStringAsync("/admin/utilisateurs"), admin.Email);
        var none = await admin.Client.PostAsync($"/admin/utilisateurs/{selfId}/roles", Form(page, new() { ["roles"] = "Superviseur" }));
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Contains("Cochez au moins un rôle", Text(await none.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var both = new FormUrlEncodedContent([
            new("__jeton", AdminSession.Token(page)),
            new("roles", TenantRoles.Administrator),
            new("roles", TenantRoles.Agent),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.Client.PostAsync($"/admin/utilisateurs/{selfId}/roles", both)).StatusCode);
        var list = Text(await admin.Client.GetStringAsync("/admin/utilisateurs"));
        Assert.Contains("<td>Administrateur·rice, Agent</td>", list, StringComparison.Ordinal);
        Assert.Contains("Changement de rôles", Text(await admin.Client.GetStringAsync("/admin/journal")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_disabled_user_is_signed_out_and_cannot_sign_in_until_enabled_and_a_deleted_one_is_gone()
    {
        var name = await NewTenantAsync("disable");
        var author = await AdminSession.SignInAsync(fixture, name, TenantRoles.Author);
        var admin = await SignInAdminAsync(name);
        var id = UserId(await admin.Client.GetStringAsync("/admin/utilisateurs"), author.Email);
        var page = await admin.Client.GetStringAsync($"/admin/utilisateurs/{id}");

        Assert.Equal(HttpStatusCode.Redirect, (await admin.Client.PostAsync($"/admin/utilisateurs/{id}/desactiver", Form(page, []))).StatusCode);
        Assert.Contains(">Désactivé</span>", Text(await admin.Client.GetStringAsync("/admin/utilisateurs")), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await author.Client.GetAsync("/admin")).StatusCode);
        var refused = await PasswordStepAsync(fixture.ClientFor($"{name}.localhost"), author.Email, AdminSession.Password);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Ce compte est désactivé", Text(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        page = await admin.Client.GetStringAsync($"/admin/utilisateurs/{id}");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.Client.PostAsync($"/admin/utilisateurs/{id}/activer", Form(page, []))).StatusCode);
        var back = await AdminSession.SignInAsync(fixture, name, TenantRoles.Author);
        Assert.Equal(HttpStatusCode.OK, (await back.Client.GetAsync("/admin")).StatusCode);

        var confirm = await admin.Client.GetStringAsync($"/admin/utilisateurs/{id}/supprimer");
        Assert.Contains("Supprimer définitivement", confirm, StringComparison.Ordinal);
        var deleted = await admin.Client.PostAsync($"/admin/utilisateurs/{id}/supprimer", Form(confirm, []));
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await back.Client.GetAsync("/admin")).StatusCode);
        Assert.DoesNotContain(author.Email + "</a>", await admin.Client.GetStringAsync("/admin/utilisateurs"), StringComparison.Ordinal);
        var gone = await admin.Client.GetAsync($"/admin/utilisateurs/{id}");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Contains("Ce compte n'existe pas ou a été supprimé", Text(await gone.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var journal = Text(await admin.Client.GetStringAsync($"/admin/journal?objet={id}"));
        Assert.Contains("<td>Suppression</td>", journal, StringComparison.Ordinal);
        Assert.Contains("Compte réactivé", journal, StringComparison.Ordinal);
        Assert.Contains("Compte désactivé", journal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_password_change_keeps_this_session_and_ends_the_others()
    {
        var name = await NewTenantAsync("pwd");
        var here = await AdminSession.SignInAsync(fixture, name, TenantRoles.Agent);
        var elsewhere = await AdminSession.SignInAsync(fixture, name, TenantRoles.Agent);
        const string NewPassword = "un-nouveau-mot-de-passe-99";

        var account = await here.Client.GetStringAsync("/admin/compte");
        var wrong = await here.Client.PostAsync("/admin/compte/mot-de-passe", Form(account, new() { ["current"] = "pas-le-bon-mot-de-passe", ["password"] = NewPassword, ["confirmation"] = NewPassword }));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("<a href=\"#current\">Le mot de passe actuel est incorrect</a>", Text(await wrong.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var changed = await here.Client.PostAsync("/admin/compte/mot-de-passe", Form(account, new() { ["current"] = AdminSession.Password, ["password"] = NewPassword, ["confirmation"] = NewPassword }));
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Contains("Votre mot de passe a été changé.", Text(await here.Client.GetStringAsync(changed.Headers.Location!.OriginalString)), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await elsewhere.Client.GetAsync("/admin")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PasswordStepAsync(fixture.ClientFor($"{name}.localhost"), here.Email, NewPassword)).StatusCode);
    }

    private async Task<string> NewTenantAsync(string stem)
    {
        var name = fixture.NewTenantName(stem);
        await fixture.CreateTenantAsync(name);
        return name;
    }

    /// <summary>The tenant's own administrator (made by provisioning), signed in.</summary>
    private async Task<AdminSession> SignInAdminAsync(string name)
    {
        var session = new AdminSession(fixture.ClientFor($"{name}.localhost"), $"admin@{name}.localhost");
        Assert.Equal(HttpStatusCode.Redirect, (await PasswordStepAsync(session.Client, session.Email, StorageFixture.AdminPassword)).StatusCode);
        return session;
    }

    private static async Task<HttpResponseMessage> ChoosePasswordAsync(HttpClient client, string pathAndQuery, string password, string confirmation)
    {
        var form = await client.GetStringAsync(pathAndQuery);
        return await client.PostAsync("/admin/invitation", Form(form, new()
        {
            ["email"] = Hidden(form, "email"),
            ["jeton"] = Hidden(form, "jeton"),
            ["password"] = password,
            ["confirmation"] = confirmation,
        }));
    }
}

public sealed class UserAdministrationTestsOnSqlite(SqliteFixture fixture) : UserAdministrationTests<SqliteFixture>(fixture);

public sealed class UserAdministrationTestsOnPostgres(PostgresFixture fixture) : UserAdministrationTests<PostgresFixture>(fixture);
