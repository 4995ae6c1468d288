using Microsoft.AspNetCore.Http;
using Municipal.Core.Modules;

namespace Municipal.Pages.Public;

/// <summary>Shows a page of the site tree, with its breadcrumb and the items filed under it.</summary>
public sealed class PageDisplay(ContentStore store, ThemePageRenderer renderer) : IContentDisplay
{
    public string ContentType => PageTypes.Page;

    public string Feature => PagesModule.Feature;

    public async Task<IResult> DisplayAsync(ContentItemRecord item, HttpContext http)
    {
        var content = ContentStore.Read<PageContent>(item);
        var path = item.Path!;
        var children = await store.ListChildrenAsync(path, http.RequestAborted);
        var page = new PageView(content.Title, content.Seo?.MetaDescription ?? content.Summary, await ContentBreadcrumb.BuildAsync(http, store, path, content.Title));
        return await renderer.RenderViewAsync(http, page, "Page", new PageContentView(
            content.Summary,
            content.Body.Html,
            content.Image?.Src,
            content.Image?.Alt,
            children.Select(c => new LinkView(c.DisplayText, ThemePageRenderer.Url(http, "/" + c.Path))).ToArray()));
    }
}

/// <summary>Shows a procedure: what, who, cost, documents, how.</summary>
public sealed class ProcedureDisplay(ContentStore store, ThemePageRenderer renderer) : IContentDisplay
{
    public string ContentType => PageTypes.Procedure;

    public string Feature => PagesModule.Feature;

    public async Task<IResult> DisplayAsync(ContentItemRecord item, HttpContext http)
    {
        var content = ContentStore.Read<ProcedureContent>(item);
        var page = new PageView(content.Title, content.Seo?.MetaDescription ?? content.Summary, await ContentBreadcrumb.BuildAsync(http, store, item.Path!, content.Title));

        // The e-counter's form of the procedure, first step right on the page (when the Forms module is loaded and the form is on).
        var formHtml = string.IsNullOrWhiteSpace(content.FormId) || http.RequestServices.GetService(typeof(IEmbeddedForms)) is not IEmbeddedForms forms
            ? null
            : await forms.FirstStepHtmlAsync(http, content.FormId);
        return await renderer.RenderViewAsync(http, page, "Procedure", new ProcedureView(
            formHtml,
            content.Summary,
            content.What.Html,
            content.Who.Html,
            content.Cost.Html,
            content.Documents,
            content.How.Html));
    }
}

/// <summary>A page of the site tree (Page.liquid): its text, lead image and the items filed under it.</summary>
public sealed record PageContentView(string? Summary, string BodyHtml, string? ImageSrc, string? ImageAlt, IReadOnlyList<LinkView> Children);

/// <summary>A procedure (Procedure.liquid): what, who, cost, documents, how, and the first step of its form.</summary>
public sealed record ProcedureView(
    string? FormHtml,
    string? Summary,
    string WhatHtml,
    string WhoHtml,
    string CostHtml,
    IReadOnlyList<string> Documents,
    string HowHtml);
