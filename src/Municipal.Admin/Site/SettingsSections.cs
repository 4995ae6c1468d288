namespace Municipal.Admin.Site;

/// <summary>The fields of the settings page, by field id, as text: the stored settings, or what was posted.</summary>
public sealed class SettingsFields
{
    public Dictionary<string, string> Values { get; } = new(StringComparer.Ordinal);

    /// <summary>Errors in the order of the fields, for the error summary.</summary>
    public List<(string Field, string Message)> Errors { get; } = [];

    public bool HasErrors => Errors.Count > 0;

    public string this[string field] => Values.GetValueOrDefault(field) ?? string.Empty;

    public void Error(string field, string message) => Errors.Add((field, message));

    public static SettingsFields From(SiteSettings site, AccessibilitySettings statement)
    {
        var fields = new SettingsFields();
        var v = fields.Values;
        v["site_name"] = site.SiteName ?? string.Empty;
        v["tagline"] = site.Tagline ?? string.Empty;
        v["logo"] = site.Logo?.Src ?? string.Empty;
        v["primary_color"] = site.PrimaryColor ?? string.Empty;
        v["address"] = site.Address ?? string.Empty;
        v["phone"] = site.ContactPhone ?? string.Empty;
        v["email"] = site.ContactEmail ?? string.Empty;
        v["hours"] = string.Join('\n', site.OpeningHours);
        v["footer_text"] = site.FooterText ?? string.Empty;
        v["social"] = string.Join('\n', site.SocialLinks.Select(l => $"{l.Label} | {l.Url}"));
        v["a11y_status"] = statement.Status.ToString().ToLowerInvariant();
        v["a11y_audit_date"] = statement.AuditDate ?? string.Empty;
        v["a11y_statement_date"] = statement.StatementDate ?? string.Empty;
        v["a11y_non_accessible"] = string.Join('\n', statement.NonAccessibleContent);
        v["a11y_email"] = statement.ContactEmail ?? string.Empty;
        v["a11y_phone"] = statement.ContactPhone ?? string.Empty;
        v["a11y_enforcement"] = statement.EnforcementUrl;
        return fields;
    }

    /// <summary>Replaces the values of <paramref name="ids"/> by what the form posted.</summary>
    public void Take(IFormCollection form, IEnumerable<string> ids)
    {
        foreach (var id in ids)
        {
            Values[id] = form[id].ToString().Trim().ReplaceLineEndings("\n");
        }
    }
}

/// <summary>The sections of the settings page: their fields, and how each turns posted text into typed settings.</summary>
public static class SettingsSections
{
    public const string Identity = "identite";
    public const string Contact = "coordonnees";
    public const string Footer = "pied-de-page";
    public const string Accessibility = "accessibilite";

    public static readonly IReadOnlyDictionary<string, string[]> FieldsBySection = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        [Identity] = ["site_name", "tagline", "logo", "primary_color"],
        [Contact] = ["address", "phone", "email", "hours"],
        [Footer] = ["footer_text", "social"],
        [Accessibility] = ["a11y_status", "a11y_audit_date", "a11y_statement_date", "a11y_non_accessible", "a11y_email", "a11y_phone", "a11y_enforcement"],
    };

    public static string Title(string section) => CoreText.Get(section switch
    {
        Identity => "SiteSettingsIdentity",
        Contact => "SiteSettingsContact",
        Footer => "SiteSettingsFooter",
        _ => "SiteSettingsAccessibility",
    });

    /// <param name="logos">The addresses the logo select offers, or null when the logo is typed as an address.</param>
    public static SiteSettings ApplyIdentity(SettingsFields f, SiteSettings site, IReadOnlySet<string>? logos)
    {
        Length(f, "site_name", 100);
        Length(f, "tagline", 200);
        var logo = f["logo"];
        if (logo.Length > 0 && (logos is null ? !SiteAddresses.IsAllowed(logo) : !logos.Contains(logo)))
        {
            f.Error("logo", CoreText.Get(logos is null ? "SiteSettingsLogoInvalid" : "SiteSettingsLogoUnknown"));
        }

        var color = f["primary_color"].ToLowerInvariant();
        if (color.Length == 6 && !color.StartsWith('#'))
        {
            color = "#" + color;
        }

        if (color.Length > 0 && !ColorContrast.TryParseHex(color, out _))
        {
            f.Error("primary_color", CoreText.Get("SiteSettingsColorFormat"));
        }
        else if (color.Length > 0 && ColorContrast.AgainstWhite(color) is var ratio && ratio < ColorContrast.MinimumTextContrast)
        {
            // Rounded down: a ratio of 4.46 must not read "4,5:1" in a message that refuses it.
            var shown = (Math.Floor(ratio * 10) / 10).ToString("0.0", CultureInfo.CurrentCulture);
            f.Error("primary_color", CoreText.Format("SiteSettingsColorContrast", color, shown, ColorContrast.MinimumTextContrast.ToString("0.0", CultureInfo.CurrentCulture)));
        }

        return site with
        {
            SiteName = Optional(f["site_name"]),
            Tagline = Optional(f["tagline"]),
            Logo = logo.Length == 0 ? null : new ImagePart(logo, string.Empty),
            PrimaryColor = Optional(color),
        };
    }

    public static SiteSettings ApplyContact(SettingsFields f, SiteSettings site)
    {
        Length(f, "address", 300);
        Length(f, "phone", 50);
        Email(f, "email");
        Length(f, "hours", 1000);
        return site with
        {
            Address = Optional(f["address"]),
            ContactPhone = Optional(f["phone"]),
            ContactEmail = Optional(f["email"]),
            OpeningHours = Lines(f["hours"]),
        };
    }

    public static SiteSettings ApplyFooter(SettingsFields f, SiteSettings site)
    {
        Length(f, "footer_text", 1000);
        var links = new List<LinkItem>();
        foreach (var (line, number) in f["social"].Split('\n').Select((l, i) => (l.Trim(), i + 1)).Where(l => l.Item1.Length > 0))
        {
            var bar = line.LastIndexOf('|');
            var label = bar > 0 ? line[..bar].Trim() : string.Empty;
            var url = bar > 0 ? line[(bar + 1)..].Trim() : string.Empty;
            if (label.Length == 0 || label.Length > 100 || !IsHttps(url))
            {
                f.Error("social", CoreText.Format("SiteSettingsSocialLine", number));
                break;
            }

            links.Add(new LinkItem(label, url));
        }

        return site with { FooterText = Optional(f["footer_text"]), SocialLinks = links };
    }

    public static AccessibilitySettings ApplyAccessibility(SettingsFields f, AccessibilitySettings statement)
    {
        var status = f["a11y_status"] switch
        {
            "full" => ConformanceStatus.Full,
            "partial" => ConformanceStatus.Partial,
            "none" => ConformanceStatus.None,
            _ => (ConformanceStatus?)null,
        };
        if (status is null)
        {
            f.Error("a11y_status", CoreText.Get("SiteSettingsStatusRequired"));
        }

        Date(f, "a11y_audit_date");
        Date(f, "a11y_statement_date");
        Length(f, "a11y_non_accessible", 5000);
        Email(f, "a11y_email");
        Length(f, "a11y_phone", 50);
        var enforcement = f["a11y_enforcement"];
        if (enforcement.Length > 0 && !IsHttps(enforcement))
        {
            f.Error("a11y_enforcement", CoreText.Get("SiteSettingsHttpsRequired"));
        }

        return statement with
        {
            Status = status ?? statement.Status,
            AuditDate = Optional(f["a11y_audit_date"]),
            StatementDate = Optional(f["a11y_statement_date"]),
            NonAccessibleContent = Lines(f["a11y_non_accessible"]),
            ContactEmail = Optional(f["a11y_email"]),
            ContactPhone = Optional(f["a11y_phone"]),
            EnforcementUrl = enforcement.Length == 0 ? new AccessibilitySettings().EnforcementUrl : enforcement,
        };
    }

    private static string? Optional(string value) => value.Length == 0 ? null : value;

    private static List<string> Lines(string value) =>
        value.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

    private static bool IsHttps(string url) =>
        !url.Any(char.IsWhiteSpace) && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && uri.Host.Length > 0;

    private static void Length(SettingsFields f, string field, int max)
    {
        if (f[field].Length > max)
        {
            f.Error(field, CoreText.Format("SiteSettingsTooLong", max));
        }
    }

    private static void Email(SettingsFields f, string field)
    {
        var value = f[field];
        var at = value.IndexOf('@', StringComparison.Ordinal);
        if (value.Length > 0 && (value.Length > 254 || at < 1 || at != value.LastIndexOf('@') || at == value.Length - 1 || value.Any(char.IsWhiteSpace)))
        {
            f.Error(field, CoreText.Get("SiteSettingsEmailInvalid"));
        }
    }

    private static void Date(SettingsFields f, string field)
    {
        var value = f[field];
        if (value.Length > 0 && !DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            f.Error(field, CoreText.Get("SiteSettingsDateInvalid"));
        }
    }
}
