using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Municipal.Web.Tests.Infrastructure;

/// <summary>The real host (Program) on a fixture's storage, through the in-memory test server.</summary>
public sealed class MunicipalApp(StorageFixture storage, IReadOnlyDictionary<string, string?>? overrides, Action<IServiceCollection>? services = null)
    : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        storage.Configure(builder);
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        if (services is not null)
        {
            builder.ConfigureTestServices(services);
        }
    }
}
