using System.Text;
using QRCoder;

namespace Municipal.Admin.Users;

/// <summary>
/// /admin/compte, for every signed-in user: their password, two-factor sign-in with an authenticator app
/// (a key to type or an otpauth:// address, a code to confirm, ten recovery codes shown once), and their open
/// sessions (<see cref="AccountSessions"/>).
/// </summary>
public static class AccountEndpoints
{
    public const string Path = "/admin/compte";
    public const string TwoFactorPath = "/admin/compte/deux-etapes";
    public const int RecoveryCodeCount = 10;

    public static void MapAccount(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapAdminArea("/compte");
        group.MapGet("/", AccountAsync);
        group.MapPost("/mot-de-passe", ChangePasswordAsync);
        group.MapGet("/deux-etapes", SetupAsync);
        group.MapPost("/deux-etapes", EnableAsync);
        group.MapPost("/deux-etapes/desactiver", DisableAsync);
        group.MapPost("/deux-etapes/codes", RenewRecoveryCodesAsync);
        group.MapAccountSessions();
    }

    private static async Task<IResult> AccountAsync(HttpContext http, AdminViews views, UserManager<IdentityUser> users) =>
        await users.GetUserAsync(http.User) is { } user ? await RenderAccountAsync(http, views, users, user, []) : Results.Forbid();

    private static async Task<IResult> ChangePasswordAsync(HttpContext http, AdminViews views, UserManager<IdentityUser> users, PasswordPolicy policy, AuditLog audit)
    {
        if (await users.GetUserAsync(http.User) is not { } user)
        {
            return Results.Forbid();
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var current = form["current"].ToString();
        var password = form["password"].ToString();
        var confirmation = form["confirmation"].ToString();
        var errors = new List<ErrorLinkView>();
        if (current.Length == 0)
        {
            errors.Add(new ErrorLinkView(CoreText.Get("AccountCurrentPasswordRequired"), "#current"));
        }

        if (password.Length == 0)
        {
            errors.Add(new ErrorLinkView(CoreText.Get("NewPasswordRequired"), "#password"));
        }
        else if (policy.Check(password) is { } weak)
        {
            errors.Add(new ErrorLinkView(CoreText.Format("UsersPasswordTooWeak", weak), "#password"));
        }
        else if (!string.Equals(password, confirmation, StringComparison.Ordinal))
        {
            errors.Add(new ErrorLinkView(CoreText.Get("NewPasswordMismatch"), "#confirmation"));
        }

        if (errors.Count == 0)
        {
            var result = await users.ChangePasswordAsync(user, current, password);
            if (result.Succeeded)
            {
                await AdminSignIn.RefreshAsync(http, user);
                await audit.RecordAsync(AuditActions.Changed, TenantUsers.AuditObjectType, user.Id, user.Email ?? user.Id, CoreText.Get("AccountAuditPassword"), http.RequestAborted);
                return Results.Redirect(AdminArea.Url(http, Path) + "?" + UserViews.DoneParameter + "=mot-de-passe");
            }

            errors.AddRange(result.Errors.Select(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)
                ? new ErrorLinkView(CoreText.Get("AccountCurrentPasswordWrong"), "#current")
                : new ErrorLinkView(e.Description, "#password")));
        }

        return await RenderAccountAsync(http, views, users, user, errors, StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> SetupAsync(HttpContext http, AdminViews views, UserManager<IdentityUser> users, TenantContext tenant)
    {
        if (await users.GetUserAsync(http.User) is not { } user)
        {
            return Results.Forbid();
        }

        if (user.TwoFactorEnabled)
        {
            return Results.Redirect(AdminArea.Url(http, Path));
        }

        return await RenderSetupAsync(http, views, users, tenant.Tenant, user, codeError: null);
    }

    private static async Task<IResult> EnableAsync(HttpContext http, AdminViews views, UserManager<IdentityUser> users, TenantContext tenant, AuditLog audit)
    {
        if (await users.GetUserAsync(http.User) is not { } user)
        {
            return Results.Forbid();
        }

        if (user.TwoFactorEnabled)
        {
            return Results.Redirect(AdminArea.Url(http, Path));
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var code = new string(form["code"].ToString().Where(char.IsAsciiDigit).ToArray());
        if (code.Length == 0)
        {
            return await RenderSetupAsync(http, views, users, tenant.Tenant, user, CoreText.Get("TwoFactorCodeRequired"));
        }

        if (await users.GetAuthenticatorKeyAsync(user) is null
            || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            return await RenderSetupAsync(http, views, users, tenant.Tenant, user, CoreText.Get("TwoFactorSetupCodeInvalid"));
        }

        Check(await users.SetTwoFactorEnabledAsync(user, true));
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToList() ?? [];
        await AdminSignIn.RefreshAsync(http, user);
        await audit.RecordAsync(AuditActions.Changed, TenantUsers.AuditObjectType, user.Id, user.Email ?? user.Id, CoreText.Get("AccountAuditTwoFactorOn"), http.RequestAborted);
        // Shown once, in this answer only (no-store): they are not kept in clear anywhere.
        return await views.RenderViewAsync(http, "AdminTwoFactorRecoveryCodes", CoreText.Get("TwoFactorCodesTitle"), new TwoFactorRecoveryCodesView([], codes, AdminArea.Url(http, Path)));
    }

    private static async Task<IResult> DisableAsync(HttpContext http, AdminViews views, UserManager<IdentityUser> users, AuditLog audit)
    {
        if (await users.GetUserAsync(http.User) is not { } user)
        {
            return Results.Forbid();
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var password = form["disable-password"].ToString();
        if (password.Length == 0 || !await users.CheckPasswordAsync(user, password))
        {
            var message = CoreText.Get(password.Length == 0 ? "AccountCurrentPasswordRequired" : "AccountCurrentPasswordWrong");
            return await RenderAccountAsync(http, views, users, user, [new ErrorLinkView(message, "#disable-password")], StatusCodes.Status400BadRequest);
        }

        Check(await users.SetTwoFactorEnabledAsync(user, false));
        Check(await users.ResetAuthenticatorKeyAsync(user));
        await AdminSignIn.RefreshAsync(http, user);
        await audit.RecordAsync(AuditActions.Changed, TenantUsers.AuditObjectType, user.Id, user.Email ?? user.Id, CoreText.Get("UsersAuditTwoFactorOff"), http.RequestAborted);
        return Results.Redirect(AdminArea.Url(http, Path) + "?" + UserViews.DoneParameter + "=deux-etapes-desactivee");
    }

    /// <summary>New recovery codes (the former ones stop working), shown once; asks the password, like turning two-factor off.</summary>
    private static async Task<IResult> RenewRecoveryCodesAsync(HttpContext http, AdminViews views, UserManager<IdentityUser> users, AuditLog audit)
    {
        if (await users.GetUserAsync(http.User) is not { } user)
        {
            return Results.Forbid();
        }

        if (!user.TwoFactorEnabled)
        {
            return Results.Redirect(AdminArea.Url(http, Path));
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var password = form["codes-password"].ToString();
        if (password.Length == 0 || !await users.CheckPasswordAsync(user, password))
        {
            var message = CoreText.Get(password.Length == 0 ? "AccountCurrentPasswordRequired" : "AccountCurrentPasswordWrong");
            return await RenderAccountAsync(http, views, users, user, [new ErrorLinkView(message, "#codes-password")], StatusCodes.Status400BadRequest);
        }

        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToList() ?? [];
        await audit.RecordAsync(AuditActions.Changed, TenantUsers.AuditObjectType, user.Id, user.Email ?? user.Id, CoreText.Get("AccountAuditRecoveryCodes"), http.RequestAborted);
        return await views.RenderViewAsync(http, "AdminTwoFactorRecoveryCodes", CoreText.Get("TwoFactorCodesTitle"), new TwoFactorRecoveryCodesView([], codes, AdminArea.Url(http, Path)));
    }

    private static async Task<IResult> RenderAccountAsync(HttpContext http, AdminViews views, UserManager<IdentityUser> users, IdentityUser user, List<ErrorLinkView> errors, int statusCode = StatusCodes.Status200OK)
    {
        var remaining = user.TwoFactorEnabled ? await users.CountRecoveryCodesAsync(user) : 0;
        var done = http.Request.Query[UserViews.DoneParameter].ToString();
        string? notice = errors.Count > 0 ? null : done switch
        {
            "mot-de-passe" => CoreText.Get("AccountNoticePassword"),
            "deux-etapes-desactivee" => CoreText.Get("AccountNoticeTwoFactorOff"),
            AccountSessions.ClosedNotice => CoreText.Get("AccountNoticeSessionClosed"),
            _ => null,
        };
        var view = new AccountView(
            errors,
            CodesLeft: CoreText.Format(remaining == 1 ? "AccountRecoveryCodesLeftOne" : "AccountRecoveryCodesLeftMany", remaining),
            CodesError: errors.FirstOrDefault(e => e.Href == "#codes-password")?.Text,
            CodesAction: AdminArea.Url(http, TwoFactorPath + "/codes"),
            Notice: notice,
            Email: user.Email,
            TwoFactor: user.TwoFactorEnabled,
            CurrentError: errors.FirstOrDefault(e => e.Href == "#current")?.Text,
            PasswordError: errors.FirstOrDefault(e => e.Href == "#password")?.Text,
            ConfirmationError: errors.FirstOrDefault(e => e.Href == "#confirmation")?.Text,
            DisableError: errors.FirstOrDefault(e => e.Href == "#disable-password")?.Text,
            PasswordAction: AdminArea.Url(http, Path + "/mot-de-passe"),
            SetupUrl: AdminArea.Url(http, TwoFactorPath),
            DisableAction: AdminArea.Url(http, TwoFactorPath + "/desactiver"));
        view = await AccountSessions.WithSessionsAsync(http, users, user, view);
        return await views.RenderViewAsync(http, "AdminUsersAccount", CoreText.Get("AccountTitle"), view, statusCode);
    }

    private static async Task<IResult> RenderSetupAsync(HttpContext http, AdminViews views, UserManager<IdentityUser> users, Tenant tenant, IdentityUser user, string? codeError)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // A new key changes the security stamp: a fresh cookie keeps this session.
            Check(await users.ResetAuthenticatorKeyAsync(user));
            key = await users.GetAuthenticatorKeyAsync(user) ?? throw new InvalidOperationException("No authenticator key.");
            await AdminSignIn.RefreshAsync(http, user);
        }

        var errors = codeError is null ? new List<ErrorLinkView>() : [new ErrorLinkView(codeError, "#code")];
        var uri = AuthenticatorUri(tenant.DisplayName, user.Email ?? user.Id, key);
        return await views.RenderViewAsync(http, "AdminTwoFactorSetup", CoreText.Get("TwoFactorSetupTitle"), new TwoFactorSetupView(
            errors,
            codeError,
            GroupsOfFour(key),
            uri,
            QrCodeDataUri(uri),
            AdminArea.Url(http, TwoFactorPath),
            AdminArea.Url(http, Path)),
        codeError is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }

    /// <summary>"ABCD EFGH IJKL ...": easier to read aloud and to type into an app.</summary>
    public static string GroupsOfFour(string key)
    {
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            text.Append(text.Length == 0 ? string.Empty : " ").Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        }

        return text.ToString().ToUpperInvariant();
    }

    /// <summary>The address authenticator apps read (key URI format): issuer, account, secret, six digits every 30 seconds.</summary>
    public static string AuthenticatorUri(string issuer, string account, string key) =>
        $"otpauth://totp/{Uri.EscapeDataString(issuer)}:{Uri.EscapeDataString(account)}?secret={key}&issuer={Uri.EscapeDataString(issuer)}&digits=6";

    /// <summary>The address as a QR code, a PNG in a data: URI (the security policy allows data: images, not inline SVG styles).</summary>
    public static string QrCodeDataUri(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        using var png = new PngByteQRCode(data);
        return "data:image/png;base64," + Convert.ToBase64String(png.GetGraphic(5));
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}

/// <summary>The account page (AdminUsersAccount.liquid): password, two-step verification, open sessions.</summary>
public sealed record AccountView(
    IReadOnlyList<ErrorLinkView> Errors,
    string CodesLeft,
    string? CodesError,
    string CodesAction,
    string? Notice,
    string? Email,
    bool TwoFactor,
    string? CurrentError,
    string? PasswordError,
    string? ConfirmationError,
    string? DisableError,
    string PasswordAction,
    string SetupUrl,
    string DisableAction,
    IReadOnlyList<AccountSessionView>? Sessions = null,
    string? SessionsIntro = null,
    string? SessionCloseAction = null,
    string? SessionsCloseAllAction = null) : IAdminPageView;

/// <summary>The recovery codes, shown once (AdminTwoFactorRecoveryCodes.liquid).</summary>
public sealed record TwoFactorRecoveryCodesView(IReadOnlyList<ErrorLinkView> Errors, IReadOnlyList<string> Codes, string AccountUrl) : IAdminPageView;

/// <summary>Turning two-step verification on (AdminTwoFactorSetup.liquid).</summary>
public sealed record TwoFactorSetupView(
    IReadOnlyList<ErrorLinkView> Errors,
    string? CodeError,
    string Key,
    string Uri,
    string QrCode,
    string FormAction,
    string AccountUrl) : IAdminPageView;
