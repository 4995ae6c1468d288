using Microsoft.AspNetCore.Antiforgery;

namespace Municipal.Forms.PublicFlow;

/// <summary>
/// Antiforgery of the e-counter's public pages that hold a token (follow-up, citizen sign-in): the same hidden field
/// and the same French refusal as the back office. (The form steps cannot hold one: see PublicFormEndpoints.)
/// </summary>
internal static class PublicAntiforgery
{
    /// <summary>The hidden field's name and token a page's form carries (<c>antiforgery_field</c>, <c>antiforgery_token</c>).</summary>
    public static AntiforgeryTokenSet Tokens(HttpContext http) => http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);

    /// <summary>Null for a form post with a valid token; else the 400 to answer, before anything is read or changed.</summary>
    public static Task<IResult?> RefusalAsync(HttpContext http) => FormPosts.RefusalAsync(http);
}
