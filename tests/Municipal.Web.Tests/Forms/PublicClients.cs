using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Municipal.Forms.Model;
using Municipal.Web.Tests.Infrastructure;

namespace Municipal.Web.Tests.Forms;

/// <summary>
/// Citizens at different addresses for the tests of the public limits: the app sees every request come from
/// 127.0.0.1, a listed proxy, and each client says whom it forwards for (X-Forwarded-For), as behind a real proxy.
/// </summary>
internal static class PublicClients
{
    public const string DepositSlug = "depot";

    public static MunicipalApp StartBehindProxy(StorageFixture fixture, Dictionary<string, string?> settings)
    {
        settings["Municipal:ReverseProxy:KnownProxies:0"] = "127.0.0.1";
        return fixture.StartApp(settings, services => services.AddTransient<IStartupFilter, LoopbackPeer>());
    }

    /// <summary>A browser of its own (no cookie shared) at <paramref name="address"/>.</summary>
    public static HttpClient From(MunicipalApp app, string tenant, string address)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri($"http://{tenant}.localhost/") });
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return client;
    }

    /// <summary>"depot": one step, a subject and one PDF of up to 3 MB.</summary>
    public static FormDefinition Deposit() => new()
    {
        Slug = DepositSlug,
        Title = "Déposer un document",
        Steps =
        [
            new FormStep
            {
                Title = "Le document",
                Fields =
                [
                    new TextField { Name = "objet", Label = "Objet", Required = true, MaxLength = 200 },
                    new FileField { Name = "piece", Label = "Pièce jointe", MaxFiles = 1, MaxBytes = 3_000_000, AcceptedTypes = ["application/pdf"] },
                ],
            },
        ],
    };

    /// <summary>Posts the step of "depot" with a subject and, when <paramref name="bytes"/> is positive, a PDF of that size.</summary>
    public static Task<HttpResponseMessage> DepositAsync(HttpClient client, string subject, int bytes)
    {
        var content = new MultipartFormDataContent
        {
            { new StringContent(subject), "objet" },
            { new StringContent("next"), "action" },
        };
        if (bytes > 0)
        {
            var pdf = new byte[bytes];
            Array.Fill(pdf, (byte)' ');
            "%PDF-1.4\n"u8.CopyTo(pdf);
            var file = new ByteArrayContent(pdf);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            content.Add(file, "piece", "document.pdf");
        }

        return client.PostAsync($"/e-guichet/{DepositSlug}/etape/1", content);
    }

    /// <summary>The mails of the tenant's pickup folder.</summary>
    public static async Task<List<MimeMessage>> MailsAsync(StorageFixture fixture, string tenant)
    {
        var folder = Path.Combine(fixture.TenantsFolder, tenant, "mail");
        var mails = new List<MimeMessage>();
        foreach (var file in Directory.Exists(folder) ? Directory.GetFiles(folder, "*.eml") : [])
        {
            mails.Add(await MimeMessage.LoadAsync(file));
        }

        return mails;
    }

    /// <summary>The in-memory server has no peer address: every request comes "from" 127.0.0.1, as from a local proxy.</summary>
    private sealed class LoopbackPeer : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = System.Net.IPAddress.Loopback;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
