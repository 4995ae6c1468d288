namespace Municipal.Admin.Site;

/// <summary>
/// /admin/parametres: the site's settings in sections, each a form of its own (identity and branding, contact
/// details, footer, accessibility statement). A section saved is on the public site at once (the stores evict
/// the tenant's caches); a primary colour unreadable against white is refused with its measured contrast.
/// </summary>
public static class SettingsEditorEndpoints
{
    public static void MapSettingsEditor(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapAdminArea("/parametres").RequirePermission(AdminPermissions.ManageSettings);
        group.MapGet("/", ShowAsync);
        group.MapPost("/{section}", SaveAsync);
    }

    private static async Task<IResult> ShowAsync(HttpContext http, AdminViews views, SiteSettingsStore store)
    {
        var site = await store.GetAsync<SiteSettings>(http.RequestAborted);
        var statement = await store.GetAsync<AccessibilitySettings>(http.RequestAborted);
        var fields = SettingsFields.From(site, statement);
        var saved = http.Request.Query["enregistre"].ToString();
        var notice = SettingsSections.FieldsBySection.ContainsKey(saved) ? CoreText.Format("SiteSettingsSaved", SettingsSections.Title(saved)) : null;
        return await RenderAsync(http, views, fields, await LogoOptionsAsync(http, fields["logo"]), notice);
    }

    private static async Task<IResult> SaveAsync(string section, HttpContext http, AdminViews views, SiteSettingsStore store, AuditLog audit)
    {
        if (!SettingsSections.FieldsBySection.TryGetValue(section, out var ids))
        {
            return Results.NotFound();
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var site = await store.GetAsync<SiteSettings>(http.RequestAborted);
        var statement = await store.GetAsync<AccessibilitySettings>(http.RequestAborted);
        var fields = SettingsFields.From(site, statement);
        var storedLogo = fields["logo"];
        fields.Take(form, ids);
        var logos = await LogoOptionsAsync(http, storedLogo);

        // Each section is checked first; only a section without errors is saved, with its audit line.
        AccessibilitySettings? changedStatement = null;
        SiteSettings? changedSite = null;
        if (section == SettingsSections.Accessibility)
        {
            changedStatement = SettingsSections.ApplyAccessibility(fields, statement);
        }
        else
        {
            changedSite = section switch
            {
                SettingsSections.Identity => SettingsSections.ApplyIdentity(fields, site, logos?.Select(o => o.Value).ToHashSet(StringComparer.Ordinal)),
                SettingsSections.Contact => SettingsSections.ApplyContact(fields, site),
                _ => SettingsSections.ApplyFooter(fields, site),
            };
        }

        if (fields.HasErrors)
        {
            return await RenderAsync(http, views, fields, logos, notice: null, StatusCodes.Status400BadRequest);
        }

        audit.Add(AuditActions.Changed, "Settings", section, SettingsSections.Title(section));
        if (changedStatement is not null)
        {
            await store.SaveAsync(changedStatement, http.RequestAborted);
        }
        else if (changedSite is not null)
        {
            await store.SaveAsync(changedSite, http.RequestAborted);
        }

        return Results.Redirect(AdminArea.Url(http, SiteAdmin.SettingsPath) + "?enregistre=" + section + "#" + section);
    }

    /// <summary>
    /// The library's images when the media module is there (the logo is picked, not typed), with the current logo
    /// kept even if it is not in the library; null when the logo is typed as an address.
    /// </summary>
    private static async Task<IReadOnlyList<OptionView>?> LogoOptionsAsync(HttpContext http, string current)
    {
        if (IMediaCatalog.For(http.RequestServices) is not { } catalog)
        {
            return null;
        }

        var images = await catalog.ListImagesAsync(null, http.RequestAborted);
        var options = images.Select(i => new OptionView(i.Url, i.Name)).ToList();
        if (current.Length > 0 && options.All(o => o.Value != current))
        {
            options.Insert(0, new OptionView(current, CoreText.Format("SiteSettingsLogoCurrent", current)));
        }

        return options;
    }

    private static Task<IResult> RenderAsync(HttpContext http, AdminViews views, SettingsFields fields, IReadOnlyList<OptionView>? logos, string? notice, int statusCode = StatusCodes.Status200OK)
    {
        SettingsSectionView Section(string section) => new(AdminArea.Url(http, SiteAdmin.SettingsPath + "/" + section), SettingsSections.Title(section));
        SettingsFieldView Field(string id) => new(fields[id], fields.Errors.FirstOrDefault(e => e.Field == id).Message);
        var view = new SettingsView(
            fields.Errors.Select(e => new ErrorLinkView(e.Message, "#" + e.Field)).ToList(),
            notice,
            logos,
            [
                new("none", CoreText.Get("SiteSettingsStatusNone")),
                new("partial", CoreText.Get("SiteSettingsStatusPartial")),
                new("full", CoreText.Get("SiteSettingsStatusFull")),
            ],
            Section(SettingsSections.Identity),
            Section(SettingsSections.Contact),
            Section(SettingsSections.Footer),
            Section(SettingsSections.Accessibility),
            Field("site_name"),
            Field("tagline"),
            Field("logo"),
            Field("primary_color"),
            Field("address"),
            Field("phone"),
            Field("email"),
            Field("hours"),
            Field("footer_text"),
            Field("social"),
            Field("a11y_status"),
            Field("a11y_audit_date"),
            Field("a11y_statement_date"),
            Field("a11y_non_accessible"),
            Field("a11y_email"),
            Field("a11y_phone"),
            Field("a11y_enforcement"));
        return views.RenderViewAsync(http, "AdminSettings", CoreText.Get("SiteSettingsTitle"), view, statusCode);
    }
}

/// <summary>
/// The settings page (AdminSettings.liquid): one form per section, each field with its value (stored, or what was
/// posted) and its first error. Members are named after the field ids (<c>a11y_status</c> for <c>A11yStatus</c>).
/// </summary>
public sealed record SettingsView(
    IReadOnlyList<ErrorLinkView> Errors,
    string? Notice,
    IReadOnlyList<OptionView>? LogoOptions,
    IReadOnlyList<OptionView> StatusOptions,
    SettingsSectionView Identity,
    SettingsSectionView Contact,
    SettingsSectionView Footer,
    SettingsSectionView Accessibility,
    SettingsFieldView SiteName,
    SettingsFieldView Tagline,
    SettingsFieldView Logo,
    SettingsFieldView PrimaryColor,
    SettingsFieldView Address,
    SettingsFieldView Phone,
    SettingsFieldView Email,
    SettingsFieldView Hours,
    SettingsFieldView FooterText,
    SettingsFieldView Social,
    SettingsFieldView A11yStatus,
    SettingsFieldView A11yAuditDate,
    SettingsFieldView A11yStatementDate,
    SettingsFieldView A11yNonAccessible,
    SettingsFieldView A11yEmail,
    SettingsFieldView A11yPhone,
    SettingsFieldView A11yEnforcement) : IAdminPageView;

/// <summary>A section of the settings page: where its form posts, and its heading.</summary>
public sealed record SettingsSectionView(string Action, string Title);

/// <summary>A field of the settings page: its text, and its first error.</summary>
public sealed record SettingsFieldView(string Value, string? Error);
