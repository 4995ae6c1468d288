namespace Municipal.Core.Content;

/// <summary>One typed settings section of a tenant, stored as JSON under its section name.</summary>
public sealed class SiteSettingRecord
{
    public required string Section { get; set; }

    public required string Json { get; set; }

    public DateTimeOffset ModifiedUtc { get; set; }
}

/// <summary>A typed settings section. Its name is the key under which it is stored.</summary>
public interface ISettingsSection
{
    static abstract string SectionName { get; }
}

/// <summary>What every municipality sets about itself: shown by the theme and by legal pages.</summary>
public sealed record SiteSettings : ISettingsSection
{
    public static string SectionName => "site";

    /// <summary>The name the site shows in its header and footer; the municipality's name when empty.</summary>
    public string? SiteName { get; init; }

    public string? Tagline { get; init; }

    public string? ContactEmail { get; init; }

    public string? ContactPhone { get; init; }

    public string? Address { get; init; }

    public string? FooterText { get; init; }

    /// <summary>Theme primary colour as #rrggbb; a colour under 4.5:1 against white is refused.</summary>
    public string? PrimaryColor { get; init; }

    /// <summary>Logo shown in the header: a media path or https URL, with its alternative text.</summary>
    public ImagePart? Logo { get; init; }

    public IReadOnlyList<LinkItem> SocialLinks { get; init; } = [];

    /// <summary>Opening hours of the administration, one line each ("Lundi au vendredi : 8 h 30 – 12 h").</summary>
    public IReadOnlyList<string> OpeningHours { get; init; } = [];
}

/// <summary>Conformance status, as the Walloon decree of 2 May 2019 (and EN 301 549) names it.</summary>
public enum ConformanceStatus
{
    None,
    Partial,
    Full,
}

/// <summary>The data of the accessibility statement every municipality must publish.</summary>
public sealed record AccessibilitySettings : ISettingsSection
{
    public static string SectionName => "accessibility";

    public ConformanceStatus Status { get; init; } = ConformanceStatus.None;

    /// <summary>Date of the last evaluation (ISO date).</summary>
    public string? AuditDate { get; init; }

    /// <summary>Date the statement was drawn up (ISO date).</summary>
    public string? StatementDate { get; init; }

    /// <summary>Each known non-accessible content, one Markdown sentence each.</summary>
    public IReadOnlyList<string> NonAccessibleContent { get; init; } = [];

    public string? ContactEmail { get; init; }

    public string? ContactPhone { get; init; }

    /// <summary>Where a citizen turns when the answer does not satisfy them (enforcement procedure).</summary>
    public string EnforcementUrl { get; init; } = "https://www.le-mediateur.be/";
}
