using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Municipal.Core.Tenancy;
using Municipal.Web.Tests.Infrastructure;

namespace Municipal.Web.Tests.Admin;

/// <summary>
/// Behind a reverse proxy, the sign-in limit counts per citizen (X-Forwarded-For of a listed proxy), and a client
/// that is not a listed proxy cannot escape the limit by sending the header itself.
/// </summary>
public sealed class ReverseProxyTests(SqliteFixture fixture) : IClassFixture<SqliteFixture>
{
    [Fact]
    public async Task A_listed_proxy_gets_one_sign_in_limit_per_forwarded_client()
    {
        await using var app = StartBehindLoopback(new() { ["Municipal:SignIn:PermitPerMinute"] = "2", ["Municipal:ReverseProxy:KnownProxies:0"] = "127.0.0.1" });
        var client = await NewTenantClientAsync(app);

        Assert.Equal(HttpStatusCode.OK, await SignInFromAsync(client, "203.0.113.7"));
        Assert.Equal(HttpStatusCode.OK, await SignInFromAsync(client, "203.0.113.7"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await SignInFromAsync(client, "203.0.113.7"));
        Assert.Equal(HttpStatusCode.OK, await SignInFromAsync(client, "203.0.113.8"));
    }

    [Fact]
    public async Task IPv6_clients_share_one_sign_in_limit_per_64_network()
    {
        await using var app = StartBehindLoopback(new() { ["Municipal:SignIn:PermitPerMinute"] = "2", ["Municipal:ReverseProxy:KnownProxies:0"] = "127.0.0.1" });
        var client = await NewTenantClientAsync(app);

        // Three addresses a subscriber can pick in its own /64: together they get one budget.
        Assert.Equal(HttpStatusCode.OK, await SignInFromAsync(client, "2001:db8:1234:5678::1"));
        Assert.Equal(HttpStatusCode.OK, await SignInFromAsync(client, "2001:db8:1234:5678:aaaa:bbbb:cccc:dddd"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await SignInFromAsync(client, "2001:db8:1234:5678:ffff::2"));

        // The next /64 is another subscriber.
        Assert.Equal(HttpStatusCode.OK, await SignInFromAsync(client, "2001:db8:1234:5679::1"));
    }

    [Fact]
    public async Task Without_a_listed_proxy_the_forwarded_header_is_ignored()
    {
        await using var app = StartBehindLoopback(new() { ["Municipal:SignIn:PermitPerMinute"] = "2" });
        var client = await NewTenantClientAsync(app);

        Assert.Equal(HttpStatusCode.OK, await SignInFromAsync(client, "203.0.113.7"));
        Assert.Equal(HttpStatusCode.OK, await SignInFromAsync(client, "203.0.113.8"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await SignInFromAsync(client, "203.0.113.9"));
    }

    /// <summary>The in-memory server has no peer address: every request comes "from" 127.0.0.1, as from a local proxy.</summary>
    private MunicipalApp StartBehindLoopback(Dictionary<string, string?> settings) =>
        fixture.StartApp(settings, services => services.AddTransient<IStartupFilter, LoopbackPeer>());

    private async Task<HttpClient> NewTenantClientAsync(MunicipalApp app)
    {
        var name = fixture.NewTenantName("proxy");
        await app.Services.GetRequiredService<TenantProvisioner>().CreateAsync(
            new CreateTenantRequest(name, "Proxy", [$"{name}.localhost"], null, "municipality", $"admin@{name}.localhost", StorageFixture.AdminPassword), false, CancellationToken.None);
        return app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri($"http://{name}.localhost/") });
    }

    private static async Task<HttpStatusCode> SignInFromAsync(HttpClient client, string forwardedFor)
    {
        var token = AdminSession.Token(await client.GetStringAsync("/admin/connexion"));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/admin/connexion")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__jeton"] = token, ["email"] = "nobody@example.be", ["password"] = "wrong-password" }),
        };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return (await client.SendAsync(request)).StatusCode;
    }

    internal sealed class LoopbackPeer : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Loopback;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
