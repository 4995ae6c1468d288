namespace Municipal.Forms.Storage;

/// <summary>An attachment as the stored answers refer to it: its metadata, never its content (that lives in the private folder).</summary>
public sealed record StoredFileReference(string Name, string ContentType, long Size, string StoredPath);

/// <summary>
/// Writes accepted answers as the JSON kept in a submission row, in the API's value shapes
/// (an address as an object, a multiple choice as a list); files as their stored references.
/// </summary>
public static class SubmissionValuesJson
{
    // French answers stay readable in the database (accents unescaped); HTML-significant characters stay escaped.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static string Write(
        IReadOnlyDictionary<string, FieldValue> values, IReadOnlyDictionary<string, IReadOnlyList<StoredFileReference>> files)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in values.OrderBy(v => v.Key, StringComparer.Ordinal))
            {
                writer.WritePropertyName(name);
                WriteValue(writer, value, files.GetValueOrDefault(name) ?? []);
            }

            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteValue(Utf8JsonWriter writer, FieldValue value, IReadOnlyList<StoredFileReference> files)
    {
        switch (value)
        {
            case TextValue t:
                writer.WriteStringValue(t.Text);
                break;
            case NumberValue n:
                writer.WriteNumberValue(n.Number);
                break;
            case DateValue d:
                writer.WriteStringValue(d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                break;
            case ChoiceValue c:
                writer.WriteStringValue(c.Value);
                break;
            case MultiChoiceValue m:
                writer.WriteStartArray();
                foreach (var item in m.Values)
                {
                    writer.WriteStringValue(item);
                }

                writer.WriteEndArray();
                break;
            case BooleanValue b:
                writer.WriteBooleanValue(b.Value);
                break;
            case AddressValue a:
                writer.WriteStartObject();
                writer.WriteString("street", a.Street);
                writer.WriteString("number", a.Number);
                writer.WriteString("box", a.Box);
                writer.WriteString("postalCode", a.PostalCode);
                writer.WriteString("locality", a.Locality);
                if (a.Latitude is { } latitude && a.Longitude is { } longitude)
                {
                    writer.WriteNumber("latitude", latitude);
                    writer.WriteNumber("longitude", longitude);
                }

                writer.WriteEndObject();
                break;
            case FileListValue:
                writer.WriteStartArray();
                foreach (var file in files)
                {
                    writer.WriteStartObject();
                    writer.WriteString("name", file.Name);
                    writer.WriteString("contentType", file.ContentType);
                    writer.WriteNumber("size", file.Size);
                    writer.WriteString("storedPath", file.StoredPath);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(value), value.GetType().Name, "Unknown answer type.");
        }
    }
}
