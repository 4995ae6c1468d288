using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Municipal.Web.Tests.Infrastructure;

namespace Municipal.Web.Tests.Admin;

/// <summary>
/// The content forms driven as a browser would: read the fields of the rendered form (inputs, checked boxes,
/// textareas, selected options), change some, post them with the page's antiforgery token.
/// </summary>
public static partial class ContentForm
{
    /// <summary>The fields a browser would send from the form posting to <paramref name="action"/>.</summary>
    public static Dictionary<string, string> Fields(string html, string action)
    {
        var start = html.IndexOf($"<form method=\"post\" action=\"{action}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"No form posting to {action}.");
        var form = html[start..html.IndexOf("</form>", start, StringComparison.Ordinal)];
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match input in InputPattern().Matches(form))
        {
            var tag = input.Value;
            var type = Attribute(tag, "type") ?? "text";
            if ((type is "checkbox" or "radio") && !tag.Contains(" checked", StringComparison.Ordinal))
            {
                continue;
            }

            if (Attribute(tag, "name") is { } name && type != "submit")
            {
                // Checkbox lists post several values: joined here, split again by PostAsync.
                fields[name] = fields.TryGetValue(name, out var before) && type == "checkbox" ? before + "\u001f" + (Attribute(tag, "value") ?? string.Empty) : Attribute(tag, "value") ?? string.Empty;
            }
        }

        foreach (Match area in TextareaPattern().Matches(form))
        {
            fields[area.Groups[1].Value] = WebUtility.HtmlDecode(area.Groups[2].Value);
        }

        foreach (Match select in SelectPattern().Matches(form))
        {
            var selected = SelectedPattern().Match(select.Groups[2].Value);
            fields[select.Groups[1].Value] = selected.Success ? WebUtility.HtmlDecode(selected.Groups[1].Value) : string.Empty;
        }

        fields.Remove("__jeton");
        return fields;
    }

    /// <summary>GETs the form page, changes <paramref name="changes"/> in its form to <paramref name="action"/>, posts it.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(AdminSession session, string formPage, string action, Dictionary<string, string> changes)
    {
        var html = await session.Client.GetStringAsync(formPage);
        var fields = Fields(html, action);
        foreach (var (name, value) in changes)
        {
            fields[name] = value;
        }

        var pairs = fields.SelectMany(f => f.Value.Split('\u001f').Select(v => new KeyValuePair<string, string>(f.Key, v))).ToList();
        pairs.Add(new("__jeton", AdminSession.Token(html)));
        return await session.Client.PostAsync(action, new FormUrlEncodedContent(pairs));
    }

    /// <summary>Creates a user of <paramref name="role"/> on a tenant of <paramref name="app"/> (an app of its own, with a fake clock or services) and signs in.</summary>
    public static async Task<AdminSession> SignInAsync(MunicipalApp app, string tenant, string role)
    {
        var email = $"{role.ToLowerInvariant()}@{tenant}.localhost";
        await using (var scope = await StorageFixture.TenantScopeAsync(app.Services, tenant))
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
            var user = new IdentityUser { UserName = email, Email = email, EmailConfirmed = true };
            Assert.True((await users.CreateAsync(user, AdminSession.Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        }

        var session = new AdminSession(app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri($"http://{tenant}.localhost/"), AllowAutoRedirect = false }), email);
        var response = await session.PostFormAsync("/admin/connexion", "/admin/connexion", new() { ["email"] = email, ["password"] = AdminSession.Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return session;
    }

    /// <summary>Provisions a "municipality" tenant in an app of a test's own.</summary>
    public static async Task<string> CreateTenantAsync(StorageFixture fixture, MunicipalApp app, string stem)
    {
        var name = fixture.NewTenantName(stem);
        await app.Services.GetRequiredService<Core.Tenancy.TenantProvisioner>().CreateAsync(
            new Core.Tenancy.CreateTenantRequest(name, "Commune de test", [$"{name}.localhost"], null, "municipality", $"admin@{name}.localhost", StorageFixture.AdminPassword), false, CancellationToken.None);
        return name;
    }

    /// <summary>The id of the item an edit page's address names ("/admin/contenus/{id}?fait=...").</summary>
    public static string ItemId(HttpResponseMessage redirect)
    {
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        var match = ItemPattern().Match(redirect.Headers.Location!.OriginalString);
        Assert.True(match.Success, redirect.Headers.Location.OriginalString);
        return match.Groups[1].Value;
    }

    private static string? Attribute(string tag, string name)
    {
        var match = Regex.Match(tag, $"\\s{name}=\"([^\"]*)\"");
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;
    }

    [GeneratedRegex("<input\\b[^>]*>")]
    private static partial Regex InputPattern();

    [GeneratedRegex("<textarea\\b[^>]*\\sname=\"([^\"]+)\"[^>]*>(.*?)</textarea>", RegexOptions.Singleline)]
    private static partial Regex TextareaPattern();

    [GeneratedRegex("<select\\b[^>]*\\sname=\"([^\"]+)\"[^>]*>(.*?)</select>", RegexOptions.Singleline)]
    private static partial Regex SelectPattern();

    [GeneratedRegex("<option value=\"([^\"]*)\" selected>")]
    private static partial Regex SelectedPattern();

    [GeneratedRegex("^/admin/contenus/([^/?]+)\\?")]
    private static partial Regex ItemPattern();
}
