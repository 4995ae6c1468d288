using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Municipal.Core.Security;
using Municipal.Forms.Storage;
using Municipal.Web.HostAdmin;
using Municipal.Web.Tests.Forms;
using Municipal.Web.Tests.Infrastructure;

namespace Municipal.Web.Tests.Admin;

/// <summary>
/// Hostile input (NUL bytes, invalid UTF-8 escapes, overlong values, non-ASCII in the query) sent to every route of
/// the back office, the host administration and the e-counter must be refused (4xx), never crash (5xx). The routes
/// are read from the app's endpoints, so a new route is covered without touching this test.
/// </summary>
public abstract class HostileInputTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : StorageFixture
{
    private const string OperatorPassword = "operateur-hostile-2026";

    private static readonly string[] Prefixes = ["/admin", "/host", "/api/host", "/e-guichet", "/demarches", "/api/forms"];

    private static readonly string[] Queries =
    [
        "?retour=//%C3%A9vil",
        "?retour=/%C3%A9t%C3%A9",
        "?retour=/admin/%C3%A9t%C3%A9",
        "?retour=/host/%C3%A9t%C3%A9",
        "?retour=%00&q=%00&page=%00",
        "?q=%C3%28&page=%C3%28&forme=%FF",
        "?q=" + new string('x', 6000),
    ];

    private static readonly string[] Bodies =
    [
        "email=%00&password=%00&nom=%00&code=%00&titre=%00&title=%00",
        "email=%C3%28&password=%C3%28&code=%C3%28&titre=%C3%28&nom=%FF",
        "%00=%00&retour=//%C3%A9vil",
        "retour=//%C3%A9vil&email=%C3%A9@%C3%A9.be",
        "texte=" + new string('a', 300_000),
        new string('k', 5000) + "=1",
    ];

    [Fact]
    public async Task No_route_answers_a_hostile_request_with_a_server_error()
    {
        var tenant = fixture.NewTenantName("hostile");
        await fixture.CreateTenantAsync(tenant);
        string code;
        await using (var scope = await StorageFixture.TenantScopeAsync(fixture.App.Services, tenant))
        {
            await scope.ServiceProvider.GetRequiredService<FormStore>().SaveAsync(PrivacyTestForms.Form(), default);
            code = (await PrivacyTestForms.SubmitAsync(scope.ServiceProvider, "marie@exemple.be", "Marie")).TrackingCode;
        }

        var admin = await AdminSession.SignInAsync(fixture, tenant, TenantRoles.Administrator);
        var operatorClient = await OperatorAsync();
        var samples = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["name"] = tenant, ["slug"] = PrivacyTestForms.Slug, ["code"] = code, ["number"] = "1", ["step"] = "1", ["field"] = "0",
        };

        var failures = new List<string>();
        var routes = Routes();
        Assert.Contains(routes, r => r.Pattern.StartsWith("/host", StringComparison.Ordinal));
        Assert.Contains(routes, r => r.Pattern.StartsWith("/e-guichet", StringComparison.Ordinal));
        foreach (var (pattern, methods) in routes)
        {
            var onHost = pattern.StartsWith("/host", StringComparison.Ordinal) || pattern.StartsWith("/api/host", StringComparison.Ordinal);
            var client = onHost ? operatorClient : admin.Client;
            var paths = new[] { Fill(pattern, samples, null), Fill(pattern, samples, "%00"), Fill(pattern, samples, "%C3%28") }.Distinct().ToList();
            foreach (var path in paths)
            {
                if (methods.Contains(HttpMethods.Get))
                {
                    foreach (var query in Queries)
                    {
                        await CheckAsync(client, HttpMethod.Get, path + query, null, failures);
                    }
                }

                if (methods.Contains(HttpMethods.Post))
                {
                    var token = await TokenAsync(client, onHost ? "/host" : pattern.StartsWith("/admin", StringComparison.Ordinal) ? "/admin" : FollowUpEndpointsPath);
                    foreach (var body in Bodies)
                    {
                        await CheckAsync(client, HttpMethod.Post, path + Queries[0], "__jeton=" + Uri.EscapeDataString(token) + "&" + body, failures);
                    }
                }
            }
        }

        // Paths under the host's prefixes that no route answers, with and without a NUL byte.
        foreach (var path in new[] { "/host/inconnu", "/host/%00", "/api/host/inconnu", "/api/host/%00", "/api/host/tenants/%00/x" })
        {
            await CheckAsync(operatorClient, HttpMethod.Get, path, null, failures);
            await CheckAsync(fixture.ClientFor("localhost"), HttpMethod.Post, path, "x=%00", failures);
        }

        Assert.True(failures.Count == 0, $"{failures.Count} hostile request(s) got a server error:\n" + string.Join("\n", failures.Distinct().Take(400)));
    }

    private const string FollowUpEndpointsPath = Municipal.Forms.PublicFlow.FollowUpEndpoints.Path;

    private List<(string Pattern, HashSet<string> Methods)> Routes()
    {
        var source = fixture.App.Services.GetRequiredService<EndpointDataSource>();
        return source.Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Pattern: "/" + (e.RoutePattern.RawText ?? string.Empty).TrimStart('/'), Methods: e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods))
            .Where(r => Prefixes.Any(p => r.Pattern == p || r.Pattern.StartsWith(p + "/", StringComparison.Ordinal)))
            .GroupBy(r => r.Pattern, StringComparer.Ordinal)
            .Select(g => (g.Key, g.SelectMany(r => r.Methods ?? [HttpMethods.Get, HttpMethods.Post]).ToHashSet(StringComparer.OrdinalIgnoreCase)))
            // The tenant's routes before the host's (an operator's post may disable the tenant), sign-outs last.
            .OrderBy(r => r.Key.StartsWith("/host", StringComparison.Ordinal) || r.Key.StartsWith("/api/host", StringComparison.Ordinal))
            .ThenBy(r => r.Key.Contains("deconnexion", StringComparison.Ordinal) || r.Key.EndsWith("/quitter", StringComparison.Ordinal))
            .ThenBy(r => r.Key, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The pattern with each parameter replaced by its sample (or "1"), or by <paramref name="hostile"/> when given.</summary>
    private static string Fill(string pattern, Dictionary<string, string> samples, string? hostile)
    {
        var builder = new StringBuilder();
        var index = 0;
        while (index < pattern.Length)
        {
            var open = pattern.IndexOf('{', index);
            if (open < 0)
            {
                builder.Append(pattern, index, pattern.Length - index);
                break;
            }

            var close = pattern.IndexOf('}', open);
            builder.Append(pattern, index, open - index);
            var name = pattern[(open + 1)..close].TrimStart('*').Split(':', '=', '?')[0];
            builder.Append(hostile ?? samples.GetValueOrDefault(name, "1"));
            index = close + 1;
        }

        return builder.ToString();
    }

    private static async Task CheckAsync(HttpClient client, HttpMethod method, string url, string? body, List<string> failures)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.ASCII, "application/x-www-form-urlencoded");
        }

        try
        {
            using var response = await client.SendAsync(request);
            // The test server passes any header on; Kestrel throws on a non-ASCII one, and the answer becomes a 500.
            if (response.Headers.NonValidated.TryGetValues("Location", out var locations) && locations.Any(l => l.Any(c => c is <= ' ' or >= '\u007F')))
            {
                failures.Add($"{method} {Shorten(url)} → Location « {locations} » is not ASCII: Kestrel answers 500");
            }

            if ((int)response.StatusCode >= 500)
            {
                failures.Add($"{method} {Shorten(url)} {Shorten(body?[(body.IndexOf('&', StringComparison.Ordinal) + 1)..])} → {(int)response.StatusCode}");
            }
        }
        catch (InvalidOperationException e) when (e.Message.Contains("null characters", StringComparison.Ordinal))
        {
            // The test server cannot carry a NUL byte in a path (Kestrel answers such a request 400 before the app sees it).
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            failures.Add($"{method} {Shorten(url)} {Shorten(body)} → {e.GetType().Name}: {e.Message}");
        }
    }

    private static string Shorten(string? text) => text is null ? string.Empty : text.Length > 100 ? text[..100] + "…" : text;

    private static async Task<string> TokenAsync(HttpClient client, string page)
    {
        var html = await (await client.GetAsync(page)).Content.ReadAsStringAsync();
        return html.Contains("name=\"__jeton\"", StringComparison.Ordinal) ? AdminSession.Token(html) : string.Empty;
    }

    private async Task<HttpClient> OperatorAsync()
    {
        var email = $"op-{Guid.NewGuid():N}@region.be";
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<OperatorAccounts>().CreateAsync(email, OperatorPassword);
        }

        var client = fixture.ClientFor("localhost");
        var token = AdminSession.Token(await client.GetStringAsync(HostAuthentication.SignInPath));
        var response = await client.PostAsync(HostAuthentication.SignInPath, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__jeton"] = token, ["email"] = email, ["password"] = OperatorPassword,
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", StorageFixture.ApiKey);
        return client;
    }
}

public sealed class HostileInputTestsOnSqlite(SqliteFixture fixture) : HostileInputTests<SqliteFixture>(fixture);

public sealed class HostileInputTestsOnPostgres(PostgresFixture fixture) : HostileInputTests<PostgresFixture>(fixture);
