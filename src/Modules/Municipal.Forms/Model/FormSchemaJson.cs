using System.Text.Json.Serialization;

namespace Municipal.Forms.Model;

/// <summary>The outcome of reading a form definition: the form, or a French error.</summary>
public sealed record FormSchemaReadResult(FormDefinition? Form, string? Error);

/// <summary>
/// A form definition as JSON (camelCase), in the shape of the public schema:
/// <c>{ "slug", "title", "version", "steps": [ { "title", "fields": [ { "type", "name", "label", "hint", "required",
/// "options": [ { "value", "label" } ], "condition": { "field", "equals" } } ] } ] }</c>.
/// Absent values (no hint, no condition) are left out. Extra properties: on the form "intro", "confirmationText",
/// "agentRole" and "createsContent" (stored definition only), "retentionDays", "loginRequired"; on every field "personalData"; and by type
/// "minLength"/"maxLength"/"pattern"/"patternMessage" (text, textarea), "min"/"max"/"wholeNumber" (number),
/// "min"/"max" as yyyy-MM-dd (date), "display" radio|select (choice), "maxFiles"/"maxBytes"/"acceptedTypes" (file).
/// </summary>
public static class FormSchemaJson
{
    /// <summary>Nesting a form needs is 6 levels; anything much deeper is refused before it is read.</summary>
    public const int MaxDepth = 16;

    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        AllowOutOfOrderMetadataProperties = true,
        RespectNullableAnnotations = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        MaxDepth = MaxDepth,

        // Accented letters written as they are; characters that matter in HTML (< > & ') stay escaped.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    /// <summary>The stored definition, everything included.</summary>
    public static string Write(FormDefinition form) => JsonSerializer.Serialize(form, Options);

    /// <summary>The schema given to the public and other systems: without the agents' role (internal organisation).</summary>
    public static string WritePublic(FormDefinition form) => JsonSerializer.Serialize(form with { AgentRole = null, CreatesContent = null }, Options);

    /// <summary>
    /// Reads a definition and checks it (<see cref="FormDefinitionChecker"/>); never throws on bad JSON, an unknown
    /// type or a missing property.
    /// </summary>
    public static FormSchemaReadResult Read(string json)
    {
        try
        {
            var form = JsonSerializer.Deserialize<FormDefinition>(json, Options);
            if (form is null)
            {
                return new FormSchemaReadResult(null, FormsText.Get("FormsSchemaEmpty"));
            }

            var problems = FormDefinitionChecker.Check(form);
            return problems.Count > 0
                ? new FormSchemaReadResult(null, FormsText.Format("FormsSchemaUnsound", string.Join(" ", problems)))
                : new FormSchemaReadResult(form, null);
        }
        catch (JsonException ex)
        {
            var where = ex.Path is null ? "" : $" ({ex.Path})";
            return new FormSchemaReadResult(null, FormsText.Format("FormsSchemaInvalid", where));
        }
        catch (NotSupportedException)
        {
            return new FormSchemaReadResult(null, FormsText.Format("FormsSchemaInvalid", ""));
        }
    }
}
