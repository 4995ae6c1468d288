using Municipal.Core.Resources;

namespace Municipal.Pages.Resources;

/// <summary>
/// The Pages module's own interface texts (PagesText.resx beside this file, French neutral; PagesText.nl.resx and the
/// like translate the same keys later). Declared to the core in PagesModule so its templates' t filter finds them.
/// </summary>
public abstract class PagesText : ResourceTexts<PagesText>;
