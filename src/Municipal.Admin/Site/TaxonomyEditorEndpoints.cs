using Municipal.Core.Recipes;

namespace Municipal.Admin.Site;

/// <summary>
/// /admin/taxonomies: the taxonomies (topics, audiences) and their terms. A taxonomy is a content item: each
/// change is a new revision, published at once (ContentManager audits both). A term keeps its id when renamed,
/// since contents are filed under ids; removing a term contents are filed under asks for confirmation first.
/// </summary>
public static class TaxonomyEditorEndpoints
{
    public static void MapTaxonomyEditor(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapAdminArea("/taxonomies").RequirePermission(AdminPermissions.ManageNavigation);
        group.MapGet("/", ListAsync);
        group.MapGet("/{name}", EditAsync);
        group.MapPost("/{name}", SaveAsync);
        group.MapGet("/{name}/termes/{id}/retirer", ConfirmRemovalAsync);
        group.MapPost("/{name}/termes/{id}/retirer", RemoveAsync);
    }

    private static string EditUrl(HttpContext http, string name) => AdminArea.Url(http, SiteAdmin.TaxonomiesPath + "/" + name);

    private static async Task<IResult> ListAsync(HttpContext http, AdminViews views, TenantDbContext db)
    {
        var taxonomies = (await TaxonomyTerms.ListAsync(db, http.RequestAborted))
            .Select(t => new TaxonomySummaryView(t.Content.Name, t.Content.Title, t.Content.Terms.Count, EditUrl(http, t.Content.Name)))
            .ToList();
        return await views.RenderViewAsync(http, "AdminTaxonomyList", CoreText.Get("SiteTaxonomiesTitle"), new TaxonomyListView([], taxonomies));
    }

    private static async Task<IResult> EditAsync(string name, HttpContext http, AdminViews views, TenantDbContext db)
    {
        if (await TaxonomyTerms.FindAsync(db, name, http.RequestAborted) is not { } taxonomy)
        {
            return Results.NotFound();
        }

        var rows = taxonomy.Content.Terms.Select(t => new TermRow(t.Id, t.Name)).ToList();
        return await RenderAsync(http, views, taxonomy.Content, rows, [], string.Empty, null, Notice(http.Request.Query, rows));
    }

    private static async Task<IResult> SaveAsync(string name, HttpContext http, AdminViews views, TenantDbContext db, ContentManager content)
    {
        if (await TaxonomyTerms.FindAsync(db, name, http.RequestAborted) is not { } taxonomy)
        {
            return Results.NotFound();
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var rows = TaxonomyTerms.Read(form);
        var added = form["new-name"].ToString().Trim();
        var stored = taxonomy.Content.Terms.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        var posted = rows.Select(r => r.Id).ToList();

        // Every stored term must come back exactly once, and nothing else (new terms come through "new-name"):
        // otherwise the form is older than the taxonomy (someone else changed it meanwhile) or forged, and saving
        // it would drop terms without asking or file terms under ids nobody chose.
        if (posted.Count != stored.Count || !stored.SetEquals(posted))
        {
            var current = taxonomy.Content.Terms.Select(t => new TermRow(t.Id, t.Name)).ToList();
            return await RenderAsync(http, views, taxonomy.Content, current, [], string.Empty, null, null, StatusCodes.Status409Conflict, CoreText.Get("SiteTermsStale"));
        }

        var (verb, index) = RowList.Action(form["action"].ToString(), rows.Count);
        string? removeConfirm = null;
        var query = "?fait=enregistre";
        switch (verb)
        {
            case "up" or "down":
                index = RowList.Move(rows, index, verb == "up" ? -1 : 1);
                query = $"?fait=deplace&n={index}";
                break;
            case "remove":
                var term = rows[index];
                if (term.Id.Length > 0 && await TaxonomyTerms.UsageAsync(db, name, term.Id, http.RequestAborted) > 0)
                {
                    // Saved as typed, the term kept; it goes only once the user confirms on the next page.
                    removeConfirm = term.Id;
                }
                else
                {
                    rows.RemoveAt(index);
                    query = $"?fait=retire&libelle={Uri.EscapeDataString(term.Name)}";
                }

                break;
        }

        var errors = rows.Select((row, i) => TaxonomyTerms.Check(row.Name, CoreText.Format("SiteTermRowName", i + 1), rows.Take(i).Select(r => r.Name))).ToList();
        var addedError = verb == "add" || added.Length > 0
            ? TaxonomyTerms.Check(added, CoreText.Get("SiteTermNewName"), rows.Select(r => r.Name))
            : null;
        if (errors.Any(e => e is not null) || addedError is not null)
        {
            return await RenderAsync(http, views, taxonomy.Content, rows, errors, added, addedError, null, StatusCodes.Status400BadRequest);
        }

        if (verb == "add" || added.Length > 0)
        {
            rows.Add(new TermRow(TaxonomyTerms.NewId(added, rows.Select(r => r.Id)), added));
            query = $"?fait=ajoute&n={rows.Count - 1}";
        }

        await SaveTermsAsync(http, content, taxonomy, rows);
        return Results.Redirect(removeConfirm is null
            ? EditUrl(http, name) + query
            : EditUrl(http, name) + "/termes/" + Uri.EscapeDataString(removeConfirm) + "/retirer");
    }

    private static async Task<IResult> ConfirmRemovalAsync(string name, string id, HttpContext http, AdminViews views, TenantDbContext db)
    {
        if (await TaxonomyTerms.FindAsync(db, name, http.RequestAborted) is not { } taxonomy
            || taxonomy.Content.Terms.FirstOrDefault(t => t.Id == id) is not { } term)
        {
            return Results.NotFound();
        }

        var usage = await TaxonomyTerms.UsageAsync(db, name, id, http.RequestAborted);
        var heading = CoreText.Format("SiteTermRemoveTitle", term.Name);
        return await views.RenderViewAsync(http, "AdminTaxonomyRemove", heading, new TermRemoveView(
            [],
            heading,
            usage switch
            {
                0 => CoreText.Format("SiteTermUsageNone", term.Name),
                1 => CoreText.Format("SiteTermUsageOne", term.Name),
                _ => CoreText.Format("SiteTermUsageMany", term.Name, usage),
            },
            EditUrl(http, name) + "/termes/" + Uri.EscapeDataString(id) + "/retirer",
            EditUrl(http, name)));
    }

    private static async Task<IResult> RemoveAsync(string name, string id, HttpContext http, TenantDbContext db, ContentManager content)
    {
        if (await TaxonomyTerms.FindAsync(db, name, http.RequestAborted) is not { } taxonomy
            || taxonomy.Content.Terms.FirstOrDefault(t => t.Id == id) is not { } term)
        {
            return Results.NotFound();
        }

        var rows = taxonomy.Content.Terms.Where(t => t.Id != id).Select(t => new TermRow(t.Id, t.Name)).ToList();
        await SaveTermsAsync(http, content, taxonomy, rows);
        return Results.Redirect(EditUrl(http, name) + "?fait=retire&libelle=" + Uri.EscapeDataString(term.Name));
    }

    /// <summary>A new revision with these terms, published at once; nothing is written when nothing changed.</summary>
    private static async Task SaveTermsAsync(HttpContext http, ContentManager content, StoredTaxonomy taxonomy, IReadOnlyList<TermRow> rows)
    {
        var terms = rows.Select(r => new TaxonomyTerm(r.Id, r.Name)).ToList();
        if (terms.SequenceEqual(taxonomy.Content.Terms))
        {
            return;
        }

        var changed = taxonomy.Content with { Terms = terms };
        var author = http.User.FindFirstValue(ClaimTypes.Email) ?? http.User.Identity?.Name;
        await content.SaveAndPublishAsync(
            new ContentDraft(TaxonomyRecipeHandler.ContentTypeName, taxonomy.ContentItemId, changed.Title, null, ContentStore.Serialize(changed)),
            author,
            http.RequestAborted);
    }

    private static string? Notice(IQueryCollection query, List<TermRow> rows)
    {
        var index = int.TryParse(query["n"], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n < rows.Count ? n : -1;
        return query["fait"].ToString() switch
        {
            "enregistre" => CoreText.Get("SiteTermsSaved"),
            "ajoute" when index >= 0 => CoreText.Format("SiteTermAdded", rows[index].Name, index + 1, rows.Count),
            "deplace" when index >= 0 => CoreText.Format("SiteTermMoved", rows[index].Name, index + 1, rows.Count),
            "retire" => CoreText.Format("SiteTermRemoved", query["libelle"].ToString()),
            _ => null,
        };
    }

    private static Task<IResult> RenderAsync(
        HttpContext http,
        AdminViews views,
        TaxonomyContent taxonomy,
        List<TermRow> rows,
        List<string?> errors,
        string added,
        string? addedError,
        string? notice,
        int statusCode = StatusCodes.Status200OK,
        string? formError = null)
    {
        var rowViews = rows.Select((row, i) => new TermRowView(
            i, $"term-{i}", row.Id, row.Name, i < errors.Count ? errors[i] : null, i > 0, i < rows.Count - 1)).ToList();
        var summary = rowViews.Where(r => r.Error is not null).Select(r => new ErrorLinkView(r.Error!, $"#{r.Prefix}-name")).ToList();
        if (addedError is not null)
        {
            summary.Add(new ErrorLinkView(addedError, "#new-name"));
        }

        if (formError is not null)
        {
            summary.Insert(0, new ErrorLinkView(formError, "#terms"));
        }

        var heading = CoreText.Format("SiteTaxonomyEditTitle", taxonomy.Title);
        return views.RenderViewAsync(http, "AdminTaxonomyEdit", heading, new TaxonomyEditView(
            summary,
            heading,
            AdminArea.Url(http, SiteAdmin.TaxonomiesPath),
            EditUrl(http, taxonomy.Name),
            rowViews,
            added,
            addedError,
            notice), statusCode);
    }
}

/// <summary>The tenant's taxonomies (AdminTaxonomyList.liquid).</summary>
public sealed record TaxonomyListView(IReadOnlyList<ErrorLinkView> Errors, IReadOnlyList<TaxonomySummaryView> Taxonomies) : IAdminPageView;

/// <summary>One taxonomy's terms (AdminTaxonomyEdit.liquid): its rows, and the name of the term to add.</summary>
public sealed record TaxonomyEditView(
    IReadOnlyList<ErrorLinkView> Errors,
    string Heading,
    string ListUrl,
    string FormAction,
    IReadOnlyList<TermRowView> Rows,
    string NewName,
    string? NewError,
    string? Notice) : IAdminPageView;

/// <summary>The confirmation of a term's removal (AdminTaxonomyRemove.liquid): how many contents use it.</summary>
public sealed record TermRemoveView(IReadOnlyList<ErrorLinkView> Errors, string Heading, string Usage, string FormAction, string CancelUrl) : IAdminPageView;
