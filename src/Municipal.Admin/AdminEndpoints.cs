using System.Threading.RateLimiting;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.StaticFiles;
using Municipal.Admin.Audit;
using Municipal.Admin.Sessions;
using Municipal.Admin.Users;

namespace Municipal.Admin;

/// <summary>The back office's first pages: sign-in, dashboard, sign-out, and the admin layout's assets.</summary>
public static class AdminEndpoints
{
    public const string AssetsPath = "/admin/assets";
    public const string AuthorizationPolicy = "Municipal.Admin";
    public const string SignInRateLimitPolicy = "Municipal.Admin.SignIn";

    private static readonly FileExtensionContentTypeProvider ContentTypes = new();
    private static readonly EmbeddedAssets Assets = new(typeof(AdminEndpoints).Assembly, "wwwroot");

    public static void MapAdminEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var admin = endpoints.MapGroup("/admin")
            .WithMetadata(new AdminNoCachePolicy())
            .AddEndpointFilter(static async (context, next) =>
            {
                AdminArea.NoStore(context.HttpContext.Response);
                return await next(context);
            });

        admin.MapGet("/connexion", SignInFormAsync);
        admin.MapPost("/connexion", SignInAsync).RequireRateLimiting(SignInRateLimitPolicy);
        admin.MapPost("/deconnexion", SignOutAsync);
        admin.MapGet("/", DashboardEndpoint.RenderAsync).RequireAuthorization(AuthorizationPolicy);
        admin.MapGet("/assets/" + RichTextEditorTexts.FileName, RichTextEditorTexts.Json);
        admin.MapGet("/assets/{file}", (string file) => Asset(file));
        admin.MapPasswordReset();
        admin.MapTwoFactorSignIn();
        admin.MapInvitation();
        endpoints.MapUserAdministration();
        endpoints.MapAccount();
        endpoints.MapAuditLog();
    }

    /// <summary>A file of the admin layout (CSS, JS); the host's administration serves the same files.</summary>
    public static IResult Asset(string file)
    {
        if (file.Contains("..", StringComparison.Ordinal) || Assets.ReadBytes(file) is not { } bytes)
        {
            return Results.NotFound();
        }

        return Results.Bytes(bytes, ContentTypes.TryGetContentType(file, out var type) ? type : "application/octet-stream");
    }

    private static async Task<IResult> SignInFormAsync(HttpContext http, AdminViews views, TenantContext tenant)
    {
        if (tenant.Current is null)
        {
            return Results.NotFound();
        }

        if (http.User.Identity?.IsAuthenticated == true)
        {
            return Results.Redirect(ReturnUrl(http, http.Request.Query[TenantAuthentication.ReturnParameter]));
        }

        return await RenderSignInAsync(http, views, email: null, emailError: null, passwordError: null);
    }

    private static async Task<IResult> SignInAsync(
        HttpContext http,
        AdminViews views,
        TenantContext tenant,
        IAntiforgery antiforgery,
        UserManager<IdentityUser> users,
        IOptions<IdentityOptions> identityOptions,
        SignInThrottle throttle)
    {
        if (await FormPosts.RefusalAsync(http, tenant) is { } refused)
        {
            return refused;
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var email = form["email"].ToString().Trim();
        var password = form["password"].ToString();
        string? emailError = null;
        string? passwordError = null;
        if (email.Length == 0)
        {
            emailError = CoreText.Get("SignInEmailRequired");
        }

        if (password.Length == 0)
        {
            passwordError = CoreText.Get("SignInPasswordRequired");
        }

        if (emailError is null && passwordError is null)
        {
            if (await throttle.WaitAsync(http, email) is { } wait)
            {
                // Too soon after this client's failures for this address: no password is checked, whoever types it.
                passwordError = SignInThrottle.Message(wait);
            }
            else if (await users.FindByEmailAsync(email) is not { } user)
            {
                // Same work as for a known address, so that timing does not tell which addresses exist.
                users.PasswordHasher.VerifyHashedPassword(new IdentityUser(), DummyHash.Value, password);
                await throttle.FailedAsync(http, email);
                passwordError = CoreText.Get("SignInInvalid");
            }
            else if (!await users.CheckPasswordAsync(user, password))
            {
                // Counted for this client only (SignInThrottle): no stranger can lock the owner out with wrong passwords.
                await throttle.FailedAsync(http, email);
                passwordError = CoreText.Get("SignInInvalid");
            }
            else if (await users.IsLockedOutAsync(user))
            {
                // Told only to whoever knows the password: to anyone else a disabled account answers like an unknown
                // address. (Wrong passwords no longer lock: a lockout here was set by an administrator, or before.)
                emailError = Users.UserStates.IsDisabled(user.LockoutEnd) ? CoreText.Get("SignInDisabled") : LockedMessage(identityOptions.Value);
            }
            else
            {
                // The throttle's count is reset only once the sign-in is complete (after the code when two-factor is on).
                return await AdminSignIn.AfterPasswordAsync(http, users, user, http.Request.Query[TenantAuthentication.ReturnParameter]);
            }
        }

        return await RenderSignInAsync(http, views, email, emailError, passwordError);
    }

    private static async Task<IResult> SignOutAsync(HttpContext http, TenantContext tenant, IAntiforgery antiforgery, UserManager<IdentityUser> users, AdminSessions sessions)
    {
        if (await FormPosts.RefusalAsync(http, tenant) is { } refused)
        {
            return refused;
        }

        // Deleting the cookie only ends the session in this browser: a copy of the cookie (another tab, a stolen
        // cookie) would still be good for hours. Closing the cookie's session row makes every copy worthless, since
        // each request checks the row (TenantAuthentication.ValidatePrincipalAsync); the user's other sessions go on.
        var signedIn = await http.AuthenticateAsync(TenantAuthentication.Scheme);
        if (signedIn.Succeeded
            && signedIn.Principal.FindFirstValue(TenantAuthentication.SessionClaim) is { } session
            && await users.GetUserAsync(signedIn.Principal) is { } user)
        {
            await sessions.CloseAsync(user.Id, AdminSessions.Handle(session), http.RequestAborted);
        }

        await http.SignOutAsync(TenantAuthentication.Scheme);
        return Results.Redirect(http.Request.PathBase + TenantAuthentication.SignInPath);
    }

    private static Task<IResult> RenderSignInAsync(HttpContext http, AdminViews views, string? email, string? emailError, string? passwordError)
    {
        var noError = emailError is null && passwordError is null;
        var view = AdminViews.SignIn(email, emailError, passwordError, (http.Request.PathBase + TenantAuthentication.SignInPath + http.Request.QueryString).ToString()) with
        {
            ForgotUrl = (http.Request.PathBase + PasswordResetEndpoints.RequestPath).ToString(),
            ResetDone = noError && http.Request.Query[PasswordResetEndpoints.DoneParameter] == "1",
            InvitationDone = noError && http.Request.Query[Users.InvitationEndpoints.DoneParameter] == "1",
            TwoFactorExpired = noError && http.Request.Query[TwoFactorSignInEndpoints.TwoFactorExpiredParameter] == "1",
        };
        return views.RenderViewAsync(http, "AdminSignIn", CoreText.Get("SignInTitle"), view);
    }

    private static string LockedMessage(IdentityOptions options) =>
        CoreText.Format("SignInLockedOut", (int)Math.Ceiling(options.Lockout.DefaultLockoutTimeSpan.TotalMinutes));

    /// <summary>The French 400 page of a form without a valid antiforgery token (the host's administration uses it too).</summary>
    public static IResult AntiforgeryRefused(HttpContext http) => BadRequest(http);

    /// <summary>The French 413 page of a request body larger than the endpoint accepts (an upload too big to even read).</summary>
    public static IResult RequestTooLarge(HttpContext http)
    {
        http.Response.Headers.CacheControl = "no-store";
        return new StatusPageResult(StatusCodes.Status413PayloadTooLarge, "RequestTooLargeTitle", "RequestTooLargeBody");
    }

    /// <summary>The French 400 page of a posted body that cannot be read as a form (a NUL byte, a key over the limits).</summary>
    public static IResult UnreadableForm(HttpContext http)
    {
        http.Response.Headers.CacheControl = "no-store";
        return new StatusPageResult(StatusCodes.Status400BadRequest, "BadRequestTitle", "UnreadableFormBody");
    }

    private static StatusPageResult BadRequest(HttpContext http)
    {
        http.Response.Headers.CacheControl = "no-store";
        return new StatusPageResult(StatusCodes.Status400BadRequest, "BadRequestTitle", "AntiforgeryBody");
    }

    /// <summary>
    /// Where to go after signing in: the "retour" address when it is local to this site (a path, never "//host" or
    /// "/\host" or an absolute URL), else the dashboard.
    /// </summary>
    public static string ReturnUrl(HttpContext http, string? requested)
    {
        var pathBase = http.Request.PathBase;
        var dashboard = (pathBase + TenantAuthentication.DashboardPath).ToString();
        if (string.IsNullOrEmpty(requested) || !IsLocal(requested))
        {
            return dashboard;
        }

        // A local address of another prefix tenant on the same host is not this tenant's: back to the dashboard.
        return pathBase.HasValue && !new PathString(requested.Split('?', 2)[0]).StartsWithSegments(pathBase) ? dashboard : FormPosts.EncodeLocation(requested);
    }

    /// <summary>A local address: one slash then no slash or backslash (no other host), no control character.</summary>
    public static bool IsLocal(string url) =>
        url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(char.IsControl);

    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<IdentityUser>().HashPassword(new IdentityUser(), Guid.NewGuid().ToString("N")));

    private sealed class StatusPageResult(int statusCode, string titleKey, string bodyKey) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext) => StatusPages.WriteAsync(httpContext, statusCode, titleKey, bodyKey);
    }
}

/// <summary>Back-office answers are never stored by the output cache, signed in or not.</summary>
public sealed class AdminNoCachePolicy : IOutputCachePolicy
{
    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        context.EnableOutputCaching = false;
        context.AllowCacheLookup = false;
        context.AllowCacheStorage = false;
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        context.AllowCacheStorage = false;
        return ValueTask.CompletedTask;
    }
}

/// <summary>Services of the sign-in: cookie authentication bound to the tenant, lockout, rate limit, antiforgery.</summary>
public static class AdminServiceCollectionExtensions
{
    public static IServiceCollection AddMunicipalAdmin(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<AdminViews>();
        services.AddSingleton(new ModuleTemplates("Admin", new EmbeddedAssets(typeof(AdminEndpoints).Assembly, "Views")));

        services.AddAuthentication(TenantAuthentication.Scheme).AddCookie(TenantAuthentication.Scheme);
        services.AddOptions<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(TenantAuthentication.Scheme)
            .Configure<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider, IHttpContextAccessor>(TenantAuthentication.Configure);
        services.AddAuthorization(options =>
        {
            options.AddPolicy(AdminEndpoints.AuthorizationPolicy, policy => policy
                .AddAuthenticationSchemes(TenantAuthentication.Scheme)
                .RequireAuthenticatedUser()
                .RequireClaim(TenantAuthentication.TenantClaim));
        });
        services.AddSingleton(new AdminMenuItem("NavDashboard", TenantAuthentication.DashboardPath, Permission: null, Order: 0));
        services.AddMunicipalUsers();
        services.AddSingleton<Municipal.Core.Background.IJobHandler, PasswordResetMail>();
        services.AddScoped<AdminSessions>();
        services.AddScoped(sp => new SignInThrottle(sp.GetRequiredService<Municipal.Core.Storage.TenantDbContext>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<MunicipalOptions>>()));

        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = ".Municipal.Antiforgery";
            options.FormFieldName = "__jeton";
            options.SuppressXFrameOptionsHeader = true;
        });
        services.AddSingleton<IAntiforgeryAdditionalDataProvider, TenantAntiforgeryAdditionalData>();

        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(AdminEndpoints.SignInRateLimitPolicy, http =>
            {
                var permit = http.RequestServices.GetRequiredService<IOptions<MunicipalOptions>>().Value.SignIn.PermitPerMinute;
                return RateLimitPartition.GetFixedWindowLimiter(
                    Municipal.Core.Security.ClientKey.Of(http),
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = Math.Max(1, permit), Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
            });
            options.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                return new ValueTask(StatusPages.WriteAsync(context.HttpContext, StatusCodes.Status429TooManyRequests, "TooManyRequestsTitle", "TooManyRequestsBody"));
            };
        });

        return services;
    }
}
