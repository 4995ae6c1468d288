namespace Municipal.Events.Resources;

/// <summary>
/// The Events module's own interface texts (EventsText.resx beside this file, French neutral; EventsText.nl.resx and
/// the like translate the same keys later). Declared to the core in EventsModule so its templates' t filter finds them.
/// </summary>
public abstract class EventsText : ResourceTexts<EventsText>;
