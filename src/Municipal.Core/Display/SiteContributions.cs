namespace Municipal.Core.Display;

/// <summary>
/// A list a module offers for the home page ("latest news", "next events"): officers place it as a block of the home
/// page (recipe and stored kind <see cref="Kind"/>), with a title and a number of items. Registered as a singleton;
/// shown only where <see cref="Feature"/> is on.
/// </summary>
public interface IHomeListSource
{
    /// <summary>The block's kind in recipes and in the stored home page, e.g. "latestNews".</summary>
    string Kind { get; }

    string Feature { get; }

    /// <summary>Class of the block's section in the theme.</summary>
    string CssClass { get; }

    /// <summary>The editor's legend of the block, numbered (in the module's texts).</summary>
    string Heading(string blockNumber);

    /// <summary>The editor's label of the number of items, numbered.</summary>
    string CountLabel(string blockNumber);

    /// <summary>The newest <paramref name="count"/> items, and the link to all of them.</summary>
    Task<HomeList> ListAsync(HttpContext http, int count, CancellationToken cancellationToken);
}

/// <summary>What a home list shows: its items and the link to the whole list.</summary>
public sealed record HomeList(IReadOnlyList<HomeListItemView> Items, LinkView? More);

/// <summary>An item of a home list: title, link, date for people and for machines.</summary>
public sealed record HomeListItemView(string Title, string Url, string Date, string IsoDate);

/// <summary>
/// A public page of a module that is no content item (a list, an agenda), for the sitemap where its feature is on:
/// <c>services.AddSingleton(new ModulePage("actualites", Feature))</c>.
/// </summary>
/// <param name="Path">Site path without the leading slash.</param>
public sealed record ModulePage(string Path, string Feature);

/// <summary>
/// A feed a module publishes; every page's head links it where its feature is on.
/// </summary>
/// <param name="Path">Site path without the leading slash ("actualites/feed.xml").</param>
/// <param name="TitleKey">Key of the feed's title in the module's texts.</param>
public sealed record SiteFeed(string Path, string TitleKey, string Feature);

/// <summary>
/// Where a menu link may point, offered by a module in the menu editor's list (published pages, an agenda...).
/// Registered scoped; asked only where <see cref="Feature"/> is on.
/// </summary>
public interface IMenuLinkSource
{
    string Feature { get; }

    /// <summary>The site paths ("/horaires") and their labels, in the order to show.</summary>
    Task<IReadOnlyList<MenuLinkTarget>> TargetsAsync(CancellationToken cancellationToken);
}

/// <summary>A place a menu link may point to.</summary>
public sealed record MenuLinkTarget(string Path, string Label);

/// <summary>
/// A link every public page of a tenant shows in its header, where <see cref="Feature"/> is on (a module's place
/// that citizens must find from anywhere, e.g. the e-counter and the follow-up of a request):
/// <c>services.AddSingleton(new SiteLink("e-guichet", "FormsCounterLink", Feature, Order: 10))</c>.
/// </summary>
/// <param name="Path">Site path without the leading slash.</param>
/// <param name="LabelKey">Key of the link's text in the module's texts.</param>
/// <param name="Order">Links are shown by this order, then by label.</param>
public sealed record SiteLink(string Path, string LabelKey, string Feature, int Order = 0);
