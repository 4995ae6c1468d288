namespace Municipal.Forms.Model;

/// <summary>One answer as people read it: in the receipt, on the summary page, to the agent, in the CSV export.</summary>
public sealed record AnswerLine(string StepTitle, string FieldName, string Label, string Text, bool PersonalData, IReadOnlyList<StoredFileReference> Files);

/// <summary>
/// Reads a submission's stored answers (the JSON of <see cref="SubmissionValuesJson"/>) against the form version it
/// answered, in the form's order. Unanswered fields (optional, or hidden by a condition) and information texts are left out.
/// </summary>
public static class StoredAnswers
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-BE");

    public static IReadOnlyList<AnswerLine> Lines(FormDefinition form, string storedValues)
    {
        using var document = JsonDocument.Parse(storedValues);
        var root = document.RootElement;
        var lines = new List<AnswerLine>();
        foreach (var step in form.Steps)
        {
            foreach (var field in step.Fields)
            {
                if (field is InfoField || !root.TryGetProperty(field.Name, out var value) || value.ValueKind == JsonValueKind.Null)
                {
                    continue;
                }

                var files = field is FileField ? ReadFiles(value) : [];
                lines.Add(new AnswerLine(step.Title, field.Name, field.Label, Describe(field, value, files), field.PersonalData, files));
            }
        }

        return lines;
    }

    /// <summary>The answer as French text: labels for choices, "Oui"/"Non", dates as dd/MM/yyyy, an address on one line,
    /// identifiers in their usual groups (<see cref="IdentifierFormat"/>).</summary>
    public static string Describe(FormField field, JsonElement value, IReadOnlyList<StoredFileReference> files) => field switch
    {
        ChoiceField choice => OptionLabel(choice.Options, value.GetString()),
        MultiChoiceField multi => string.Join(", ", value.EnumerateArray().Select(v => OptionLabel(multi.Options, v.GetString()))),
        ConsentField => value.ValueKind == JsonValueKind.True ? FormsText.Get("FormsAnswerConsented") : FormsText.Get("FormsAnswerNo"),
        BooleanField => value.ValueKind == JsonValueKind.True ? FormsText.Get("FormsAnswerYes") : FormsText.Get("FormsAnswerNo"),
        NumberField => value.GetDecimal().ToString(French),
        DateField => DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)
            : value.GetString() ?? string.Empty,
        AddressField => Address(value),
        FileField => string.Join(", ", files.Select(f => f.Name)),
        NrnField when value.ValueKind == JsonValueKind.String => IdentifierFormat.NationalNumber(value.GetString()!),
        PhoneField when value.ValueKind == JsonValueKind.String => IdentifierFormat.Phone(value.GetString()!),
        IbanField when value.ValueKind == JsonValueKind.String => IdentifierFormat.Iban(value.GetString()!),
        _ => value.ValueKind == JsonValueKind.String ? value.GetString() ?? string.Empty : value.GetRawText(),
    };

    private static string OptionLabel(IReadOnlyList<ChoiceOption> options, string? value) =>
        options.FirstOrDefault(o => o.Value == value)?.Label ?? value ?? string.Empty;

    private static string Address(JsonElement value)
    {
        string Part(string name) => value.TryGetProperty(name, out var part) && part.ValueKind == JsonValueKind.String ? part.GetString()! : string.Empty;
        var box = Part("box");
        var street = $"{Part("street")} {Part("number")}".Trim() + (box.Length > 0 ? " " + FormsText.Format("FormsAnswerBox", box) : string.Empty);
        var address = string.Join(", ", new[] { street, $"{Part("postalCode")} {Part("locality")}".Trim() }.Where(p => p.Length > 0));
        if (!value.TryGetProperty("latitude", out var latitude) || !value.TryGetProperty("longitude", out var longitude)
            || latitude.ValueKind != JsonValueKind.Number || longitude.ValueKind != JsonValueKind.Number)
        {
            return address;
        }

        var position = FormsText.Format("FormsAnswerPosition", Coordinate(latitude.GetDecimal()), Coordinate(longitude.GetDecimal()));
        return address.Length == 0 ? position : $"{address} ({position})";
    }

    /// <summary>A coordinate as maps take it: a point, five decimals (about a metre).</summary>
    public static string Coordinate(decimal degrees) => degrees.ToString("0.00000", CultureInfo.InvariantCulture);

    private static List<StoredFileReference> ReadFiles(JsonElement value)
    {
        var files = new List<StoredFileReference>();
        if (value.ValueKind != JsonValueKind.Array)
        {
            return files;
        }

        foreach (var file in value.EnumerateArray())
        {
            files.Add(new StoredFileReference(
                file.GetProperty("name").GetString() ?? string.Empty,
                file.GetProperty("contentType").GetString() ?? string.Empty,
                file.GetProperty("size").GetInt64(),
                file.GetProperty("storedPath").GetString() ?? string.Empty));
        }

        return files;
    }
}
