namespace Municipal.Forms.Api;

/// <summary>A submission as read: the citizen's e-mail, the answers typed by their field, and what could not be read.</summary>
public sealed record SubmissionInput(string? Email, IReadOnlyDictionary<string, FieldValue> Values, IReadOnlyList<FieldError> Errors);

/// <summary>
/// Reads a submission body <c>{ "email": "...", "values": { "&lt;field name&gt;": value } }</c> against a form.
/// Never throws: bad JSON, wrong kinds, huge strings and deep nesting become French errors naming the field.
/// Values for names the form does not have are refused (an error on that name), so that a client's typo is told
/// rather than silently lost. Null means "no answer".
/// </summary>
public static class SubmissionReader
{
    /// <summary>A submission is at most 5 levels deep (body, values, file list, file); deeper is refused at parse time.</summary>
    public const int MaxDepth = 6;

    /// <summary>Above this, a string answer is refused without being looked at further (limits are checked later).</summary>
    public const int MaxStringLength = 25_000;

    public const int MaxListItems = 100;

    public static SubmissionInput Read(FormDefinition form, string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = MaxDepth });
            return Read(form, document.RootElement);
        }
        catch (JsonException)
        {
            return Failed(FormsText.Get("FormsErrorBodyNotJson"));
        }
    }

    /// <summary>Never throws: text that is not valid Unicode (an escaped lone surrogate "\uD800") is refused like a body that is not JSON.</summary>
    public static SubmissionInput Read(FormDefinition form, JsonElement root)
    {
        try
        {
            return ReadObject(form, root);
        }
        catch (InvalidOperationException)
        {
            // JsonElement.GetString() cannot turn an escaped lone surrogate into a string.
            return Failed(FormsText.Get("FormsErrorBodyNotJson"));
        }
    }

    private static SubmissionInput ReadObject(FormDefinition form, JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return Failed(FormsText.Get("FormsErrorBodyNotObject"));
        }

        var errors = new List<FieldError>();
        string? email = null;
        if (!root.TryGetProperty("email", out var emailElement) || emailElement.ValueKind == JsonValueKind.Null)
        {
            errors.Add(new FieldError("email", FormsText.Get("FormsErrorSubmitterEmailRequired")));
        }
        else if (emailElement.ValueKind != JsonValueKind.String || !EmailValidator.IsValid(emailElement.GetString()!.Trim()))
        {
            errors.Add(new FieldError("email", FormsText.Get("FormsErrorSubmitterEmailInvalid")));
        }
        else
        {
            email = emailElement.GetString()!.Trim();
        }

        if (!root.TryGetProperty("values", out var values) || values.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new FieldError("values", FormsText.Get("FormsErrorValuesNotObject")));
            return new SubmissionInput(email, new Dictionary<string, FieldValue>(), errors);
        }

        var read = ReadValues(form, values);
        errors.AddRange(read.Errors);
        return new SubmissionInput(email, read.Values, errors);
    }

    /// <summary>Reads the <c>values</c> object alone.</summary>
    public static SubmissionInput ReadValues(FormDefinition form, JsonElement values)
    {
        var fields = form.AllFields().ToDictionary(f => f.Name, StringComparer.Ordinal);
        var answers = new Dictionary<string, FieldValue>(StringComparer.Ordinal);
        var errors = new List<FieldError>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var unknown = new List<string>();
        foreach (var property in values.EnumerateObject())
        {
            if (!fields.TryGetValue(property.Name, out var field))
            {
                unknown.Add(property.Name);
                continue;
            }

            if (!seen.Add(property.Name))
            {
                errors.Add(new FieldError(field.Name, FormsText.Format("FormsErrorDuplicate", field.Label)));
                answers.Remove(field.Name);
                continue;
            }

            var outcome = ReadValue(field, property.Value);
            if (outcome.Value is not null)
            {
                answers[field.Name] = outcome.Value;
            }

            errors.AddRange(outcome.Errors);
        }

        if (unknown.Count > 0)
        {
            var shown = string.Join(", ", unknown.Take(5).Select(n => FormsText.Format("FormsQuoted", Shorten(n))));
            errors.Add(new FieldError("values", FormsText.Format("FormsErrorUnknownFields", shown, unknown.Count)));
        }

        return new SubmissionInput(null, answers, errors);
    }

    /// <summary>One answer, converted to the value type of its field. Limits and checksums are the validators' job.</summary>
    public static FieldOutcome ReadValue(FormField field, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return FieldOutcome.Empty;
        }

        return field switch
        {
            InfoField => FieldOutcome.Fail(field, "FormsErrorInfoTakesNoValue"),
            TextualField or EmailField or PhoneField or NrnField or IbanField => ReadText(field, value, v => new TextValue(v)),
            ChoiceField => ReadText(field, value, v => new ChoiceValue(v)),
            NumberField => ReadNumber(field, value),
            DateField => ReadDate(field, value),
            BooleanField or ConsentField => value.ValueKind switch
            {
                JsonValueKind.True => FieldOutcome.Accept(new BooleanValue(true)),
                JsonValueKind.False => FieldOutcome.Accept(new BooleanValue(false)),
                _ => FieldOutcome.WrongKind(field),
            },
            MultiChoiceField => ReadMultiChoice(field, value),
            FileField file => ReadFiles(file, value),
            AddressField => ReadAddress(field, value),
            _ => FieldOutcome.WrongKind(field),
        };
    }

    private static FieldOutcome ReadText(FormField field, JsonElement value, Func<string, FieldValue> make)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return FieldOutcome.WrongKind(field);
        }

        // The raw length bounds the work before the string is even materialised (escapes only make it shorter).
        if (value.GetRawText().Length > MaxStringLength * 6 || value.GetString()!.Length > MaxStringLength)
        {
            return FieldOutcome.Fail(field, "FormsErrorTextTooLong", MaxStringLength);
        }

        var text = value.GetString()!;
        return text.Length == 0 ? FieldOutcome.Empty : FieldOutcome.Accept(make(text));
    }

    private static FieldOutcome ReadNumber(FormField field, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Number)
        {
            return value.TryGetDecimal(out var number)
                ? FieldOutcome.Accept(new NumberValue(number))
                : FieldOutcome.Fail(field, "FormsErrorNumberInvalid");
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            return FieldOutcome.WrongKind(field);
        }

        var text = value.GetString()!.Trim();
        if (text.Length == 0)
        {
            return FieldOutcome.Empty;
        }

        // Typed by a person: "12,5" as well as "12.5"; no thousands separators, no exponent.
        return text.Length <= 40 && decimal.TryParse(text.Replace(',', '.'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed)
            ? FieldOutcome.Accept(new NumberValue(parsed))
            : FieldOutcome.Fail(field, "FormsErrorNumberInvalid");
    }

    private static FieldOutcome ReadDate(FormField field, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return FieldOutcome.WrongKind(field);
        }

        var text = value.GetString()!.Trim();
        if (text.Length == 0)
        {
            return FieldOutcome.Empty;
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? FieldOutcome.Accept(new DateValue(date))
            : FieldOutcome.Fail(field, "FormsErrorDateInvalid");
    }

    private static FieldOutcome ReadMultiChoice(FormField field, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            return FieldOutcome.WrongKind(field);
        }

        if (value.GetArrayLength() > MaxListItems)
        {
            return FieldOutcome.Fail(field, "FormsErrorChoiceUnknown");
        }

        var chosen = new List<string>();
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || item.GetRawText().Length > 1_000)
            {
                return FieldOutcome.WrongKind(field);
            }

            chosen.Add(item.GetString()!);
        }

        return FieldOutcome.Accept(new MultiChoiceValue(chosen));
    }

    private static FieldOutcome ReadFiles(FileField field, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            return FieldOutcome.WrongKind(field);
        }

        if (value.GetArrayLength() > field.MaxFiles)
        {
            return FieldOutcome.Fail(field, "FormsErrorFileTooMany", field.MaxFiles);
        }

        var files = new List<UploadedFile>();
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object
                || !TryGetString(item, "name", 1_000, out var name)
                || !TryGetString(item, "contentType", 200, out var contentType)
                || !item.TryGetProperty("base64", out var base64) || base64.ValueKind != JsonValueKind.String)
            {
                return FieldOutcome.WrongKind(field);
            }

            // Checked on the encoded length, before decoding: 4 characters carry 3 bytes.
            if (base64.GetRawText().Length - 2 > ((field.MaxBytes + 2) / 3 * 4) + 4)
            {
                return FieldOutcome.Fail(field, "FormsErrorFileTooBig", name, field.MaxBytes >= 1024 * 1024 ? $"{field.MaxBytes / (1024 * 1024)} Mo" : $"{Math.Max(1, field.MaxBytes / 1024)} Ko");
            }

            if (!base64.TryGetBytesFromBase64(out var bytes))
            {
                return FieldOutcome.Fail(field, "FormsErrorFileBase64", name);
            }

            files.Add(new UploadedFile(name, contentType, bytes));
        }

        return FieldOutcome.Accept(new FileListValue(files));
    }

    private static FieldOutcome ReadAddress(FormField field, JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            return FieldOutcome.WrongKind(field);
        }

        foreach (var property in value.EnumerateObject())
        {
            if (property.Name is "latitude" or "longitude" && field is AddressField { Location: true }
                && property.Value.ValueKind is JsonValueKind.Number or JsonValueKind.Null)
            {
                continue;
            }

            if (property.Name is not ("street" or "number" or "box" or "postalCode" or "locality")
                || property.Value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
            {
                return FieldOutcome.WrongKind(field);
            }

            if (property.Value.GetRawText().Length > AddressValidator.PartMaxLength * 6)
            {
                return FieldOutcome.Fail(field, "FormsErrorAddressPartTooLong", AddressValidator.PartMaxLength);
            }
        }

        string Part(string name) => TryGetString(value, name, AddressValidator.PartMaxLength * 6, out var text) ? text : "";
        decimal? Coordinate(string name) => value.TryGetProperty(name, out var c) && c.ValueKind == JsonValueKind.Number && c.TryGetDecimal(out var d) ? d : null;
        return FieldOutcome.Accept(new AddressValue(Part("street"), Part("number"), Part("box"), Part("postalCode"), Part("locality"), Coordinate("latitude"), Coordinate("longitude")));
    }

    private static bool TryGetString(JsonElement item, string name, int maxRawLength, out string text)
    {
        text = "";
        if (!item.TryGetProperty(name, out var element) || element.ValueKind != JsonValueKind.String || element.GetRawText().Length > maxRawLength)
        {
            return false;
        }

        text = element.GetString()!;
        return true;
    }

    private static string Shorten(string name) => name.Length <= 40 ? name : name[..40] + "…";

    private static SubmissionInput Failed(string message) =>
        new(null, new Dictionary<string, FieldValue>(), [new FieldError("", message)]);
}
