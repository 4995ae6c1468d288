using System.Net;
using Municipal.Core.Security;
using Municipal.Web.Tests.Infrastructure;
using static Municipal.Web.Tests.Admin.UserTestPages;

namespace Municipal.Web.Tests.Admin;

/// <summary>Two-factor sign-in with an authenticator app and recovery codes. SQLite and PostgreSQL.</summary>
public abstract class TwoFactorTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StorageFixture
{
    [Fact]
    public async Task Turning_two_factor_on_asks_a_code_of_the_key_and_shows_ten_recovery_codes_once()
    {
        var name = await NewTenantAsync("on");
        var user = await AdminSession.SignInAsync(fixture, name, TenantRoles.Author);

        var account = Text(await user.Client.GetStringAsync("/admin/compte"));
        Assert.Contains("<h1>Mon compte</h1>", account, StringComparison.Ordinal);
        Assert.Contains("Activer la vérification en deux étapes", account, StringComparison.Ordinal);

        var setup = await user.Client.GetStringAsync("/admin/compte/deux-etapes");
        Assert.Contains("otpauth://totp/", setup, StringComparison.Ordinal);
        Assert.Matches("<img class=\"qr-code\" src=\"data:image/png;base64,[A-Za-z0-9+/=]{100,}\" alt=\"Code QR", Text(setup));
        Assert.Contains("autocomplete=\"one-time-code\"", setup, StringComparison.Ordinal);
        var wrong = await user.Client.PostAsync("/admin/compte/deux-etapes", Form(setup, new() { ["code"] = "000000" }));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("<a href=\"#code\">Ce code ne correspond pas", Text(await wrong.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var (_, codes) = await EnableTwoFactorAsync(user);
        Assert.Equal(10, codes.Count);
        Assert.Equal(10, codes.Distinct().Count());

        // The session that turned it on goes on; the account page says it is on, and shows no code any more.
        var after = Text(await user.Client.GetStringAsync("/admin/compte"));
        Assert.Contains("Activée : après votre mot de passe", after, StringComparison.Ordinal);
        Assert.DoesNotContain(codes[0], after, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await user.Client.GetAsync("/admin/compte/deux-etapes")).StatusCode);
        Assert.Contains("<td>Activée</td>", Text(await (await AdminSession.SignInAsync(fixture, name, TenantRoles.Administrator)).Client.GetStringAsync("/admin/utilisateurs")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_two_factor_the_password_leads_to_a_code_page_and_only_a_right_code_signs_in()
    {
        var name = await NewTenantAsync("signin");
        var user = await AdminSession.SignInAsync(fixture, name, TenantRoles.Editor);
        var (key, _) = await EnableTwoFactorAsync(user);

        var client = fixture.ClientFor($"{name}.localhost");
        var first = await PasswordStepAsync(client, user.Email, AdminSession.Password);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal("/admin/connexion/verification", first.Headers.Location?.OriginalString);
        Assert.False(HasAuthCookie(first, name));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin")).StatusCode);

        var page = await client.GetStringAsync("/admin/connexion/verification");
        Assert.Contains("<h1>Code de vérification</h1>", page, StringComparison.Ordinal);
        Assert.Contains("<label for=\"code\">Code de vérification</label>", page, StringComparison.Ordinal);
        Assert.Contains("inputmode=\"numeric\" autocomplete=\"one-time-code\"", page, StringComparison.Ordinal);

        var wrong = await CodeStepAsync(client, WrongTotp(key));
        var wrongHtml = Text(await wrong.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.False(HasAuthCookie(wrong, name));
        Assert.Contains("<title>Erreur : Code de vérification", wrongHtml, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#code\">Ce code n'est pas valide ou a expiré</a>", wrongHtml, StringComparison.Ordinal);

        var code = Totp(key);
        var right = await CodeStepAsync(client, code);
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal("/admin", right.Headers.Location?.OriginalString);
        Assert.True(HasAuthCookie(right, name));
        Assert.Contains(user.Email, await client.GetStringAsync("/admin"), StringComparison.Ordinal);

        // Used up: the code page sends back to the sign-in page.
        var spent = await client.GetAsync("/admin/connexion/verification");
        Assert.Equal(HttpStatusCode.Redirect, spent.StatusCode);

        // The same code, replayed by someone who saw it and knows the password, is refused.
        var replay = fixture.ClientFor($"{name}.localhost");
        await PasswordStepAsync(replay, user.Email, AdminSession.Password);
        var replayed = await CodeStepAsync(replay, code);
        Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
        Assert.False(HasAuthCookie(replayed, name));

        var admin = await AdminSession.SignInAsync(fixture, name, TenantRoles.Administrator);
        var journal = Text(await admin.Client.GetStringAsync("/admin/journal"));
        Assert.Contains("<td>Connexion</td>", journal, StringComparison.Ordinal);
        Assert.Contains("Avec vérification en deux étapes", journal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once()
    {
        var name = await NewTenantAsync("recovery");
        var user = await AdminSession.SignInAsync(fixture, name, TenantRoles.Agent);
        var (_, codes) = await EnableTwoFactorAsync(user);

        var client = fixture.ClientFor($"{name}.localhost");
        await PasswordStepAsync(client, user.Email, AdminSession.Password);
        var recoveryPage = await client.GetStringAsync("/admin/connexion/verification?recuperation=1");
        Assert.Contains("<label for=\"code\">Code de récupération</label>", Text(recoveryPage), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await CodeStepAsync(client, codes[3])).StatusCode);

        var other = fixture.ClientFor($"{name}.localhost");
        await PasswordStepAsync(other, user.Email, AdminSession.Password);
        var reused = await CodeStepAsync(other, codes[3]);
        Assert.Equal(HttpStatusCode.OK, reused.StatusCode);
        Assert.False(HasAuthCookie(reused, name));
        Assert.Equal(HttpStatusCode.Redirect, (await CodeStepAsync(other, codes[4])).StatusCode);
    }

    [Fact]
    public async Task New_recovery_codes_ask_the_password_and_replace_the_old_ones()
    {
        var name = await NewTenantAsync("renew");
        var user = await AdminSession.SignInAsync(fixture, name, TenantRoles.Author);
        var (_, old) = await EnableTwoFactorAsync(user);
        var account = await user.Client.GetStringAsync("/admin/compte");
        Assert.Contains("Il vous reste 10 codes de secours.", account, StringComparison.Ordinal);

        var refused = await user.PostFormAsync("/admin/compte", "/admin/compte/deux-etapes/codes", new() { ["codes-password"] = "pas-le-bon-mot-de-passe" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("<a href=\"#codes-password\">", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var renewed = await user.PostFormAsync("/admin/compte", "/admin/compte/deux-etapes/codes", new() { ["codes-password"] = AdminSession.Password });
        Assert.Equal(HttpStatusCode.OK, renewed.StatusCode);
        var fresh = RecoveryCodes(await renewed.Content.ReadAsStringAsync());
        Assert.Equal(10, fresh.Count);
        Assert.Empty(fresh.Intersect(old));

        var withOld = fixture.ClientFor($"{name}.localhost");
        await PasswordStepAsync(withOld, user.Email, AdminSession.Password);
        Assert.Equal(HttpStatusCode.OK, (await CodeStepAsync(withOld, old[0])).StatusCode);
        var withNew = fixture.ClientFor($"{name}.localhost");
        await PasswordStepAsync(withNew, user.Email, AdminSession.Password);
        Assert.Equal(HttpStatusCode.Redirect, (await CodeStepAsync(withNew, fresh[0])).StatusCode);
        Assert.Contains("Il vous reste 9 codes de secours.", await withNew.GetStringAsync("/admin/compte"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_codes_make_this_client_wait_and_the_code_page_needs_the_password_first()
    {
        var name = await NewTenantAsync("lock");
        var user = await AdminSession.SignInAsync(fixture, name, TenantRoles.Editor);
        var (key, _) = await EnableTwoFactorAsync(user);

        var stranger = fixture.ClientFor($"{name}.localhost");
        var direct = await stranger.GetAsync("/admin/connexion/verification");
        Assert.Equal(HttpStatusCode.Redirect, direct.StatusCode);
        Assert.Contains("Connectez-vous à nouveau", Text(await stranger.GetStringAsync(direct.Headers.Location!.OriginalString)), StringComparison.Ordinal);

        var client = fixture.ClientFor($"{name}.localhost");
        for (var i = 0; i < 3; i++)
        {
            // The correct password again does not reset the count of wrong codes.
            await PasswordStepAsync(client, user.Email, AdminSession.Password);
            Assert.Contains("Ce code n'est pas valide", Text(await (await CodeStepAsync(client, WrongTotp(key))).Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        // The fourth code waits, even the right one; so does the password step of this client.
        await PasswordStepAsync(client, user.Email, AdminSession.Password);
        var waiting = await CodeStepAsync(client, Totp(key));
        Assert.Equal(HttpStatusCode.OK, waiting.StatusCode);
        Assert.False(HasAuthCookie(waiting, name));
        Assert.Contains("Attendez 1 minute(s)", Text(await waiting.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var password = await PasswordStepAsync(fixture.ClientFor($"{name}.localhost"), user.Email, AdminSession.Password);
        Assert.Equal(HttpStatusCode.OK, password.StatusCode);
        Assert.Contains("Attendez 1 minute(s)", Text(await password.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_proof_of_the_password_step_is_worthless_on_another_tenant()
    {
        var a = await NewTenantAsync("tfa");
        var b = await NewTenantAsync("tfb");
        var user = await AdminSession.SignInAsync(fixture, a, TenantRoles.Editor);
        await EnableTwoFactorAsync(user);

        var first = await PasswordStepAsync(fixture.ClientFor($"{a}.localhost"), user.Email, AdminSession.Password);
        var cookie = first.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith($".Municipal.TwoFactor.{a}=", StringComparison.Ordinal));
        var value = cookie.Split(';')[0].Split('=', 2)[1];
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);

        foreach (var name in new[] { $".Municipal.TwoFactor.{b}", $".Municipal.TwoFactor.{a}" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/admin/connexion/verification");
            request.Headers.Add("Cookie", $"{name}={value}");
            var response = await fixture.ClientFor($"{b}.localhost").SendAsync(request);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }
    }

    [Fact]
    public async Task Turning_two_factor_off_asks_the_password()
    {
        var name = await NewTenantAsync("off");
        var user = await AdminSession.SignInAsync(fixture, name, TenantRoles.Author);
        await EnableTwoFactorAsync(user);

        var account = await user.Client.GetStringAsync("/admin/compte");
        var refused = await user.Client.PostAsync("/admin/compte/deux-etapes/desactiver", Form(account, new() { ["disable-password"] = "pas-le-bon" }));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("<a href=\"#disable-password\">Le mot de passe actuel est incorrect</a>", Text(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var off = await user.Client.PostAsync("/admin/compte/deux-etapes/desactiver", Form(account, new() { ["disable-password"] = AdminSession.Password }));
        Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        Assert.Contains("La vérification en deux étapes est désactivée.", Text(await user.Client.GetStringAsync(off.Headers.Location!.OriginalString)), StringComparison.Ordinal);
        var plain = await PasswordStepAsync(fixture.ClientFor($"{name}.localhost"), user.Email, AdminSession.Password);
        Assert.Equal("/admin", plain.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task An_administrator_turns_off_the_two_factor_of_a_user_who_lost_their_phone()
    {
        var name = await NewTenantAsync("lost");
        var user = await AdminSession.SignInAsync(fixture, name, TenantRoles.Agent);
        await EnableTwoFactorAsync(user);
        var admin = await AdminSession.SignInAsync(fixture, name, TenantRoles.Administrator);

        var id = UserId(await admin.Client.GetStringAsync("/admin/utilisateurs"), user.Email);
        var page = await admin.Client.GetStringAsync($"/admin/utilisateurs/{id}");
        Assert.Contains("Désactiver sa vérification en deux étapes", Text(page), StringComparison.Ordinal);
        var reset = await admin.Client.PostAsync($"/admin/utilisateurs/{id}/deux-etapes", Form(page, []));
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);

        var plain = await PasswordStepAsync(fixture.ClientFor($"{name}.localhost"), user.Email, AdminSession.Password);
        Assert.Equal("/admin", plain.Headers.Location?.OriginalString);
        Assert.Contains("Vérification en deux étapes désactivée", Text(await admin.Client.GetStringAsync($"/admin/journal?objet={id}")), StringComparison.Ordinal);
    }

    private async Task<string> NewTenantAsync(string stem)
    {
        var name = fixture.NewTenantName(stem);
        await fixture.CreateTenantAsync(name);
        return name;
    }
}

public sealed class TwoFactorTestsOnSqlite(SqliteFixture fixture) : TwoFactorTests<SqliteFixture>(fixture);

public sealed class TwoFactorTestsOnPostgres(PostgresFixture fixture) : TwoFactorTests<PostgresFixture>(fixture);
