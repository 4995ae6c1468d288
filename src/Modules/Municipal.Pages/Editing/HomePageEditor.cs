using System.Globalization;
using Municipal.Admin.Content;

namespace Municipal.Pages.Editing;

/// <summary>
/// The home page: its title, SEO description and its blocks in their order. Each block's fields are named
/// "block-&lt;n&gt;-…"; the kinds and order come from the latest revision, so a save never reorders or drops a block.
/// </summary>
public sealed class HomePageEditor(IEnumerable<IHomeListSource> lists) : IContentTypeEditor
{
    private readonly IHomeListSource[] lists = lists.ToArray();

    public string ContentType => PageTypes.HomePage;

    public string DisplayName => PagesText.Get("ContentTypeHomePage");

    public string Feature => PagesModule.Feature;

    public bool HasPath => false;

    /// <summary>The home page always answers on the site's root.</summary>
    public string? DefaultPath(string title) => string.Empty;

    public IReadOnlyList<EditorField> Fields(ContentItemRecord? item)
    {
        var content = Read(item);
        var fields = new List<EditorField> { CommonFields.TitleField(content.Title), CommonFields.MetaDescriptionField(content.Seo) };
        for (var i = 0; i < content.Blocks.Count; i++)
        {
            fields.AddRange(BlockFields(i, content.Blocks[i]));
        }

        return fields;
    }

    public EditedContent? Build(EditorValues values, ContentItemRecord? previous)
    {
        var before = Read(previous);
        var title = CommonFields.ReadTitle(values);
        var blocks = before.Blocks.Select((block, i) => ReadBlock(values, i, block)).ToList();
        var content = new HomePageContent(title, blocks, CommonFields.Seo(values, before.Seo));
        return values.IsValid ? new EditedContent(title, ContentStore.Serialize(content)) : null;
    }

    /// <summary>A new home page starts with a banner and a text block.</summary>
    private static HomePageContent Read(ContentItemRecord? item) => item is null
        ? new HomePageContent(string.Empty, [new HeroBlock(string.Empty, RichText.Empty), new TextBlock(null, RichText.Empty)])
        : ContentStore.Read<HomePageContent>(item);

    private static string Name(int index, string part) => string.Create(CultureInfo.InvariantCulture, $"block-{index}-{part}");

    private static string Number(int index) => (index + 1).ToString(CultureInfo.CurrentCulture);

    private IEnumerable<EditorField> BlockFields(int i, HomeBlock block)
    {
        var title = PagesText.Format("ContentHomeBlockTitle", Number(i));
        switch (block)
        {
            case HeroBlock hero:
                yield return new TextField(Name(i, "title"), title, hero.Title) { Required = true, Heading = PagesText.Format("ContentHomeHeroHeading", Number(i)) };
                yield return new RichTextField(Name(i, "text"), PagesText.Get("ContentHomeHeroText"), hero.Text);
                yield return new ImageField(Name(i, "image"), PagesText.Get("ContentHomeHeroImage"), hero.Image);
                break;
            case TextBlock text:
                yield return new TextField(Name(i, "title"), title, text.Title ?? string.Empty) { Heading = PagesText.Format("ContentHomeTextHeading", Number(i)) };
                yield return new RichTextField(Name(i, "body"), PagesText.Format("ContentHomeTextBody", Number(i)), text.Body);
                break;
            case QuickLinksBlock quick:
                yield return new TextField(Name(i, "title"), title, quick.Title) { Required = true, Heading = PagesText.Format("ContentHomeLinksHeading", Number(i)) };
                yield return LinksField(i, quick.Links);
                break;
            case AudiencesBlock audiences:
                yield return new TextField(Name(i, "title"), title, audiences.Title) { Required = true, Heading = PagesText.Format("ContentHomeAudiencesHeading", Number(i)) };
                yield return LinksField(i, audiences.Links);
                break;
            case ListBlock list when lists.FirstOrDefault(l => l.Kind == list.Kind) is { } source:
                yield return new TextField(Name(i, "title"), title, list.Title) { Required = true, Heading = source.Heading(Number(i)) };
                yield return new TextField(Name(i, "count"), source.CountLabel(Number(i)), list.Count.ToString(CultureInfo.InvariantCulture)) { InputType = "number", Required = true };
                break;
        }
    }

    private static LinesField LinksField(int i, IReadOnlyList<LinkItem> links) =>
        new(Name(i, "links"), PagesText.Format("ContentHomeLinks", Number(i)), links.Select(l => $"{l.Label} | {l.Url}").ToList()) { Hint = PagesText.Get("ContentHomeLinksHint") };

    private HomeBlock ReadBlock(EditorValues values, int i, HomeBlock block) => block switch
    {
        HeroBlock => new HeroBlock(values.Text(Name(i, "title")), values.Rich(Name(i, "text")), values.Image(Name(i, "image"))),
        TextBlock => new TextBlock(values.OptionalText(Name(i, "title")), values.Rich(Name(i, "body"))),
        QuickLinksBlock => new QuickLinksBlock(values.Text(Name(i, "title")), ReadLinks(values, Name(i, "links"))),
        AudiencesBlock => new AudiencesBlock(values.Text(Name(i, "title")), ReadLinks(values, Name(i, "links"))),
        // A list no loaded module offers keeps its stored values (it has no fields).
        ListBlock list when lists.Any(l => l.Kind == list.Kind) => list with { Title = values.Text(Name(i, "title")), Count = ReadCount(values, Name(i, "count"), list.Count) },
        _ => block,
    };

    /// <summary>"Libellé | adresse" per line; a line without both is refused with the line quoted.</summary>
    private static List<LinkItem> ReadLinks(EditorValues values, string name)
    {
        var links = new List<LinkItem>();
        foreach (var line in values.Lines(name))
        {
            var parts = line.Split('|', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
            {
                values.Fail(name, PagesText.Format("ContentHomeLinksInvalid", line));
                continue;
            }

            links.Add(new LinkItem(parts[0], parts[1]));
        }

        return links;
    }

    private static int ReadCount(EditorValues values, string name, int fallback)
    {
        if (int.TryParse(values.Text(name), NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count is >= 1 and <= HomeLists.MaxCount)
        {
            return count;
        }

        values.Fail(name, PagesText.Get("ContentHomeNewsCountInvalid"));
        return fallback;
    }
}
