using Municipal.Core;

namespace Municipal.Forms.CitizenSignIn;

/// <summary>
/// A national authentication service (FAS: itsme, eID card reader) as the e-counter sees it: where to send the
/// citizen to sign in. The service comes back to an endpoint of its own, which calls <see cref="CitizenSession.SignIn"/>.
/// The real FAS (OpenID Connect with the federal service's keys) cannot run here; <see cref="SimulatedCitizenIdentity"/>
/// stands in for it in tests and demos.
/// </summary>
public interface ICitizenIdentityProvider
{
    /// <summary>The value of Municipal:CitizenIdentity that selects this provider.</summary>
    string Key { get; }

    /// <summary>Shown on the sign-in button, e.g. "itsme ou carte d'identité".</summary>
    string DisplayName { get; }

    /// <summary>Where the sign-in starts; the citizen comes back to <paramref name="returnPath"/>, a path of this site.</summary>
    string SignInUrl(HttpContext http, string returnPath);
}

/// <summary>The provider the configuration selects, if any, and the gate of forms that require a signed-in citizen.</summary>
public sealed class CitizenIdentityProviders(IEnumerable<ICitizenIdentityProvider> providers, IOptions<MunicipalOptions> options, CitizenSession session)
{
    public const string SignInPath = "/e-guichet/connexion";
    public const string ReturnParameter = "retour";

    public ICitizenIdentityProvider? Configured =>
        providers.FirstOrDefault(p => string.Equals(p.Key, options.Value.CitizenIdentity, StringComparison.OrdinalIgnoreCase));

    /// <summary>Null when the citizen may go on; else the redirection to the sign-in page, coming back to this request's path.</summary>
    public IResult? Gate(HttpContext http, FormDefinition form)
    {
        if (!form.LoginRequired || session.Current(http) is not null)
        {
            return null;
        }

        var back = http.Request.Path + http.Request.QueryString;
        return Results.Redirect(http.Request.PathBase + SignInPath + "?" + ReturnParameter + "=" + Uri.EscapeDataString(back));
    }

    /// <summary>A path of this site ("/x"), never another site ("//x", "/\x", "http:..."); anything else becomes the home page.</summary>
    public static string SafeReturnPath(string? value) =>
        value is { Length: > 0 } path && path[0] == '/' && (path.Length == 1 || (path[1] != '/' && path[1] != '\\')) && !path.Any(char.IsControl)
            ? Municipal.Admin.FormPosts.EncodeLocation(path)
            : "/";
}
