using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Municipal.Core.Security;

/// <summary>
/// The reverse proxies in front of the nodes ("Municipal:ReverseProxy"). Only their X-Forwarded-For and
/// X-Forwarded-Proto are believed: the sign-in rate limit counts per real client, and links use the scheme the
/// citizen used. With no proxy listed, forwarded headers are ignored, so a client cannot pick its own address.
/// </summary>
public sealed class ReverseProxyOptions
{
    /// <summary>Addresses of the proxies, e.g. "10.0.0.5".</summary>
    public IList<string> KnownProxies { get; } = [];

    /// <summary>Networks of the proxies in CIDR notation, e.g. "10.0.0.0/24".</summary>
    public IList<string> KnownNetworks { get; } = [];

    /// <summary>Also take the Host from X-Forwarded-Host (for a proxy that rewrites Host); off by default.</summary>
    public bool ForwardHost { get; set; }

    public bool Enabled => KnownProxies.Count > 0 || KnownNetworks.Count > 0;
}

public static class ReverseProxy
{
    internal static void AddReverseProxy(this IServiceCollection services)
    {
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<MunicipalOptions>>((forwarded, municipal) =>
        {
            var proxy = municipal.Value.ReverseProxy;
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto
                | (proxy.ForwardHost ? ForwardedHeaders.XForwardedHost : ForwardedHeaders.None);
            // Only what is configured is trusted: the framework's default (loopback) is dropped.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var address in proxy.KnownProxies)
            {
                forwarded.KnownProxies.Add(IPAddress.TryParse(address, out var ip)
                    ? ip
                    : throw new OptionsValidationException(nameof(ReverseProxyOptions), typeof(ReverseProxyOptions), [CoreText.Format("OptionsErrorKnownProxy", address)]));
            }

            foreach (var network in proxy.KnownNetworks)
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var parsed)
                    ? parsed
                    : throw new OptionsValidationException(nameof(ReverseProxyOptions), typeof(ReverseProxyOptions), [CoreText.Format("OptionsErrorKnownNetwork", network)]));
            }
        });
    }

    /// <summary>First in the pipeline, and only when proxies are configured.</summary>
    internal static void UseReverseProxy(this IApplicationBuilder app)
    {
        if (app.ApplicationServices.GetRequiredService<IOptions<MunicipalOptions>>().Value.ReverseProxy.Enabled)
        {
            app.UseForwardedHeaders();
        }
    }
}
