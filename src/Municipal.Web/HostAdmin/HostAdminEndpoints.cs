using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Municipal.Core.Display;
using Municipal.Core.Storage;

namespace Municipal.Web.HostAdmin;

/// <summary>A row of the "Communes" table.</summary>
public sealed record HostTenantRow(string Name, string DisplayName, string State, string Hosts, string Prefix, bool Running, string Url, string ToggleAction);

/// <summary>The outcome of a commune's creation, shown once.</summary>
public sealed record HostCreatedView(string Name, string DisplayName, string AdminEmail, string? Password);

/// <summary>A line of a recipe's application (one per commune).</summary>
public sealed record HostApplyLine(string Tenant, bool Succeeded, string? Error);

/// <summary>A recipe run of one commune.</summary>
public sealed record HostRecipeRunRow(string Date, string Recipe, string Result, string Error);

/// <summary>A field of the creation form with its value and error.</summary>
public sealed record HostFieldView(string Id, string Name, string Label, string Value, string? Error, string Type, string Autocomplete);

/// <summary>
/// The regional operator's administration at /host, separate from every tenant: sign-in, the list of communes
/// with their state, creation from a recipe, disabling and enabling, recipes applied to one or all, recipe runs.
/// Pages use the back office's Liquid layout, error summary, CSS and JS.
/// </summary>
public static partial class HostAdminEndpoints
{
    // Built on each use: its texts follow the culture of the request.
    private static AdminChrome Chrome => new(HostText.Get("HostAdminTitle"), HostAuthentication.DashboardPath, HostAuthentication.AssetsPath, HostText.Get("HostAdminSubtitle"));

    public static IServiceCollection AddHostAdmin(this IServiceCollection services)
    {
        services.AddScoped<OperatorAccounts>();
        services.AddSingleton(new ModuleTemplates("HostAdmin", new EmbeddedAssets(typeof(HostAdminEndpoints).Assembly, "HostAdmin/Views")));
        // The host pages' t filter reads the host's texts like a module's.
        services.AddSingleton(new ModuleTexts("HostAdmin", HostText.Resources));

        services.AddAuthentication().AddCookie(HostAuthentication.Scheme);
        services.AddOptions<CookieAuthenticationOptions>(HostAuthentication.Scheme).Configure<IDataProtectionProvider>(HostAuthentication.Configure);
        services.AddAuthorization(options => options.AddPolicy(HostAuthentication.Policy, policy => policy
            .AddAuthenticationSchemes(HostAuthentication.Scheme)
            .RequireAuthenticatedUser()
            .RequireClaim(HostAuthentication.OperatorClaim)));
        return services;
    }

    public static void MapHostAdmin(this IEndpointRouteBuilder endpoints)
    {
        var host = endpoints.MapGroup(HostAuthentication.DashboardPath)
            .WithMetadata(new AdminNoCachePolicy())
            .AddEndpointFilter(static async (context, next) =>
            {
                AdminArea.NoStore(context.HttpContext.Response);
                return await next(context);
            });

        host.MapGet("/connexion", SignInFormAsync);
        host.MapPost("/connexion", SignInAsync).RequireRateLimiting(AdminEndpoints.SignInRateLimitPolicy);
        host.MapPost("/deconnexion", SignOutAsync);
        host.MapGet("/assets/{file}", (string file) => AdminEndpoints.Asset(file));

        var signedIn = host.MapGroup(string.Empty).RequireAuthorization(HostAuthentication.Policy);
        signedIn.MapGet("/", (HttpContext http, AdminViews views, TenantRegistry registry, DataPaths paths, CancellationToken ct) =>
            RenderDashboardAsync(http, views, registry, paths, new DashboardState(), ct));
        signedIn.MapPost("/communes", CreateAsync);
        signedIn.MapPost("/communes/{name}/desactiver", (string name, HttpContext http, IAntiforgery antiforgery, TenantProvisioner provisioner) =>
            SetStateAsync(http, antiforgery, () => provisioner.DisableAsync(name, http.RequestAborted)));
        signedIn.MapPost("/communes/{name}/activer", (string name, HttpContext http, IAntiforgery antiforgery, TenantProvisioner provisioner) =>
            SetStateAsync(http, antiforgery, () => provisioner.EnableAsync(name, http.RequestAborted)));
        signedIn.MapPost("/recettes", ApplyRecipeAsync);
        signedIn.MapGet("/communes/{name}", TenantPageAsync);
    }

    private sealed class DashboardState
    {
        public List<ErrorLinkView> Errors { get; } = [];
        public Dictionary<string, string> Values { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, string> FieldErrors { get; } = new(StringComparer.Ordinal);
        public HostCreatedView? Created { get; set; }
        public List<HostApplyLine>? Applied { get; set; }
        public string? AppliedRecipe { get; set; }
        public int StatusCode { get; set; } = StatusCodes.Status200OK;
    }

    private static readonly (string Id, string Name, string LabelKey, string Type, string Autocomplete)[] CreateFields =
    [
        ("name", "name", "HostFieldName", "text", "off"),
        ("display-name", "displayName", "HostFieldDisplayName", "text", "off"),
        ("host", "host", "HostFieldHost", "text", "off"),
        ("admin-email", "adminEmail", "HostFieldAdminEmail", "email", "off"),
    ];

    // ----- communes -----

    private static async Task<IResult> CreateAsync(HttpContext http, AdminViews views, IAntiforgery antiforgery, TenantProvisioner provisioner, TenantRegistry registry, DataPaths paths)
    {
        if (await FormPosts.RefusalAsync(http) is { } refused)
        {
            return refused;
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var state = new DashboardState();
        foreach (var field in CreateFields.Select(f => f.Name).Append("recipe"))
        {
            state.Values[field] = form[field].ToString().Trim();
        }

        foreach (var (id, name, label, _, _) in CreateFields)
        {
            if (state.Values[name].Length == 0)
            {
                Fail(state, id, name, HostText.Format("HostErrorFieldRequired", HostText.Get(label)));
            }
        }

        if (state.Values["recipe"].Length == 0)
        {
            Fail(state, "recipe", "recipe", HostText.Get("HostErrorRecipeRequired"));
        }

        if (state.Errors.Count == 0)
        {
            try
            {
                var created = await provisioner.CreateAsync(
                    new CreateTenantRequest(state.Values["name"], state.Values["displayName"], [state.Values["host"]], null, state.Values["recipe"], state.Values["adminEmail"]),
                    recipeMayBePath: false,
                    http.RequestAborted);
                state.Created = new HostCreatedView(created.Tenant.Name, created.Tenant.DisplayName, created.AdminEmail, created.GeneratedPassword);
                state.Values.Clear();
            }
            catch (Exception ex) when (ex is TenantRequestException or RecipeException)
            {
                var (id, name) = FieldOf(ex);
                Fail(state, id, name, ex.Message.ReplaceLineEndings(" "));
            }
        }

        if (state.Errors.Count > 0)
        {
            state.StatusCode = StatusCodes.Status400BadRequest;
        }

        return await RenderDashboardAsync(http, views, registry, paths, state, http.RequestAborted);
    }

    private static void Fail(DashboardState state, string id, string name, string message)
    {
        state.Errors.Add(new ErrorLinkView(message, "#" + id));
        state.FieldErrors[name] = message;
    }

    /// <summary>Which field a refusal of the provisioner is about, so that the summary links to it.</summary>
    private static (string Id, string Name) FieldOf(Exception ex)
    {
        var message = ex.Message;
        if (ex is RecipeException || message.Contains(HostText.Get("HostRefusalWordRecipe"), StringComparison.OrdinalIgnoreCase))
        {
            return ("recipe", "recipe");
        }

        if (message.Contains(HostText.Get("HostRefusalWordHost"), StringComparison.OrdinalIgnoreCase) || message.Contains("host", StringComparison.OrdinalIgnoreCase))
        {
            return ("host", "host");
        }

        if (message.Contains(HostText.Get("HostRefusalWordEmail"), StringComparison.OrdinalIgnoreCase) || message.Contains(HostText.Get("HostRefusalWordAddress"), StringComparison.OrdinalIgnoreCase))
        {
            return ("admin-email", "adminEmail");
        }

        if (message.Contains(HostText.Get("HostRefusalWordDisplayName"), StringComparison.OrdinalIgnoreCase))
        {
            return ("display-name", "displayName");
        }

        return ("name", "name");
    }

    private static async Task<IResult> SetStateAsync(HttpContext http, IAntiforgery antiforgery, Func<Task> action)
    {
        if (await FormPosts.RefusalAsync(http) is { } refused)
        {
            return refused;
        }

        try
        {
            await action();
        }
        catch (TenantNotFoundException)
        {
            return Results.NotFound();
        }

        return Results.Redirect(HostAuthentication.DashboardPath);
    }

    private static async Task<IResult> ApplyRecipeAsync(HttpContext http, AdminViews views, IAntiforgery antiforgery, TenantProvisioner provisioner, TenantRegistry registry, DataPaths paths)
    {
        if (await FormPosts.RefusalAsync(http) is { } refused)
        {
            return refused;
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var recipe = form["recipe"].ToString().Trim();
        var target = form["target"].ToString().Trim();
        var state = new DashboardState { AppliedRecipe = recipe };
        if (recipe.Length == 0)
        {
            state.Errors.Add(new ErrorLinkView(HostText.Get("HostErrorRecipeRequired"), "#apply-recipe"));
            state.FieldErrors["applyRecipe"] = HostText.Get("HostErrorRecipeRequired");
        }
        else if (target is "" or "*")
        {
            try
            {
                var results = await provisioner.ApplyRecipeToAllAsync(recipe, recipeMayBePath: false, http.RequestAborted);
                state.Applied = results.Select(r => new HostApplyLine(r.Tenant, r.Error is null, r.Error?.ReplaceLineEndings(" "))).ToList();
            }
            catch (Exception ex) when (ex is TenantRequestException or RecipeException)
            {
                state.Errors.Add(new ErrorLinkView(ex.Message.ReplaceLineEndings(" "), "#apply-recipe"));
                state.FieldErrors["applyRecipe"] = ex.Message.ReplaceLineEndings(" ");
            }
        }
        else
        {
            try
            {
                await provisioner.ApplyRecipeAsync(target, recipe, recipeMayBePath: false, http.RequestAborted);
                state.Applied = [new HostApplyLine(target, true, null)];
            }
            catch (Exception ex) when (ex is TenantRequestException or RecipeException)
            {
                state.Applied = [new HostApplyLine(target, false, ex.Message.ReplaceLineEndings(" "))];
            }
        }

        if (state.Errors.Count > 0)
        {
            state.StatusCode = StatusCodes.Status400BadRequest;
        }

        return await RenderDashboardAsync(http, views, registry, paths, state, http.RequestAborted);
    }

    private static async Task<IResult> RenderDashboardAsync(HttpContext http, AdminViews views, TenantRegistry registry, DataPaths paths, DashboardState state, CancellationToken ct)
    {
        registry.Invalidate();
        var tenants = (await registry.GetLookupAsync(ct)).All.OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
        var rows = tenants.Select(t => new HostTenantRow(
            t.Name,
            t.DisplayName,
            StateText(t.State),
            string.Join(", ", t.Hosts),
            t.PathPrefix is null ? string.Empty : "/" + t.PathPrefix,
            t.State == TenantState.Running,
            $"{HostAuthentication.DashboardPath}/communes/{Uri.EscapeDataString(t.Name)}",
            $"{HostAuthentication.DashboardPath}/communes/{Uri.EscapeDataString(t.Name)}/{(t.State == TenantState.Running ? "desactiver" : "activer")}")).ToList();
        var fields = CreateFields.Select(f => new HostFieldView(
            f.Id, f.Name, HostText.Get(f.LabelKey), state.Values.GetValueOrDefault(f.Name) ?? string.Empty, state.FieldErrors.GetValueOrDefault(f.Name), f.Type, f.Autocomplete)).ToList();

        return await views.RenderViewAsync(http, "HostDashboard", HostText.Get("HostTenantsHeading"), new HostDashboardView(
            Errors: state.Errors,
            Tenants: rows,
            Fields: fields,
            Recipes: Recipes(paths),
            RecipeValue: state.Values.GetValueOrDefault("recipe") ?? string.Empty,
            RecipeError: state.FieldErrors.GetValueOrDefault("recipe"),
            ApplyRecipeValue: state.AppliedRecipe ?? string.Empty,
            ApplyRecipeError: state.FieldErrors.GetValueOrDefault("applyRecipe"),
            Created: state.Created,
            Applied: state.Applied,
            SignedInAs: CoreText.Format("SignedInAs", http.User.FindFirstValue(ClaimTypes.Email) ?? string.Empty),
            SignOutAction: HostAuthentication.SignOutPath), Chrome, state.StatusCode);
    }

    private static async Task<IResult> TenantPageAsync(string name, HttpContext http, AdminViews views, TenantRegistry registry, TenantProvisioner provisioner, CancellationToken ct)
    {
        registry.Invalidate();
        if (await registry.FindAsync(name, ct) is not { } tenant)
        {
            return Results.NotFound();
        }

        var runs = (await provisioner.RecipeRunsAsync(name, ct)).Select(r => new HostRecipeRunRow(
            FormatDate(r.StartedUtc),
            r.Recipe,
            HostText.Get(r.FinishedUtc is null ? "HostRunRunning" : r.Succeeded ? "HostRunSucceeded" : "HostRunFailed"),
            r.Error?.ReplaceLineEndings(" ") ?? string.Empty)).ToList();
        return await views.RenderViewAsync(http, "HostTenant", tenant.DisplayName, new HostTenantView(
            [],
            new HostTenantRow(tenant.Name, tenant.DisplayName, StateText(tenant.State), string.Join(", ", tenant.Hosts), tenant.PathPrefix is null ? string.Empty : "/" + tenant.PathPrefix, tenant.State == TenantState.Running, string.Empty, string.Empty),
            runs,
            HostAuthentication.DashboardPath), Chrome);
    }

    private static string StateText(TenantState state) => state switch
    {
        TenantState.Running => HostText.Get("HostStateRunning"),
        TenantState.Disabled => HostText.Get("HostStateDisabled"),
        _ => HostText.Get("HostStateCreating"),
    };

    /// <summary>Recipes offered by name: the files *.recipe.json of the recipes folder.</summary>
    private static List<string> Recipes(DataPaths paths) =>
        Directory.Exists(paths.Recipes)
            ? Directory.EnumerateFiles(paths.Recipes, "*.recipe.json").Select(f => Path.GetFileName(f)[..^".recipe.json".Length]).Order(StringComparer.Ordinal).ToList()
            : [];

    private static string FormatDate(DateTimeOffset utc) =>
        BrusselsTime.Format(utc, "dd/MM/yyyy HH:mm:ss", CultureInfo.GetCultureInfo("fr-BE"));
}

/// <summary>The host's dashboard (HostDashboard.liquid): the tenants, the creation form and the recipes.</summary>
public sealed record HostDashboardView(
    IReadOnlyList<ErrorLinkView> Errors,
    IReadOnlyList<HostTenantRow> Tenants,
    IReadOnlyList<HostFieldView> Fields,
    IReadOnlyList<string> Recipes,
    string RecipeValue,
    string? RecipeError,
    string ApplyRecipeValue,
    string? ApplyRecipeError,
    HostCreatedView? Created,
    IReadOnlyList<HostApplyLine>? Applied,
    string SignedInAs,
    string SignOutAction) : IAdminPageView;

/// <summary>A tenant's page in the host's administration (HostTenant.liquid): its details and its recipe runs.</summary>
public sealed record HostTenantView(
    IReadOnlyList<ErrorLinkView> Errors,
    HostTenantRow Tenant,
    IReadOnlyList<HostRecipeRunRow> Runs,
    string BackUrl) : IAdminPageView;
