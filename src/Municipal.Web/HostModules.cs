using Municipal.Core.Modules;
using Municipal.Events;
using Municipal.Forms;
using Municipal.Media;
using Municipal.News;
using Municipal.Pages;
using Municipal.Theme.Default;

namespace Municipal.Web;

/// <summary>The modules this host is built with, listed explicitly: no discovery by class name.</summary>
public static class HostModules
{
    public static IReadOnlyList<IMunicipalModule> All() =>
    [
        new BackOfficeModule(),
        new DefaultThemeModule(),
        new PagesModule(),
        new NewsModule(),
        new EventsModule(),
        new MediaModule(),
        new FormsModule(),
    ];
}
