using Xunit;

namespace Municipal.Browser.Tests;

/// <summary>One address of each public page type of the sample municipality ("demo" recipe).</summary>
public static class DemoPages
{
    public const string Home = "/";

    /// <summary>A page of the tree with a parent and grandparent: a breadcrumb of four items.</summary>
    public const string NestedPage = "/vivre-a-valmont/environnement/dechets";

    /// <summary>A page of the tree with pages under it: the "Dans cette rubrique" list.</summary>
    public const string ParentPage = "/vivre-a-valmont";

    public const string Procedure = "/demarches/carte-identite";

    public const string NewsList = "/actualites";

    /// <summary>The second (and last) page of the news list: the demo has 20 articles, 10 a page.</summary>
    public const string NewsListPage2 = "/actualites?page=2";

    public const string NewsArticle = "/actualites/marche-de-noel-2026";

    /// <summary>The accessibility statement, drawn up from the tenant's settings.</summary>
    public const string Accessibility = "/accessibilite";

    /// <summary>An address the tenant does not have: its own 404 page.</summary>
    public const string Missing = "/nexiste-pas";

    public static IReadOnlyList<string> Paths { get; } =
        [Home, NestedPage, ParentPage, Procedure, NewsList, NewsListPage2, NewsArticle, Accessibility, Missing];

    /// <summary><see cref="Paths"/> as the data of a theory.</summary>
    public static TheoryData<string> All => new(Paths);

    public static int ExpectedStatus(string path) => path == Missing ? 404 : 200;
}
