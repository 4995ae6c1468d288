using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Municipal.Core.Tenancy;

/// <summary>
/// Plain pages answered before a tenant (and so a theme) is known: unknown host, disabled or unfinished tenant.
/// Self-contained and accessible: lang, one h1, main landmark, no external resource.
/// </summary>
public static class StatusPages
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>The French 500 page, plain so that a broken theme or database cannot break it too.</summary>
    public static Task WriteErrorAsync(HttpContext context)
    {
        // The culture set for the request did not flow back out of the failed call: set it again.
        var tenant = (context.RequestServices.GetService(typeof(TenantContext)) as TenantContext)?.Current;
        var culture = System.Globalization.CultureInfo.GetCultureInfo(tenant?.Culture ?? "fr-BE");
        System.Globalization.CultureInfo.CurrentCulture = culture;
        System.Globalization.CultureInfo.CurrentUICulture = culture;
        return WriteAsync(context, StatusCodes.Status500InternalServerError, "ErrorTitle", "ErrorBody");
    }

    public static Task WriteAsync(HttpContext context, int statusCode, string titleKey, string bodyKey)
    {
        var title = Encoder.Encode(CoreText.Get(titleKey));
        var body = Encoder.Encode(CoreText.Get(bodyKey));
        var lang = Encoder.Encode(System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName);
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="{lang}">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{title}</title></head>
            <body><main><h1>{title}</h1><p>{body}</p></main></body>
            </html>
            """);
    }
}
