namespace Municipal.Core.Display;

/// <summary>What every page of a tenant shows about the site (header, footer, branding); Feeds are linked in every page's head.</summary>
public sealed record SiteView(
    string Name,
    string? Tagline,
    string Lang,
    string HomeUrl,
    string AssetsUrl,
    string? PrimaryColor,
    string? FooterText,
    string? ContactEmail,
    string? ContactPhone,
    string? Address,
    string? LogoSrc,
    IReadOnlyList<LinkView> SocialLinks,
    IReadOnlyList<LinkView> Feeds,
    IReadOnlyList<string>? OpeningHours = null);

/// <summary>A link of a menu or breadcrumb, with its URL already resolved against the tenant's path base.</summary>
public sealed record LinkView(string Label, string Url, bool IsCurrent = false, IReadOnlyList<LinkView>? Children = null);

/// <summary>The page being shown: its title (the one h1), description and breadcrumb trail.</summary>
public sealed record PageView(string Title, string? Description, IReadOnlyList<LinkView> Breadcrumb);
