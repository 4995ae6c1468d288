using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Municipal.Web.Tests.Infrastructure;

/// <summary>
/// A signed-in back-office user of one tenant, driven over HTTP as a browser would: it keeps the cookies, reads
/// the antiforgery token of the page it posts from, and posts forms. Tests create one per role they exercise.
/// </summary>
public sealed partial class AdminSession(HttpClient client, string email)
{
    public const string Password = "mot-de-passe-de-role-42";

    public HttpClient Client { get; } = client;

    public string Email { get; } = email;

    /// <summary>
    /// Creates (when needed) a user with <paramref name="role"/> on the tenant, and signs them in on
    /// <c>{tenant}.localhost</c>. The tenant's own administrator is <c>admin@{tenant}.localhost</c>.
    /// </summary>
    public static async Task<AdminSession> SignInAsync(StorageFixture fixture, string tenant, string role)
    {
        var email = $"{role.ToLowerInvariant()}@{tenant}.localhost";
        await using (var scope = await StorageFixture.TenantScopeAsync(fixture.App.Services, tenant))
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
            var user = await users.FindByEmailAsync(email);
            if (user is null)
            {
                user = new IdentityUser { UserName = email, Email = email, EmailConfirmed = true };
                Check(await users.CreateAsync(user, Password));
                Check(await users.AddToRoleAsync(user, role));
            }
        }

        var session = new AdminSession(fixture.ClientFor($"{tenant}.localhost"), email);
        var response = await session.PostFormAsync("/admin/connexion", "/admin/connexion", new() { ["email"] = email, ["password"] = Password });
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in of {email} failed: {(int)response.StatusCode}.");
        }

        return session;
    }

    /// <summary>GETs <paramref name="formPage"/> for its antiforgery token, then posts the fields to <paramref name="action"/>.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string formPage, string action, Dictionary<string, string> fields)
    {
        var token = Token(await Client.GetStringAsync(formPage));
        var all = new Dictionary<string, string>(fields) { ["__jeton"] = token };
        return await Client.PostAsync(action, new FormUrlEncodedContent(all));
    }

    /// <summary>Posts a multipart form (file uploads) with the token of <paramref name="formPage"/>.</summary>
    public async Task<HttpResponseMessage> PostMultipartAsync(string formPage, string action, MultipartFormDataContent content)
    {
        content.Add(new StringContent(Token(await Client.GetStringAsync(formPage))), "__jeton");
        return await Client.PostAsync(action, content);
    }

    /// <summary>The antiforgery token of a rendered back-office page.</summary>
    public static string Token(string html) => TokenPattern().Match(html) is { Success: true } match
        ? System.Net.WebUtility.HtmlDecode(match.Groups[1].Value)
        : throw new InvalidOperationException("No antiforgery token on the page.");

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }

    [GeneratedRegex("name=\"__jeton\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
