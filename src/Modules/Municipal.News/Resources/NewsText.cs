namespace Municipal.News.Resources;

/// <summary>
/// The News module's own interface texts (NewsText.resx beside this file, French neutral; NewsText.nl.resx and the
/// like translate the same keys later). Declared to the core in NewsModule so its templates' t filter finds them.
/// </summary>
public abstract class NewsText : ResourceTexts<NewsText>;
