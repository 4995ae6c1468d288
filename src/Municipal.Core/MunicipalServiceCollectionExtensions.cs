using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Configuration;
using Municipal.Core.Mail;
using Municipal.Core.Modules;
using Municipal.Core.Recipes;
using Municipal.Core.Security;

namespace Municipal.Core;

/// <summary>Registration of the core and of the modules the host lists, in one place.</summary>
public static class MunicipalServiceCollectionExtensions
{
    public static IServiceCollection AddMunicipal(this IServiceCollection services, IConfiguration configuration, IReadOnlyList<IMunicipalModule> modules)
    {
        services.AddOptions<MunicipalOptions>().Bind(configuration.GetSection(MunicipalOptions.Section))
            // A short host key can be guessed: /api/host creates and deletes municipalities. Refused at start, not at the first call.
            .Validate(o => string.IsNullOrEmpty(o.HostApiKey) || o.HostApiKey.Length >= MunicipalOptions.HostApiKeyMinLength, Resources.CoreText.Format("HostApiKeyTooShort", MunicipalOptions.HostApiKeyMinLength))
            .ValidateOnStart();
        // The one place that names the machine's clock (BannedSymbols.txt): everything else asks for TimeProvider.
#pragma warning disable RS0030
        services.AddSingleton(TimeProvider.System);
#pragma warning restore RS0030
        services.AddSingleton<ModuleCatalog>();
        services.AddSingleton<PermissionCatalog>();
        foreach (var permission in AdminPermissions.Core)
        {
            services.AddSingleton(permission);
        }

        services.AddSingleton<IConfigureOptions<AuthorizationOptions>, PermissionPolicies>();
        services.AddSingleton<IClaimsTransformation, PermissionClaims>();

        // Tenancy
        services.AddSingleton<TenantRegistry>();
        services.AddSingleton<TenantActivity>();
        services.AddSingleton<TenantUrls>();
        services.AddScoped<TenantContext>();
        services.AddSingleton<TenantProvisioner>();
        services.AddHostedService<IdleTenantReleaser>();

        // Storage
        services.AddSingleton<DataPaths>();
        services.AddSingleton<DatabaseConfigurator>();
        services.AddSingleton<HostDatabase>();
        services.AddSingleton<TenantStorage>();
        services.AddDbContext<HostDbContext>((provider, options) => provider.GetRequiredService<DatabaseConfigurator>().ConfigureHost(options));
        services.AddTenantDbContext<TenantDbContext>("__CoreMigrations");

        // Content and settings
        services.AddMemoryCache();
        services.AddSingleton<TenantDataCache>();
        services.AddScoped<SiteSettingsStore>();
        services.AddScoped<MenuStore>();
        services.AddScoped<ContentStore>();
        services.AddScoped<ContentUnitOfWork>();
        services.AddScoped<ContentManager>();
        services.AddScoped<IContentEventHandler, ContentChangeRecorder>();

        // The shared catalogue: the relay copies what tenants share into the host database; subscribers read it.
        services.AddScoped<Sharing.ISharedCatalog, Sharing.SharedCatalog>();
        services.AddSingleton<Sharing.SharedCatalogRelay>();
        services.AddScoped<IContentCommitHandler, Sharing.SharedCatalogCommitHandler>();
        services.AddHostedService<Sharing.SharedCatalogCatchUp>();
        services.AddScoped<Audit.AuditLog>();
        services.AddSingleton<IJobHandler, PublishContentJob>();
        services.AddSingleton<IJobHandler, UnpublishContentJob>();

        // Background jobs
        services.AddScoped<JobQueue>();
        services.AddSingleton<JobRunner>();
        services.AddHostedService(provider => provider.GetRequiredService<JobRunner>());

        // Mail: durable jobs, to a pickup folder or over SMTP.
        services.AddMunicipalMail();

        // Output cache of anonymous public pages, per tenant
        var bypassHeader = configuration[$"{MunicipalOptions.Section}:OutputCache:BypassHeader"];
        services.AddOutputCache(options => options.AddBasePolicy(new PublicPagePolicy(string.IsNullOrWhiteSpace(bypassHeader) ? null : bypassHeader)));
        services.AddSingleton<PublicPageCache>();

        // Recipes
        services.AddSingleton<RecipeParser>();
        services.AddSingleton<IRecipeStep, FeaturesStep>();
        services.AddSingleton<IRecipeStep, SettingsStep>();
        services.AddSingleton<IRecipeStep, MenusStep>();
        services.AddSingleton<IRecipeStep, ContentStep>();
        services.AddSingleton<IContentRecipeHandler, TaxonomyRecipeHandler>();

        // Display: the t filter reads the core's texts, then those each module declares (ModuleTexts).
        services.AddSingleton<TextCatalog>();
        // Strict templates (a member the view model does not have fails): in Development, and wherever the flag says so (the tests).
        services.AddSingleton(sp => new TemplateStrictness(
            configuration.GetValue<bool?>("Municipal:Templates:StrictVariables") ?? sp.GetRequiredService<IHostEnvironment>().IsDevelopment()));
        services.AddSingleton<LiquidRenderer>();
        services.AddScoped<ThemePageRenderer>();

        // Users of each tenant live in the tenant's database.
        services.AddIdentityCore<IdentityUser>(options =>
            {
                options.Password.RequiredLength = 12;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireDigit = false;
                options.Password.RequiredUniqueChars = 5;
                options.User.RequireUniqueEmail = true;
                // Lockout stays enabled because disabling a user is a lockout until 9999 (UserStates); wrong passwords
                // no longer lock (nothing calls AccessFailedAsync): the sign-in throttles per client (SignInThrottle).
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddRoles<IdentityRole>()
            .AddErrorDescriber<FrenchIdentityErrorDescriber>()
            .AddUserManager<ClockedUserManager>()
            .AddTokenProvider<TenantTokenProvider>(TokenOptions.DefaultProvider)
            .AddEntityFrameworkStores<TenantDbContext>();
        services.AddScoped<AdminAccounts>();
        services.AddSingleton<PasswordPolicy>();

        // Data-protection keys (cookies, antiforgery) under <DataPath>/keys: sign-ins survive a restart.
        services.AddDataProtection().SetApplicationName("Municipal");
        services.AddOptions<KeyManagementOptions>().Configure<DataPaths, ILoggerFactory>((options, paths, logging) =>
            options.XmlRepository = new PrivateKeyRepository(Path.Combine(paths.Root, "keys"), logging));

        // Behind a reverse proxy: the forwarded headers it may set.
        services.AddReverseProxy();

        // The back office is a module (the host lists it first): sign-in per tenant, antiforgery, rate limits.

        foreach (var module in modules)
        {
            services.AddMunicipalModule(module);
        }

        return services;
    }

    /// <summary>Tenant resolution before routing, feature gate after it.</summary>
    public static IApplicationBuilder UseMunicipal(this IApplicationBuilder app)
    {
        app.UseReverseProxy();
        // After the proxy's X-Forwarded-Proto is read: HSTS goes on HTTPS responses only (meaningless over HTTP),
        // and not in Development, where it would pin https on the developer's localhost for weeks.
        if (!app.ApplicationServices.GetRequiredService<IHostEnvironment>().IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = StatusPages.WriteErrorAsync });
        app.UseMiddleware<TenantResolutionMiddleware>();
        app.UseRouting();
        app.UseMiddleware<FeatureGateMiddleware>();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseOutputCache();
        return app;
    }

    public static IEndpointRouteBuilder MapMunicipal(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapThemeAssets();
        endpoints.MapBranding();
        endpoints.MapSiteIcons();
        endpoints.MapSiteEndpoints();
        foreach (var module in endpoints.ServiceProvider.GetRequiredService<ModuleCatalog>().Modules)
        {
            module.MapEndpoints(endpoints);
        }

        // Last and least specific: any other address is a content item's (or a former one, or 404).
        endpoints.MapContentRoutes();

        return endpoints;
    }
}
