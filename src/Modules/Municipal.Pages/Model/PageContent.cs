using System.Text.Json.Serialization;

namespace Municipal.Pages.Model;

/// <summary>Content type names of this module.</summary>
public static class PageTypes
{
    public const string Page = "Page";
    public const string Procedure = "Procedure";
    public const string HomePage = "HomePage";
}

/// <summary>A page of the site tree. Its place in the tree is its path ("vivre/environnement/dechets").</summary>
public sealed record PageContent(
    string Title,
    string? Summary,
    RichText Body,
    ImagePart? Image = null,
    SeoPart? Seo = null,
    TaxonomyPart? Taxonomy = null);

/// <summary>
/// A procedure ("Démarche"): what, who, cost, documents needed, how. <see cref="FormId"/> is where the
/// e-counter form of the procedure will sit.
/// </summary>
public sealed record ProcedureContent(
    string Title,
    string? Summary,
    RichText What,
    RichText Who,
    RichText Cost,
    IReadOnlyList<string> Documents,
    RichText How,
    SeoPart? Seo = null,
    TaxonomyPart? Taxonomy = null,
    string? FormId = null);

/// <summary>The home page: an ordered list of blocks.</summary>
public sealed record HomePageContent(string Title, IReadOnlyList<HomeBlock> Blocks, SeoPart? Seo = null);

/// <summary>
/// A block of the home page; "kind" in JSON says which. Kinds this module does not know are lists other modules
/// offer (<see cref="ListBlock"/>, shown by the module's <c>IHomeListSource</c> of that kind).
/// </summary>
[JsonConverter(typeof(HomeBlockJson))]
public abstract record HomeBlock;

public sealed record HeroBlock(string Title, RichText Text, ImagePart? Image = null) : HomeBlock;

public sealed record QuickLinksBlock(string Title, IReadOnlyList<LinkItem> Links) : HomeBlock;

/// <summary>A list another module offers ("latestNews"...): its newest <paramref name="Count"/> items, where its feature is on.</summary>
public sealed record ListBlock(string Kind, string Title, int Count) : HomeBlock, IOpenKind;

/// <summary>Bounds of the number of items of a home list.</summary>
public static class HomeLists
{
    public const int MaxCount = 12;
}

/// <summary>"Je suis..." links by audience.</summary>
public sealed record AudiencesBlock(string Title, IReadOnlyList<LinkItem> Links) : HomeBlock;

public sealed record TextBlock(string? Title, RichText Body) : HomeBlock;
