using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Municipal.Core.Modules;

namespace Municipal.Forms;

/// <summary>
/// The e-counter ("e-guichet"): forms as data, citizens' submissions and their handling by agents.
/// This first slice holds the typed form model, its JSON schema and the field validators; no endpoint yet.
/// </summary>
public sealed class FormsModule : IMunicipalModule
{
    public const string Feature = "forms";

    public string Name => "Forms";

    public IReadOnlyList<FeatureInfo> Features { get; } =
        [new(Feature, "E-guichet", "Formulaires en ligne, demandes des citoyens et leur traitement par les agents.")];

    public void ConfigureServices(IServiceCollection services)
    {
        // Nothing to register yet: the model, the JSON schema and the validators are pure functions.
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        // The public flow, the API and the back office come in the next slices.
    }
}
