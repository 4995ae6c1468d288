using Municipal.Admin.Content;
using Municipal.Admin.Review;
using Municipal.Admin.Site;

namespace Municipal.Admin;

/// <summary>
/// The back office (/admin) as a module of its own, with no feature: every tenant has it. Listed first by the host,
/// so that its services (sign-in cookie, antiforgery, rate limits) and routes come before those of the other modules.
/// </summary>
public sealed class BackOfficeModule : IMunicipalModule
{
    public string Name => "Admin";

    public IReadOnlyList<FeatureInfo> Features => [];

    public void ConfigureServices(IServiceCollection services)
    {
        services.AddContentReview();
        services.AddMunicipalAdmin();
        services.AddContentAdmin();
        SiteAdmin.AddSiteAdmin(services);
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapAdminEndpoints();
        endpoints.MapContentAdmin();
        endpoints.MapContentReview();
        SiteAdmin.MapSiteAdmin(endpoints);
    }
}
