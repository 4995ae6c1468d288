using Microsoft.AspNetCore.Http;
using Municipal.Core.Tenancy;

namespace Municipal.Core.Tests.Tenancy;

public sealed class TenantResolutionTests
{
    private const string PublicHost = "portail.example";

    private static readonly TenantLookup Lookup = new(
    [
        Tenant("ans", ["www.ans.be", "ans.localhost"], null),
        Tenant("cpas-ans", [], "cpas"),
    ]);

    [Theory]
    [InlineData("www.ans.be", "/", "ans")]
    [InlineData("WWW.ANS.BE:8080", "/x", "ans")]
    [InlineData("portail.example", "/cpas/aide", "cpas-ans")]
    [InlineData("portail.example", "/cpas", "cpas-ans")]
    [InlineData("PORTAIL.example:8443", "/cpas", "cpas-ans")]
    public void The_host_then_the_first_path_segment_chooses_the_tenant(string host, string path, string expected)
    {
        var (tenant, _) = TenantResolutionMiddleware.Resolve(Lookup, Request(host, path), PublicHost);
        Assert.Equal(expected, tenant?.Name);
    }

    [Theory]
    [InlineData("www.namur.be", "/")]
    [InlineData("portail.example", "/cpasx")]
    [InlineData("ans.be", "/")]
    [InlineData("evil.example", "/cpas/admin")] // a prefix tenant answers only on the public host
    public void A_host_and_path_no_tenant_has_resolve_to_nothing(string host, string path) =>
        Assert.Null(TenantResolutionMiddleware.Resolve(Lookup, Request(host, path), PublicHost).Tenant);

    private static HttpRequest Request(string host, string path)
    {
        var context = new DefaultHttpContext();
        context.Request.Host = new HostString(host);
        context.Request.Path = path;
        return context.Request;
    }

    private static Tenant Tenant(string name, string[] hosts, string? prefix) =>
        new(name, name, hosts, prefix, TenantState.Running, new HashSet<string>(), "fr-BE", "default");
}
