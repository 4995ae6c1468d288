namespace Municipal.Forms.PublicFlow;

/// <summary>What a step's form posted: the typed answers, the raw text to show back, and what could not even be read.</summary>
public sealed record PostedStep(Dictionary<string, FieldValue> Values, Dictionary<string, IReadOnlyList<string>> Raw, List<FieldError> ReadErrors);

/// <summary>
/// Reads the HTML form of one step into typed answers. Input names: the field's name; an address's parts
/// "name.street"... ; a date's "name.day", "name.month", "name.year"; a file field's uploads under its name, and
/// "name.remove" to drop the files kept from an earlier visit. Never throws on what a browser (or anyone) sends.
/// </summary>
public static class StepFormReader
{
    public const int MaxTextLength = 25_000;

    public static readonly string[] AddressParts = ["street", "number", "box", "postalCode", "locality"];

    public static readonly string[] DateParts = ["day", "month", "year"];

    public static async Task<PostedStep> ReadAsync(
        IFormCollection form, FormStep step, IReadOnlyDictionary<string, FieldValue> kept, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, FieldValue>(StringComparer.Ordinal);
        var raw = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var errors = new List<FieldError>();
        foreach (var field in step.Fields)
        {
            var outcome = await ReadFieldAsync(form, field, kept.GetValueOrDefault(field.Name), raw, cancellationToken);
            if (outcome.Value is not null)
            {
                values[field.Name] = outcome.Value;
            }

            errors.AddRange(outcome.Errors);
        }

        return new PostedStep(values, raw, errors);
    }

    private static async Task<FieldOutcome> ReadFieldAsync(
        IFormCollection form, FormField field, FieldValue? kept, Dictionary<string, IReadOnlyList<string>> raw, CancellationToken cancellationToken)
    {
        string One(string name)
        {
            var text = form[name].FirstOrDefault() ?? string.Empty;
            raw[name] = [text.Length > MaxTextLength ? text[..MaxTextLength] : text];
            return text;
        }

        switch (field)
        {
            case InfoField:
                return FieldOutcome.Empty;
            case TextualField or EmailField or PhoneField or NrnField or IbanField:
                return Text(field, One(field.Name), t => new TextValue(t));
            case ChoiceField:
                return Text(field, One(field.Name), t => new ChoiceValue(t));
            case NumberField:
                return Number(field, One(field.Name).Trim());
            case BooleanField:
                return One(field.Name) switch
                {
                    "true" => FieldOutcome.Accept(new BooleanValue(true)),
                    "false" => FieldOutcome.Accept(new BooleanValue(false)),
                    "" => FieldOutcome.Empty,
                    _ => FieldOutcome.WrongKind(field),
                };
            case ConsentField:
                return One(field.Name) == "true" ? FieldOutcome.Accept(new BooleanValue(true)) : FieldOutcome.Empty;
            case MultiChoiceField:
                var chosen = form[field.Name].Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).Take(200).ToArray();
                raw[field.Name] = chosen;
                return chosen.Length == 0 ? FieldOutcome.Empty : FieldOutcome.Accept(new MultiChoiceValue(chosen));
            case DateField:
                return Date(field, One(field.Name + ".day").Trim(), One(field.Name + ".month").Trim(), One(field.Name + ".year").Trim());
            case AddressField:
                var parts = AddressParts.Select(p => One(field.Name + "." + p)).ToArray();
                var (latitude, longitude) = (One(field.Name + ".latitude").Trim(), One(field.Name + ".longitude").Trim());
                if (parts.All(p => p.Trim().Length == 0) && latitude.Length + longitude.Length == 0)
                {
                    return FieldOutcome.Empty;
                }

                if (parts.Any(p => p.Length > AddressValidator.PartMaxLength * 10))
                {
                    return FieldOutcome.Fail(field, "FormsErrorTextTooLong", AddressValidator.PartMaxLength);
                }

                var latitudeRead = TryCoordinate(latitude, out var lat);
                var longitudeRead = TryCoordinate(longitude, out var lon);
                if (!latitudeRead || !longitudeRead)
                {
                    return FieldOutcome.Fail(field.Name + ".latitude", FormsText.Format("FormsErrorLocationCoordinates", field.Label));
                }

                return FieldOutcome.Accept(new AddressValue(parts[0], parts[1], parts[2], parts[3], parts[4], lat, lon));
            case FileField file:
                return await FilesAsync(form, file, kept, cancellationToken);
            default:
                return FieldOutcome.WrongKind(field);
        }
    }

    private static FieldOutcome Text(FormField field, string text, Func<string, FieldValue> make)
    {
        if (text.Length > MaxTextLength)
        {
            return FieldOutcome.Fail(field, "FormsErrorTextTooLong", MaxTextLength);
        }

        return text.Trim().Length == 0 ? FieldOutcome.Empty : FieldOutcome.Accept(make(text));
    }

    private static FieldOutcome Number(FormField field, string text)
    {
        if (text.Length == 0)
        {
            return FieldOutcome.Empty;
        }

        return text.Length <= 40 && decimal.TryParse(text.Replace(',', '.').Replace(" ", "", StringComparison.Ordinal), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
            ? FieldOutcome.Accept(new NumberValue(number))
            : FieldOutcome.Fail(field, "FormsErrorNumberInvalid");
    }

    private static FieldOutcome Date(FormField field, string day, string month, string year)
    {
        if (day.Length + month.Length + year.Length == 0)
        {
            return FieldOutcome.Empty;
        }

        static int? Part(string text) => text.Length is > 0 and <= 4 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
        var missing = day.Length == 0 ? "FormsPublicErrorDateNoDay" : month.Length == 0 ? "FormsPublicErrorDateNoMonth" : year.Length == 0 ? "FormsPublicErrorDateNoYear" : null;
        if (missing is not null)
        {
            return FieldOutcome.Fail(field, missing);
        }

        if (Part(day) is not { } d || Part(month) is not { } m || Part(year) is not { } y)
        {
            return FieldOutcome.Fail(field, "FormsPublicErrorDateDigits");
        }

        if (year.Length != 4 || y < 1)
        {
            return FieldOutcome.Fail(field, "FormsPublicErrorDateYear");
        }

        if (m is < 1 or > 12)
        {
            return FieldOutcome.Fail(field, "FormsPublicErrorDateMonth");
        }

        var days = DateTime.DaysInMonth(y, m);
        return d >= 1 && d <= days
            ? FieldOutcome.Accept(new DateValue(new DateOnly(y, m, d)))
            : FieldOutcome.Fail(field, "FormsPublicErrorDateDay", new DateOnly(y, m, 1).ToString("MMMM yyyy", CultureInfo.GetCultureInfo("fr-BE")), days);
    }

    /// <summary>New uploads replace the kept files; without any, the kept ones stay unless "remove" is ticked.</summary>
    private static async Task<FieldOutcome> FilesAsync(IFormCollection form, FileField field, FieldValue? kept, CancellationToken cancellationToken)
    {
        var uploads = form.Files.GetFiles(field.Name).Where(f => f.Length > 0 || f.FileName.Length > 0).ToList();
        if (uploads.Count == 0)
        {
            return kept is FileListValue files && form[field.Name + ".remove"] != "true" ? FieldOutcome.Accept(files) : FieldOutcome.Empty;
        }

        if (uploads.Count > field.MaxFiles)
        {
            return FieldOutcome.Fail(field, "FormsErrorFileTooMany", field.MaxFiles);
        }

        var read = new List<UploadedFile>();
        foreach (var upload in uploads)
        {
            if (upload.Length > field.MaxBytes)
            {
                // Not even read: the validator's message, from the size alone.
                return FieldOutcome.Fail(field.Name, FormsText.Format("FormsErrorFileTooBig", field.Label, ShortName(upload.FileName), FileValidator.ShowSize(field.MaxBytes)));
            }

            using var buffer = new MemoryStream((int)upload.Length);
            await using (var stream = upload.OpenReadStream())
            {
                await stream.CopyToAsync(buffer, cancellationToken);
            }

            read.Add(new UploadedFile(upload.FileName, upload.ContentType ?? "application/octet-stream", buffer.ToArray()));
        }

        return FieldOutcome.Accept(new FileListValue(read));
    }

    /// <summary>A coordinate typed with a point or a comma (50.4651 or 50,4651); an empty one is none.</summary>
    private static bool TryCoordinate(string text, out decimal? coordinate)
    {
        coordinate = null;
        if (text.Length == 0)
        {
            return true;
        }

        if (text.Length <= 20 && decimal.TryParse(text.Replace(',', '.'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            coordinate = value;
            return true;
        }

        return false;
    }

    private static string ShortName(string name) => name.Length > 80 ? name[..80] + "…" : name;
}
