namespace Municipal.Forms.PublicFlow;

/// <summary>A page of a form's public flow (<see cref="PublicFormPages.RenderAsync"/>): errors make its title "Erreur : …" and its status 400.</summary>
public interface IPublicFlowView
{
    IReadOnlyList<PublicErrorView> Errors { get; }
}

/// <summary>
/// A step's form (FormsPublicStep.liquid), or the first step on a procedure page (FormsPublicEmbedded.liquid), where
/// <see cref="StartUrl"/> leads to the form's own address when it requires signing in.
/// </summary>
public sealed record PublicStepView(
    IReadOnlyList<PublicErrorView> Errors,
    string FormTitle,
    string StepTitle,
    string Progress,
    IReadOnlyList<string> IntroParagraphs,
    IReadOnlyList<PublicFieldView> Fields,
    string Action,
    string? BackUrl,
    string TitleTag,
    string StepTag,
    string ScriptUrl,
    string? StartUrl = null) : IPublicFlowView;

/// <summary>"Vérifiez vos réponses" (FormsPublicSummary.liquid): the answers by step, and the contact e-mail asked before sending.</summary>
public sealed record PublicSummaryView(
    IReadOnlyList<PublicErrorView> Errors,
    string FormTitle,
    string Progress,
    IReadOnlyList<PublicAnswerGroupView> Groups,
    PublicFieldView EmailField,
    string Action,
    string BackUrl,
    string ScriptUrl) : IPublicFlowView;

/// <summary>"Save and resume later" (FormsPublicSave.liquid): the e-mail to send the link to, or the link just sent.</summary>
public sealed record PublicSaveView(
    IReadOnlyList<PublicErrorView> Errors,
    string FormTitle,
    PublicFieldView EmailField,
    string Action,
    string? SentTo,
    string? SentText,
    string ExpiryText,
    string ContinueUrl,
    string ScriptUrl) : IPublicFlowView;

/// <summary>The confirmation of a sent request (FormsPublicConfirmation.liquid), with its tracking code.</summary>
public sealed record PublicConfirmationView(string Code, string ReceivedText, IReadOnlyList<string> ConfirmationParagraphs, string FollowUrl) : IPublicFlowView
{
    IReadOnlyList<PublicErrorView> IPublicFlowView.Errors => [];
}

/// <summary>A short message page (FormsPublicMessage.liquid): a link not sent, an unknown resume link, too many attempts.</summary>
public sealed record PublicMessageView(IReadOnlyList<string> Paragraphs, string? LinkUrl = null, string? LinkText = null) : IPublicFlowView
{
    IReadOnlyList<PublicErrorView> IPublicFlowView.Errors => [];
}

/// <summary>
/// The citizen's follow-up page (FormsFollowUp.liquid): the look-up form (<see cref="Found"/> false: code, e-mail and
/// their errors), or the request found, its history and the answer to a question.
/// </summary>
public sealed record FollowUpView
{
    public required string Heading { get; init; }
    public bool Found { get; init; }
    public required string Code { get; init; }
    public required IReadOnlyList<Municipal.Admin.ErrorLinkView> Errors { get; init; }
    public required string Action { get; init; }
    public required string ReplyAction { get; init; }
    public required string LeaveAction { get; init; }
    public required string AntiforgeryField { get; init; }
    public required string? AntiforgeryToken { get; init; }

    // The look-up form.
    public string? Email { get; init; }
    public string? CodeError { get; init; }
    public string? EmailError { get; init; }

    // The request found.
    public string? FormTitle { get; init; }
    public string? StatusLabel { get; init; }
    public string? Created { get; init; }
    public string? Updated { get; init; }
    public IReadOnlyList<FollowUpLineView> Lines { get; init; } = [];

    /// <summary>The question the answer box answers (the agents' latest message), shown before it.</summary>
    public FollowUpLineView? Question { get; init; }
    public bool CanReply { get; init; }
    public string? Reply { get; init; }
    public string? ReplyError { get; init; }
    public int ReplyMax { get; init; }
    public string? ReplyHint { get; init; }
    public bool Replied { get; init; }
}
