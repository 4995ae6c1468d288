using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Municipal.Core.Tenancy;
using Municipal.Core.Security;
using Municipal.Web.Tests.Forms;
using Municipal.Web.Tests.Infrastructure;
using static Municipal.Web.Tests.Admin.UserTestPages;

namespace Municipal.Web.Tests.Tenancy;

/// <summary>
/// Links put in mails come from the tenant's canonical address, never from the request's Host header: a reset asked
/// with a forged Host or port would otherwise mail a token to an address the attacker reads. SQLite and PostgreSQL.
/// </summary>
public abstract partial class CanonicalLinkTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StorageFixture
{
    [Fact]
    public async Task A_prefix_tenant_asked_on_a_foreign_host_finds_no_tenant_or_mails_its_canonical_link()
    {
        var name = fixture.NewTenantName("forged");
        await fixture.CreateTenantAsync(name, prefix: name, withHost: false);
        var client = fixture.ClientFor("evil.example");

        var form = await client.GetAsync($"/{name}/admin/mot-de-passe-oublie");
        if (form.StatusCode == HttpStatusCode.OK)
        {
            await client.PostAsync($"/{name}/admin/mot-de-passe-oublie", Form(await form.Content.ReadAsStringAsync(), new() { ["email"] = $"admin@{name}.localhost" }));
            var mail = Assert.Single(await MailsToAsync(fixture, name, $"admin@{name}.localhost"));
            Assert.DoesNotContain("evil.example", mail.TextBody, StringComparison.Ordinal);
            Assert.Equal($"http://shared.localhost/{name}/admin/nouveau-mot-de-passe", new Uri(Link(mail)).GetLeftPart(UriPartial.Path));
        }
        else
        {
            Assert.Equal(HttpStatusCode.NotFound, form.StatusCode);
            Assert.Empty(await MailsToAsync(fixture, name, $"admin@{name}.localhost"));
        }
    }

    [Fact]
    public async Task A_reset_asked_on_another_port_of_a_host_tenant_mails_a_link_on_the_canonical_address()
    {
        var name = fixture.NewTenantName("port");
        await fixture.CreateTenantAsync(name);
        var client = fixture.ClientFor($"{name}.localhost:8443");

        var form = await client.GetStringAsync("/admin/mot-de-passe-oublie");
        await client.PostAsync("/admin/mot-de-passe-oublie", Form(form, new() { ["email"] = $"admin@{name}.localhost" }));

        var mail = Assert.Single(await MailsToAsync(fixture, name, $"admin@{name}.localhost"));
        Assert.Equal($"http://{name}.localhost/admin/nouveau-mot-de-passe", new Uri(Link(mail)).GetLeftPart(UriPartial.Path));
    }

    [Fact]
    public async Task A_tenant_with_several_hosts_links_to_the_first_one_the_operator_gave_whichever_host_was_asked()
    {
        var name = fixture.NewTenantName("hosts");
        await fixture.App.Services.GetRequiredService<TenantProvisioner>().CreateAsync(
            new CreateTenantRequest(name, $"Commune de {name}", [$"www-{name}.localhost", $"{name}.localhost"], null, "municipality", $"admin@{name}.localhost", StorageFixture.AdminPassword),
            recipeMayBePath: false,
            CancellationToken.None);
        var client = fixture.ClientFor($"{name}.localhost");

        var form = await client.GetStringAsync("/admin/mot-de-passe-oublie");
        await client.PostAsync("/admin/mot-de-passe-oublie", Form(form, new() { ["email"] = $"admin@{name}.localhost" }));

        var mail = Assert.Single(await MailsToAsync(fixture, name, $"admin@{name}.localhost"));
        Assert.Equal($"http://www-{name}.localhost/admin/nouveau-mot-de-passe", new Uri(Link(mail)).GetLeftPart(UriPartial.Path));
    }

    [Fact]
    public async Task An_invitation_sent_from_another_port_links_to_the_canonical_address()
    {
        var name = fixture.NewTenantName("invport");
        await fixture.CreateTenantAsync(name);
        var admin = new AdminSession(fixture.ClientFor($"{name}.localhost:8443"), $"admin@{name}.localhost");
        Assert.Equal(HttpStatusCode.Redirect, (await PasswordStepAsync(admin.Client, admin.Email, StorageFixture.AdminPassword)).StatusCode);

        var form = await admin.Client.GetStringAsync("/admin/utilisateurs/inviter");
        var sent = await admin.Client.PostAsync("/admin/utilisateurs/inviter", Form(form, new() { ["email"] = $"new@{name}.localhost", ["role"] = TenantRoles.Editor }));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);

        var mail = Assert.Single(await MailsToAsync(fixture, name, $"new@{name}.localhost"));
        Assert.Equal($"http://{name}.localhost/admin/invitation", new Uri(Link(mail)).GetLeftPart(UriPartial.Path));
    }

    [Fact]
    public async Task The_e_counter_receipt_of_a_submission_made_on_another_port_links_to_the_canonical_address()
    {
        var name = await ApiTestForms.TenantWithFormAsync(fixture, "rcptport");
        var client = fixture.ClientFor($"{name}.localhost:8443");

        var response = await ApiTestForms.PostAsync(client, ApiTestForms.Slug, ApiTestForms.Body().ToJsonString());
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());

        var receipt = Assert.Single(await MailsToAsync(fixture, name, "marie@exemple.be"));
        Assert.DoesNotContain(":8443", receipt.TextBody, StringComparison.Ordinal);
        Assert.Equal($"http://{name}.localhost/e-guichet/suivi", new Uri(Link(receipt)).GetLeftPart(UriPartial.Path));
    }

    private static string Link(MimeMessage message) => LinkPattern().Match(message.TextBody ?? string.Empty) is { Success: true } match
        ? match.Value
        : throw new Xunit.Sdk.XunitException("Pas de lien dans le message : " + message.TextBody);

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkPattern();
}

public sealed class CanonicalLinkTestsOnSqlite(SqliteFixture fixture) : CanonicalLinkTests<SqliteFixture>(fixture);

public sealed class CanonicalLinkTestsOnPostgres(PostgresFixture fixture) : CanonicalLinkTests<PostgresFixture>(fixture);
