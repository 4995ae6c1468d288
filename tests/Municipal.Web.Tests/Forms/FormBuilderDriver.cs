using System.Net;
using Municipal.Web.Tests.Infrastructure;

namespace Municipal.Web.Tests.Forms;

/// <summary>Drives the form builder's pages over HTTP as an officer's browser would (posts, redirects).</summary>
internal static class FormBuilderDriver
{
    public const string Root = "/admin/e-guichet/formulaires";

    /// <summary>Posts a page's form to itself and expects the redirect of a success; returns where it leads (without the query).</summary>
    public static async Task<string> PostOkAsync(AdminSession session, string page, Dictionary<string, string> fields)
    {
        var response = await session.PostFormAsync(page, page, fields);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{(int)response.StatusCode} from {page}: {body}");
        var location = response.Headers.Location!.OriginalString;
        var query = location.IndexOf('?', StringComparison.Ordinal);
        return query < 0 ? location : location[..query];
    }

    /// <summary>Posts and expects the page back with an error summary (400); returns the page.</summary>
    public static async Task<string> PostRefusedAsync(AdminSession session, string page, Dictionary<string, string> fields)
    {
        var response = await session.PostFormAsync(page, page, fields);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode} from {page}: {body}");
        Assert.Contains("role=\"alert\"", body, StringComparison.Ordinal);
        Assert.Contains("<title>Erreur : ", body, StringComparison.Ordinal);
        return System.Net.WebUtility.HtmlDecode(body);
    }

    public static Task<string> CreateFormAsync(AdminSession session, string title, string slug = "") =>
        PostOkAsync(session, Root + "/nouveau", Settings(title, slug));

    public static Dictionary<string, string> Settings(string title, string slug, string retention = "365") => new()
    {
        ["title"] = title,
        ["slug"] = slug,
        ["intro"] = "",
        ["confirmation"] = "",
        ["agent-role"] = "Agent",
        ["retention"] = retention,
    };

    public static Task<string> AddStepAsync(AdminSession session, string form, string title) =>
        PostOkAsync(session, form, new() { ["action"] = "add-step", ["step-title"] = title });

    /// <summary>Adds a field to a step (1-based) and returns the address of its editor.</summary>
    public static Task<string> AddFieldAsync(AdminSession session, string form, int step, string type, string label) =>
        PostOkAsync(session, $"{form}/etapes/{step}", new() { ["action"] = "add-field", ["field-type"] = type, ["field-label"] = label });

    /// <summary>The field editor's form with its current values overridden by <paramref name="values"/>.</summary>
    public static Dictionary<string, string> Field(string label, string name, Dictionary<string, string>? values = null)
    {
        var fields = new Dictionary<string, string> { ["label"] = label, ["name"] = name };
        foreach (var (key, value) in values ?? [])
        {
            fields[key] = value;
        }

        return fields;
    }
}
