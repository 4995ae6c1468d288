namespace Municipal.Web.Resources;

/// <summary>
/// Texts of the host: the regional operator's administration (/host), its API's problem titles and the command
/// line. Kept out of CoreText because no tenant's site shows them. French (fr-BE) is the neutral resource; a file
/// HostText.nl.resx, HostText.de.resx or HostText.en.resx beside it translates them.
/// </summary>
public abstract class HostText : ResourceTexts<HostText>;
