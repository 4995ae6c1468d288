namespace Municipal.Core.Resources;

/// <summary>
/// Interface texts of the core and of the themes. French (fr-BE) is the neutral resource; a file
/// CoreText.nl.resx, CoreText.de.resx or CoreText.en.resx beside it translates them for a tenant of that culture.
/// A module's own texts live in its own resource file (<see cref="ModuleTexts"/>), not here; <see cref="TextCatalog"/>
/// looks here first, then in the modules' resources.
/// </summary>
public abstract class CoreText : ResourceTexts<CoreText>;
