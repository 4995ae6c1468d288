namespace Municipal.Core.Content;

/// <summary>
/// The small typed parts content types are made of. A content type is a record of such parts; it is serialized
/// to the item's JSON and read back as the same record. No dynamic, no string-keyed bag.
/// </summary>
/// <param name="Src">A media path of the tenant (media library) or an absolute https URL.</param>
/// <param name="Alt">Alternative text; empty only for a decorative image.</param>
public sealed record ImagePart(string Src, string Alt);

/// <summary>What search engines and social networks show.</summary>
public sealed record SeoPart(string? MetaDescription = null, string? SocialTitle = null, string? SocialImage = null);

/// <summary>Terms of the tenant's taxonomies (topics, audiences) an item is filed under.</summary>
public sealed record TaxonomyPart(IReadOnlyList<string> Topics, IReadOnlyList<string> Audiences)
{
    public static readonly TaxonomyPart None = new([], []);
}

/// <summary>A link of a link list (quick links, "Je suis..." links).</summary>
public sealed record LinkItem(string Label, string Url);

/// <summary>A term of a taxonomy: stable id (used by items) and its display name.</summary>
public sealed record TaxonomyTerm(string Id, string Name);

/// <summary>A taxonomy (topics, audiences), itself a content item so it is versioned and editable.</summary>
public sealed record TaxonomyContent(string Name, string Title, IReadOnlyList<TaxonomyTerm> Terms);
