using Municipal.Core.Resources;

namespace Municipal.Notices.Resources;

/// <summary>
/// The Notices module's own interface texts (NoticesText.resx beside this file, French neutral). Declared to the core
/// in NoticesModule so its templates' t filter and its navigation entry find them.
/// </summary>
public abstract class NoticesText : ResourceTexts<NoticesText>;
