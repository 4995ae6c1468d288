using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Municipal.Admin;
using Municipal.Core.Background;
using Municipal.Web.Tests.Infrastructure;
using OtpNet;

namespace Municipal.Web.Tests.Admin;

/// <summary>What the users', account and two-factor tests read and post, as a browser would.</summary>
internal static partial class UserTestPages
{
    /// <summary>Signs in with a password only; answers the first step's response (a redirect to the dashboard or to the code page).</summary>
    public static async Task<HttpResponseMessage> PasswordStepAsync(HttpClient client, string email, string password)
    {
        var form = await client.GetStringAsync("/admin/connexion");
        return await client.PostAsync("/admin/connexion", Form(form, new() { ["email"] = email, ["password"] = password }));
    }

    /// <summary>Posts a code to the second step of a two-factor sign-in.</summary>
    public static async Task<HttpResponseMessage> CodeStepAsync(HttpClient client, string code)
    {
        var page = await client.GetAsync(TwoFactorSignInEndpoints.VerifyPath);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        return await client.PostAsync(TwoFactorSignInEndpoints.VerifyPath, Form(await page.Content.ReadAsStringAsync(), new() { ["code"] = code }));
    }

    public static FormUrlEncodedContent Form(string page, Dictionary<string, string> fields) =>
        new(new Dictionary<string, string>(fields) { ["__jeton"] = AdminSession.Token(page) });

    /// <summary>The current code of an authenticator app holding <paramref name="key"/> (as shown, in groups of four).</summary>
    public static string Totp(string key) => new Totp(Base32Encoding.ToBytes(key.Replace(" ", string.Empty, StringComparison.Ordinal))).ComputeTotp();

    /// <summary>A six-digit code that is not the current one nor one of its neighbours.</summary>
    public static string WrongTotp(string key)
    {
        var totp = new Totp(Base32Encoding.ToBytes(key.Replace(" ", string.Empty, StringComparison.Ordinal)));
        var near = Enumerable.Range(-3, 7).Select(step => totp.ComputeTotp(DateTime.UtcNow.AddSeconds(step * 30))).ToHashSet();
        return Enumerable.Range(0, 1000).Select(i => (123456 + (i * 7919)).ToString("D6", System.Globalization.CultureInfo.InvariantCulture)).First(c => !near.Contains(c));
    }

    /// <summary>Turns two-factor on for the session's user; answers the key and the recovery codes.</summary>
    public static async Task<(string Key, IReadOnlyList<string> RecoveryCodes)> EnableTwoFactorAsync(AdminSession session)
    {
        var setup = await session.Client.GetStringAsync("/admin/compte/deux-etapes");
        var key = WebUtility.HtmlDecode(KeyPattern().Match(setup).Groups[1].Value);
        Assert.Matches("^[A-Z2-7]{4}( [A-Z2-7]{1,4})+$", key);
        var done = await session.Client.PostAsync("/admin/compte/deux-etapes", Form(setup, new() { ["code"] = Totp(key) }));
        var html = await done.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        return (key, RecoveryCodes(html));
    }

    /// <summary>The recovery codes a page shows (once).</summary>
    public static List<string> RecoveryCodes(string html) =>
        RecoveryPattern().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();

    public static Task<int> RunJobsAsync(StorageFixture fixture) => fixture.App.Services.GetRequiredService<JobRunner>().RunDueAsync();

    public static string[] Mails(StorageFixture fixture, string tenant)
    {
        var folder = Path.Combine(fixture.TenantsFolder, tenant, "mail");
        return Directory.Exists(folder) ? Directory.GetFiles(folder).Order(StringComparer.Ordinal).ToArray() : [];
    }

    /// <summary>The mails of the pickup folder sent to <paramref name="to"/>, oldest first.</summary>
    public static async Task<List<MimeMessage>> MailsToAsync(StorageFixture fixture, string tenant, string to)
    {
        await RunJobsAsync(fixture);
        var messages = new List<MimeMessage>();
        foreach (var file in Mails(fixture, tenant))
        {
            var message = await MimeMessage.LoadAsync(file);
            if (message.To.Mailboxes.Any(m => m.Address == to))
            {
                messages.Add(message);
            }
        }

        return messages.OrderBy(m => m.Date).ToList();
    }

    public static string Link(string? body) => LinkPattern().Match(body ?? string.Empty) is { Success: true } match
        ? match.Value
        : throw new Xunit.Sdk.XunitException("Pas de lien dans le message : " + body);

    public static string Hidden(string html, string name) =>
        Regex.Match(html, $"name=\"{Regex.Escape(name)}\" value=\"([^\"]*)\"") is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException($"Pas de champ {name} dans la page.");

    /// <summary>The id of a user in the list's links ("/admin/utilisateurs/{id}").</summary>
    public static string UserId(string listHtml, string email) =>
        Regex.Match(listHtml, "href=\"/admin/utilisateurs/([0-9a-f-]{36})\">" + Regex.Escape(email) + "<") is { Success: true } match
            ? match.Groups[1].Value
            : throw new Xunit.Sdk.XunitException($"{email} n'est pas dans la liste.");

    public static string Text(string html) => WebUtility.HtmlDecode(html);

    public static bool HasAuthCookie(HttpResponseMessage response, string tenant) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies)
        && cookies.Any(c => c.StartsWith(TenantAuthentication.CookieName(tenant) + "=", StringComparison.Ordinal) && !c.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase));

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkPattern();

    [GeneratedRegex("data-authenticator-key>([^<]+)<")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("<li><code class=\"one-time-password\">([^<]+)</code></li>")]
    private static partial Regex RecoveryPattern();
}
