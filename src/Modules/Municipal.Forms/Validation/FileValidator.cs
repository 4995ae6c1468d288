using Municipal.Forms.Models;

namespace Municipal.Forms.Validation;

/// <summary>
/// Uploaded files: how many, how big, of which type. A file whose content does not match the type it claims (a
/// program named photo.jpg) is refused for the types whose signature is known here.
/// </summary>
public static class FileValidator
{
    public const int NameMaxLength = 255;

    private static readonly (string Type, byte[] Signature, int Offset)[] Signatures =
    [
        ("image/jpeg", [0xFF, 0xD8, 0xFF], 0),
        ("image/png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], 0),
        ("image/gif", "GIF8"u8.ToArray(), 0),
        ("image/webp", "WEBP"u8.ToArray(), 8),
        ("application/pdf", "%PDF-"u8.ToArray(), 0),
    ];

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
            var name = Path.GetFileName(file.Name.Replace('\\', '/')).Trim();
            if (name.Length is 0 or > NameMaxLength || name.Any(char.IsControl))
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
            : FieldOutcome.Accept(new FileListValue(files.Select(f => f with { Name = Path.GetFileName(f.Name.Replace('\\', '/')).Trim() }).ToArray()));
    }

    /// <summary>False only when the claimed type has a known signature that the content lacks.</summary>
    public static bool ContentMatchesType(string contentType, ReadOnlySpan<byte> content)
    {
        foreach (var (type, signature, offset) in Signatures)
        {
            if (string.Equals(type, contentType, StringComparison.OrdinalIgnoreCase))
            {
                return content.Length >= offset + signature.Length && content.Slice(offset, signature.Length).SequenceEqual(signature);
            }
        }

        return true;
    }

    private static FieldError Error(FileField field, string key, params object[] args) =>
        new(field.Name, Core.Resources.CoreText.Format(key, [field.Label, .. args]));

    private static string ShowSize(long bytes) =>
        bytes >= 1024 * 1024 ? $"{bytes / (1024 * 1024)} Mo" : $"{Math.Max(1, bytes / 1024)} Ko";
}
