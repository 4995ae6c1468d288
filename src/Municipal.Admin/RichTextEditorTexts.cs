namespace Municipal.Admin;

/// <summary>
/// The rich-text editor's words (editor.js asks for them before it starts), from CoreText like every word of the back
/// office: GET /admin/assets/editor-texts.json. "{0}" in a text is filled in by the editor.
/// </summary>
public static class RichTextEditorTexts
{
    public const string FileName = "editor-texts.json";

    // The editor's name of each text (src/Municipal.Admin/editor/src/texts.js) and its key in CoreText.resx.
    private static readonly (string Name, string Key)[] Keys =
    [
        ("toolbarLabel", "EditorToolbarLabel"),
        ("bold", "EditorBold"),
        ("italic", "EditorItalic"),
        ("heading", "EditorHeading"),
        ("bulletList", "EditorBulletList"),
        ("orderedList", "EditorOrderedList"),
        ("blockquote", "EditorBlockquote"),
        ("link", "EditorLink"),
        ("image", "EditorImage"),
        ("undo", "EditorUndo"),
        ("redo", "EditorRedo"),
        ("linkDialogTitle", "EditorLinkDialogTitle"),
        ("linkText", "EditorLinkText"),
        ("linkTextHint", "EditorLinkTextHint"),
        ("linkHref", "EditorLinkHref"),
        ("linkHrefHint", "EditorLinkHrefHint"),
        ("linkHrefMissing", "EditorLinkHrefMissing"),
        ("linkHrefRefused", "EditorLinkHrefRefused"),
        ("insert", "EditorInsert"),
        ("removeLink", "EditorRemoveLink"),
        ("cancel", "EditorCancel"),
        ("linkInserted", "EditorLinkInserted"),
        ("linkRemoved", "EditorLinkRemoved"),
        ("imageDialogTitle", "EditorImageDialogTitle"),
        ("imageSearch", "EditorImageSearch"),
        ("imageSearchHint", "EditorImageSearchHint"),
        ("imageList", "EditorImageList"),
        ("imageLoading", "EditorImageLoading"),
        ("imageCountOne", "EditorImageCountOne"),
        ("imageCount", "EditorImageCount"),
        ("imageNone", "EditorImageNone"),
        ("imageLoadFailed", "EditorImageLoadFailed"),
        ("imageMissing", "EditorImageMissing"),
        ("imageInserted", "EditorImageInserted"),
        ("imageLibraryEmpty", "EditorImageLibraryEmpty"),
        ("imageUploadTitle", "EditorImageUploadTitle"),
        ("imageUploadFile", "EditorImageUploadFile"),
        ("imageUploadFileHint", "EditorImageUploadFileHint"),
        ("imageUploadAlt", "EditorImageUploadAlt"),
        ("imageUploadAltHint", "EditorImageUploadAltHint"),
        ("imageUploadButton", "EditorImageUploadButton"),
        ("imageUploadFileMissing", "EditorImageUploadFileMissing"),
        ("imageUploadAltMissing", "EditorImageUploadAltMissing"),
        ("imageUploading", "EditorImageUploading"),
        ("imageUploadFailed", "EditorImageUploadFailed"),
        ("imageUploadTooLarge", "EditorImageUploadTooLarge"),
        ("imageUploaded", "EditorImageUploaded"),
        ("linkSearch", "EditorLinkSearch"),
        ("linkSearchHint", "EditorLinkSearchHint"),
        ("linkSearchResults", "EditorLinkSearchResults"),
        ("linkSearchNone", "EditorLinkSearchNone"),
        ("linkSearchCountOne", "EditorLinkSearchCountOne"),
        ("linkSearchCount", "EditorLinkSearchCount"),
        ("linkSearchFailed", "EditorLinkSearchFailed"),
        ("linkSearchChosen", "EditorLinkSearchChosen"),
        ("linkSearchDraft", "EditorLinkSearchDraft"),
        ("errorPrefix", "ErrorPrefix"),
    ];

    /// <summary>The texts in the request's UI culture, by the editor's names.</summary>
    public static IReadOnlyDictionary<string, string> Current() => Keys.ToDictionary(pair => pair.Name, pair => CoreText.Get(pair.Key), StringComparer.Ordinal);

    public static IResult Json() => Results.Json(Current());
}
