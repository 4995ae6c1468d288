namespace Municipal.Forms.CitizenSignIn;

/// <summary>
/// The test double of the national authentication service: a page of this site where anyone states a name and a
/// valid national number. Selected only by Municipal:CitizenIdentity = "simulation"; never in production.
/// </summary>
public sealed class SimulatedCitizenIdentity : ICitizenIdentityProvider
{
    public const string Path = "/e-guichet/connexion/simulation";

    public string Key => "simulation";

    public string DisplayName => FormsText.Get("FormsCitizenSimulationName");

    public string SignInUrl(HttpContext http, string returnPath) =>
        http.Request.PathBase + Path + "?" + CitizenIdentityProviders.ReturnParameter + "=" + Uri.EscapeDataString(returnPath);
}
