namespace Municipal.Forms.Validation;

/// <summary>
/// Uploaded files: how many, how big, of which type. A file whose content does not match the type it claims (a
/// program named photo.jpg) is refused for the types whose signature is known here.
/// </summary>
public static class FileValidator
{
    public const int NameMaxLength = 255;

    /// <summary>Types whose signature is known, with the extension a download of that type is given.</summary>
    private static readonly (string Type, byte[] Signature, int Offset, string Extension)[] Signatures =
    [
        ("image/jpeg", [0xFF, 0xD8, 0xFF], 0, "jpg"),
        ("image/png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], 0, "png"),
        ("image/gif", "GIF8"u8.ToArray(), 0, "gif"),
        ("image/webp", "WEBP"u8.ToArray(), 8, "webp"),
        ("application/pdf", "%PDF-"u8.ToArray(), 0, "pdf"),
    ];

    /// <summary>Bytes enough to recognise every known signature.</summary>
    public const int SignatureLength = 16;

    public static FieldOutcome Validate(FileField field, FieldValue? value)
    {
        if (value is not null and not FileListValue)
        {
            return FieldOutcome.WrongKind(field);
        }

        var files = (value as FileListValue)?.Files ?? [];
        if (files.Count == 0)
        {
            return FieldOutcome.Missing(field, "FormsErrorFileRequired");
        }

        if (files.Count > field.MaxFiles)
        {
            return FieldOutcome.Fail(field, "FormsErrorFileTooMany", field.MaxFiles);
        }

        var errors = new List<FieldError>();
        foreach (var file in files)
        {
            var name = DisplayName(file.Name);
            if (name.Length is 0 or > NameMaxLength || LastSegment(file.Name).Any(char.IsControl))
            {
                errors.Add(Error(field, "FormsErrorFileName"));
            }
            else if (file.Content.Length == 0)
            {
                errors.Add(Error(field, "FormsErrorFileEmpty", name));
            }
            else if (file.Content.Length > field.MaxBytes)
            {
                errors.Add(Error(field, "FormsErrorFileTooBig", name, ShowSize(field.MaxBytes)));
            }
            else if (field.AcceptedTypes.Count > 0 && !field.AcceptedTypes.Contains(file.ContentType, StringComparer.OrdinalIgnoreCase))
            {
                errors.Add(Error(field, "FormsErrorFileType", name, string.Join(", ", field.AcceptedTypes)));
            }
            else if (!ContentMatchesType(file.ContentType, file.Content.Span))
            {
                errors.Add(Error(field, "FormsErrorFileLies", name));
            }
        }

        return errors.Count > 0
            ? new FieldOutcome(null, errors)
            : FieldOutcome.Accept(new FileListValue(files.Select(f => f with { Name = DisplayName(f.Name) }).ToArray()));
    }

    /// <summary>
    /// The type the bytes prove and its extension, whatever the citizen claimed or named the file: a download is
    /// typed and named from this alone, so "invoice.html" with a PNG header reaches the agent as a PNG image.
    /// Bytes of no known signature are served as opaque data.
    /// </summary>
    public static (string ContentType, string Extension) VerifiedType(ReadOnlySpan<byte> content)
    {
        foreach (var (type, signature, offset, extension) in Signatures)
        {
            if (content.Length >= offset + signature.Length && content.Slice(offset, signature.Length).SequenceEqual(signature)
                && (type != "image/webp" || content.StartsWith("RIFF"u8)))
            {
                return (type, extension);
            }
        }

        return ("application/octet-stream", "bin");
    }

    /// <summary>
    /// The citizen's file name as shown to people only: no folder, no control characters, and no bidirectional
    /// marks or overrides, which could make "photo\u202Egnp.exe" read as "photoexe.png".
    /// </summary>
    public static string DisplayName(string name) =>
        new string(LastSegment(name).Where(c => !char.IsControl(c) && !IsBidiControl(c)).ToArray()).Trim();

    private static string LastSegment(string name)
    {
        var slash = name.Replace('\\', '/');
        return slash[(slash.LastIndexOf('/') + 1)..];
    }

    private static bool IsBidiControl(char c) => c is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    /// <summary>False only when the claimed type has a known signature that the content lacks.</summary>
    public static bool ContentMatchesType(string contentType, ReadOnlySpan<byte> content)
    {
        foreach (var (type, signature, offset, _) in Signatures)
        {
            if (string.Equals(type, contentType, StringComparison.OrdinalIgnoreCase))
            {
                return content.Length >= offset + signature.Length && content.Slice(offset, signature.Length).SequenceEqual(signature);
            }
        }

        return true;
    }

    private static FieldError Error(FileField field, string key, params object[] args) =>
        new(field.Name, FormsText.Format(key, [field.Label, .. args]));

    /// <summary>A size limit as the messages show it ("5 Mo", "100 Ko").</summary>
    public static string ShowSize(long bytes) =>
        bytes >= 1024 * 1024 ? $"{bytes / (1024 * 1024)} Mo" : $"{Math.Max(1, bytes / 1024)} Ko";
}
