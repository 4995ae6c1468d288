using Municipal.Core.Resources;

namespace Municipal.Media.Resources;

/// <summary>
/// The Media module's own interface texts (MediaText.resx beside this file, French neutral; MediaText.nl.resx and the
/// like translate the same keys later). Declared to the core in MediaModule so its templates' t filter finds them.
/// </summary>
public abstract class MediaText : ResourceTexts<MediaText>;
