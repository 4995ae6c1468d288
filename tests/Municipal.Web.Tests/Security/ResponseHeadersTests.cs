using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Municipal.Web.Tests.Infrastructure;

namespace Municipal.Web.Tests.Security;

/// <summary>Headers that tell a scanner less and keep browsers on HTTPS once they came over it.</summary>
public sealed class ResponseHeadersTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    [Fact]
    public async Task An_https_request_gets_strict_transport_security_and_an_http_one_does_not()
    {
        var name = fixture.NewTenantName("hsts");
        await fixture.CreateTenantAsync(name);
        using var https = fixture.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri($"https://{name}.localhost/") });

        using var secure = await https.GetAsync(new Uri("/", UriKind.Relative));
        using var plain = await fixture.ClientFor($"{name}.localhost").GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, secure.StatusCode);
        Assert.True(secure.Headers.TryGetValues("Strict-Transport-Security", out var values), "pas d'en-tête Strict-Transport-Security en HTTPS");
        Assert.StartsWith("max-age=", values.Single(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        // Over plain HTTP the header means nothing (RFC 6797) and would pin a host that has no certificate.
        Assert.False(plain.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Kestrel_does_not_name_itself_in_a_server_header()
    {
        var name = fixture.NewTenantName("server");
        await fixture.CreateTenantAsync(name);
        // The in-memory test server never writes a Server header: only the real Kestrel shows what production sends.
        await using var app = fixture.StartApp();
        app.UseKestrel(0);
        app.StartServer();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var client = new HttpClient { BaseAddress = new Uri(address) };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Host = $"{name}.localhost";

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Headers.Server);
        Assert.False(response.Headers.Contains("Server"));
    }
}
