using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Municipal.Admin;
using Municipal.Core.Display;
using Municipal.Core.Modules;
using Municipal.Core.Recipes;
using Municipal.Core.Resources;
using Municipal.Core.Security;
using Municipal.Notices.Board;
using Municipal.Notices.Home;
using Municipal.Notices.Recipes;
using Municipal.Notices.Resources;

namespace Municipal.Notices;

/// <summary>Public notices ("avis à la population"): a board in the back office, a home-page list, a recipe step.</summary>
public sealed class NoticesModule : IMunicipalModule
{
    public const string Feature = "notices";

    /// <summary>Post and remove notices.</summary>
    public const string ManageNotices = "notices.manage";

    public string Name => "Notices";

    public IReadOnlyList<FeatureInfo> Features =>
        [new(Feature, NoticesText.Get("FeatureName"), NoticesText.Get("FeatureDescription"))];

    public void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton(new Permission(ManageNotices, [TenantRoles.Administrator, TenantRoles.Editor]));
        services.AddSingleton(new AdminMenuItem("NoticesNav", NoticeBoardEndpoints.Path, ManageNotices, Order: 40, Feature: Feature));
        services.AddSingleton<IHomeListSource, LatestNotices>();
        services.AddSingleton<IRecipeStep, NoticesRecipeStep>();
        services.AddSingleton(new ModuleTemplates(Name, new EmbeddedAssets(typeof(NoticesModule).Assembly, "Views")));
        services.AddSingleton(new ModuleTexts(Name, NoticesText.Resources));
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints) => endpoints.MapNoticeBoard();
}
