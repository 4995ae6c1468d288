using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Municipal.Core.Display;
using Municipal.Core.Resources;
using Municipal.Core.Security;
using Municipal.Media.Library;

namespace Municipal.Media;

/// <summary>The media library: images re-encoded into responsive derivatives, served per tenant, picked by editors.</summary>
public sealed class MediaModule : IMunicipalModule
{
    public const string Feature = "media";

    public string Name => "Media";

    // Read on each call: the name and description follow the culture of whoever lists the features.
    public IReadOnlyList<FeatureInfo> Features =>
        [new(Feature, MediaText.Get("FeatureMediaName"), MediaText.Get("FeatureMediaDescription"))];

    public void ConfigureServices(IServiceCollection services)
    {
        services.AddOptions<MediaOptions>().BindConfiguration(MediaOptions.Section);
        services.AddTenantDbContext<MediaDbContext>("__MediaMigrations");
        services.AddSingleton<ImageProcessor>();
        services.AddSingleton<MediaFiles>();
        services.AddScoped<MediaLibrary>();
        services.AddScoped<IMediaCatalog, MediaCatalog>();
        services.AddSingleton(new LiquidFilter(MediaUrls.SrcsetFilter, MediaUrls.Srcset));
        services.AddSingleton(new AdminMenuItem("NavMedia", MediaLibraryEndpoints.Path, AdminPermissions.EditContent, Order: 20, Feature: Feature));
        services.AddSingleton(new ModuleTemplates(Name, new EmbeddedAssets(typeof(MediaModule).Assembly, "Views")));
        services.AddSingleton(new ModuleTexts(Name, MediaText.Resources));
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMediaFiles();
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<MediaOptions>>().Value;
        var admin = endpoints.MapAdminArea("/medias")
            .RequireFeature(Feature)
            .RequirePermission(AdminPermissions.EditContent);
        admin.MapMediaLibrary(options);
        admin.MapMediaEdit();
    }
}
