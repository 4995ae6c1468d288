using System.Text;

namespace Municipal.Admin;

/// <summary>
/// The one check of a posted form that every form of the back office, the host administration and the e-counter
/// goes through: a form body with a valid antiforgery token, or a French 400. The antiforgery check reads the form,
/// and the form reader throws on a body it cannot decode (a NUL byte, a key over the limits): that is the sender's
/// error, answered 400, never a 500.
/// </summary>
public static class FormPosts
{
    /// <summary>Null for a readable form post with a valid token; else the 400 to answer, before anything is read or changed.</summary>
    public static async Task<IResult?> RefusalAsync(HttpContext http)
    {
        if (!http.Request.HasFormContentType)
        {
            return AdminEndpoints.AntiforgeryRefused(http);
        }

        try
        {
            return await http.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(http) ? null : AdminEndpoints.AntiforgeryRefused(http);
        }
        catch (Exception e) when (IsUnreadableForm(e))
        {
            return AdminEndpoints.UnreadableForm(http);
        }
    }

    /// <summary>As <see cref="RefusalAsync"/> for a form of a tenant's site, after a 404 when the request has no tenant.</summary>
    public static async Task<IResult?> RefusalAsync(HttpContext http, TenantContext tenant) =>
        tenant.Current is null ? Results.NotFound() : await RefusalAsync(http);

    /// <summary>Whether an exception says the posted body could not be read as a form (antiforgery wraps the reader's).</summary>
    public static bool IsUnreadableForm(Exception e) =>
        e is InvalidDataException || (e is AntiforgeryValidationException && e.InnerException is InvalidDataException or InvalidOperationException);

    /// <summary>
    /// A local address ("/x?y") as a Location header may carry it: characters outside printable ASCII (an accent
    /// of a "retour" address, a space) percent-encoded as UTF-8, the rest as is. Kestrel refuses a header with
    /// non-ASCII characters by throwing, which turned such an address into a 500.
    /// </summary>
    public static string EncodeLocation(string url)
    {
        if (url.All(c => c is > ' ' and < '\u007F'))
        {
            return url;
        }

        var builder = new StringBuilder(url.Length * 2);
        Span<byte> bytes = stackalloc byte[4];
        foreach (var rune in url.EnumerateRunes())
        {
            if (rune.Value is > ' ' and < 0x7F)
            {
                builder.Append((char)rune.Value);
                continue;
            }

            var count = rune.EncodeToUtf8(bytes);
            for (var i = 0; i < count; i++)
            {
                builder.Append('%').Append(bytes[i].ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }
}
