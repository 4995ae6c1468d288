namespace Municipal.Forms.Counter;

/// <summary>
/// The e-counter's home (FormsCounter.liquid): every published form of the tenant grouped by topic, the title filter
/// (a GET form: it works without script) and the way to follow a request.
/// </summary>
/// <param name="Query">The filter as typed (empty when none).</param>
/// <param name="ListUrl">The page's own address: the filter's action, and the link that clears it.</param>
/// <param name="ResultText">How many forms the filter kept, when there is a filter.</param>
/// <param name="EmptyText">What the page says when no form is listed.</param>
public sealed record CounterView(
    string Query,
    string ListUrl,
    string? ResultText,
    string? EmptyText,
    string FollowUpUrl,
    IReadOnlyList<CounterTopicView> Topics);

/// <summary>A topic of the e-counter's home and its forms; the last one, "Autres démarches", holds the forms without a topic.</summary>
public sealed record CounterTopicView(string Title, IReadOnlyList<CounterFormView> Forms);

/// <summary>A form on the e-counter's home: its title, one line about it, and the page that carries it.</summary>
public sealed record CounterFormView(string Title, string? Description, string Url);
