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

    public string? Tagline { get; init; }

    public string? ContactEmail { get; init; }

    public string? ContactPhone { get; init; }

    public string? Address { get; init; }

    public string? FooterText { get; init; }

    /// <summary>Theme primary colour as #rrggbb; contrast is checked when the back office sets it.</summary>
    public string? PrimaryColor { get; init; }
}
