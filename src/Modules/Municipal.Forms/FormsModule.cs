using Microsoft.AspNetCore.RateLimiting;
using Municipal.Core.Recipes;
using Municipal.Forms.Api;
using Municipal.Forms.Builder;
using Municipal.Forms.Counter;
using Municipal.Forms.Privacy;

namespace Municipal.Forms;

/// <summary>
/// The e-counter ("e-guichet"): forms as data, citizens' submissions and their handling by agents.
/// Holds the typed form model, its JSON schema, the field validators, the storage of forms and submissions, the public flow and the citizens' sign-in.
/// </summary>
public sealed class FormsModule : IMunicipalModule
{
    public const string Feature = "forms";

    /// <summary>Citizens' requests of the e-counter: the queue, their pages, answers, exports.</summary>
    public const string HandleRequests = "requests.handle";

    /// <summary>Build, change, enable and disable the e-counter's forms.</summary>
    public const string ManageForms = "forms.manage";

    public string Name => "Forms";

    // Read on each call: the name and description follow the culture of whoever lists the features.
    public IReadOnlyList<FeatureInfo> Features =>
        [new(Feature, FormsText.Get("FeatureFormsName"), FormsText.Get("FeatureFormsDescription"))];

    public void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton(new Permission(HandleRequests, [TenantRoles.Administrator, TenantRoles.Agent]));
        services.AddSingleton(new Permission(ManageForms, [TenantRoles.Administrator, TenantRoles.Editor]));
        services.AddTenantDbContext<FormsDbContext>("__FormsMigrations");
        services.AddSingleton<TrackingCodeSource>();
        services.AddScoped<FormStore>();
        services.AddScoped<SubmissionStore>();
        services.AddScoped<SubmissionHistory>();
        services.AddScoped<SubmissionMail>();
        services.AddScoped<SubmissionIntake>();
        services.AddScoped<CitizenMailThrottle>();

        // The agents' back office (/admin/e-guichet): queue, request pages, CSV export, dashboard counts.
        services.AddScoped<RequestHandling>();
        services.AddScoped<RequestContent>();
        services.AddScoped<RequestDocuments>();
        services.AddScoped<IDashboardWaitingSource, RequestDashboard>();
        services.AddSingleton(new AdminMenuItem("FormsAgentMenu", RequestRoutes.Queue, FormsModule.HandleRequests, Order: 25, Feature: Feature));

        // Public flow: /e-guichet/{slug}, drafts, and the first step on procedure pages.
        services.AddScoped<FormDrafts>();
        services.AddScoped<PublicFormPages>();
        services.AddScoped<IEmbeddedForms, EmbeddedForms>();

        services.AddSingleton<IRecipeStep, FormsRecipeStep>();
        // The templates live beside their use case's code; the project embeds them all under one "Views" name (see the .csproj).
        services.AddSingleton(new ModuleTemplates(Name, new EmbeddedAssets(typeof(FormsModule).Assembly, "Views")));
        services.AddSingleton(new ModuleTexts(Name, FormsText.Resources));

        // The JSON API, the citizen's follow-up page and their shared rate limit per tenant and IP.
        services.AddOptions<FormsOptions>().BindConfiguration(Core.MunicipalOptions.Section);
        services.Configure<RateLimiterOptions>(options =>
        {
            options.AddPolicy<string, SubmissionRateLimit>(SubmissionRateLimit.PolicyName);
            options.AddPolicy<string, PublicWriteRateLimit>(PublicWriteRateLimit.PolicyName);
        });
        services.AddScoped<FollowUpAccess>();

        // GDPR: the daily retention job (anonymisation, expired drafts, orphan folders) and the personal data export.
        services.AddScoped<SubmissionAnonymiser>();
        services.AddScoped<FormsFolderSweeper>();
        services.AddScoped<PersonalDataExport>();
        services.AddSingleton<IJobHandler, RetentionJob>();
        services.AddSingleton<RetentionScheduler>();
        services.AddHostedService(provider => provider.GetRequiredService<RetentionScheduler>());
        services.AddSingleton(new AdminMenuItem("FormsPrivacyNav", PrivacyEndpoints.Path, FormsModule.HandleRequests, Order: 27, Feature: Feature));

        // Citizens' sign-in for forms that require it (the national service, or its test double).
        services.AddScoped<CitizenSession>();
        services.AddScoped<CitizenIdentityProviders>();
        services.AddSingleton<ICitizenIdentityProvider, SimulatedCitizenIdentity>();

        // The form builder (back office): /admin/e-guichet/formulaires.
        services.AddScoped<FormBuilderStore>();
        services.AddSingleton(new AdminMenuItem("FormsBuilderNav", FormBuilderPaths.List, FormsModule.ManageForms, Order: 26, Feature: Feature));

        // The e-counter's home (/e-guichet, in the sitemap) and the follow-up page, linked from every public page's header.
        services.AddSingleton(new ModulePage(CounterEndpoints.Path.TrimStart('/'), Feature));
        services.AddSingleton(new SiteLink(CounterEndpoints.Path.TrimStart('/'), "FormsCounterLink", Feature, Order: 10));
        services.AddSingleton(new SiteLink(FollowUpEndpoints.Path.TrimStart('/'), "FormsFollowUpLink", Feature, Order: 20));
    }

    public void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        // Public flow: /e-guichet/{slug}.
        endpoints.MapPublicForms();
        endpoints.MapCitizenSignIn();
        endpoints.MapPrivacyEndpoints();

        // The JSON API and the citizen's follow-up page.
        endpoints.MapFormsApi();
        endpoints.MapFollowUp();

        // The form builder (back office).
        endpoints.MapFormBuilder();

        // The agents' back office.
        endpoints.MapRequestAdministration();

        // The e-counter's home: every published form by topic.
        endpoints.MapCounter();
    }
}
