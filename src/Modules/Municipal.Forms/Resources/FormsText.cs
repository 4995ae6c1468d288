namespace Municipal.Forms.Resources;

/// <summary>
/// The Forms module's own interface texts (FormsText.resx beside this file, French neutral; FormsText.nl.resx and the
/// like translate the same keys later). Declared to the core in FormsModule so its templates' t filter finds them.
/// </summary>
public abstract class FormsText : ResourceTexts<FormsText>;
