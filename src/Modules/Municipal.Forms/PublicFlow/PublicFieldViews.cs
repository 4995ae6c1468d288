namespace Municipal.Forms.PublicFlow;

/// <summary>
/// Builds the views of a step's fields: the answers (or, after a failed post, exactly what was typed), the errors tied
/// to their inputs, and the conditions. A field whose condition rests on an earlier step is shown or left out by the
/// server; one whose condition rests on a field of the same step is drawn with a hint saying when to answer it (a small
/// script may hide it, the server decides anyway).
/// </summary>
public static class PublicFieldViews
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-BE");

    public static string InputId(string fieldName) => "f-" + fieldName;

    /// <summary>The id of the input an error leads to: a part's own input, else the field's first input.</summary>
    public static string ErrorTarget(FormDefinition form, string errorField)
    {
        var dot = errorField.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0)
        {
            return InputId(errorField[..dot]) + "-" + errorField[(dot + 1)..];
        }

        var field = form.AllFields().FirstOrDefault(f => f.Name == errorField);
        return field switch
        {
            AddressField => InputId(errorField) + "-street",
            DateField => InputId(errorField) + "-day",
            _ => InputId(errorField),
        };
    }

    public static IReadOnlyList<PublicFieldView> Build(
        FormDefinition form,
        int stepIndex,
        IReadOnlyDictionary<string, FieldValue> values,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? raw,
        IReadOnlyList<FieldError> errors)
    {
        var step = form.Steps[stepIndex];
        var own = step.Fields.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        var earlier = FormValidator.ValidateForm(form, values).Values;
        var views = new List<PublicFieldView>();
        foreach (var field in step.Fields)
        {
            string? conditionHint = null;
            string? conditionField = null;
            string? conditionValue = null;
            if (field.Condition is { } condition)
            {
                if (own.Contains(condition.Field))
                {
                    conditionHint = ConditionHint(form, condition);
                    (conditionField, conditionValue) = (condition.Field, condition.EqualsValue);
                }
                else if (!FormValidator.IsShown(field, earlier))
                {
                    continue;
                }
            }

            var fieldErrors = errors.Where(e => e.Field == field.Name || e.Field.StartsWith(field.Name + ".", StringComparison.Ordinal)).ToList();
            views.Add(Field(field, values.GetValueOrDefault(field.Name), raw, fieldErrors, conditionHint, conditionField, conditionValue));
        }

        return views;
    }

    private static PublicFieldView Field(
        FormField field, FieldValue? value, IReadOnlyDictionary<string, IReadOnlyList<string>>? raw, List<FieldError> errors,
        string? conditionHint, string? conditionField, string? conditionValue)
    {
        var id = InputId(field.Name);
        var error = errors.Where(e => e.Field == field.Name).Select(e => e.Message).FirstOrDefault();
        string? Raw(string name) => raw is not null && raw.TryGetValue(name, out var r) && r.Count > 0 ? r[0] : null;
        var describedBy = string.Join(' ', new[]
        {
            field.Hint is null ? null : id + "-hint",
            conditionHint is null ? null : id + "-condition",
            error is null ? null : id + "-error",
        }.Where(s => s is not null));
        var view = new PublicFieldView(
            "text", id, field.Name, field.Label, field.Hint, conditionHint, field.Required, error, null, "text", null, null, null,
            [], [], [], null, false, conditionField, conditionValue, describedBy);

        switch (field)
        {
            case InfoField:
                return view with { Kind = "info" };
            case TextAreaField:
                return view with { Kind = "textarea", Value = Raw(field.Name) ?? (value as TextValue)?.Text };
            case TextField:
                return view with { Value = Raw(field.Name) ?? (value as TextValue)?.Text };
            case EmailField:
                return view with { InputType = "email", Autocomplete = "email", Spellcheck = "false", Value = Raw(field.Name) ?? (value as TextValue)?.Text };
            case PhoneField:
                return view with { InputType = "tel", Autocomplete = "tel", Value = Raw(field.Name) ?? (value as TextValue)?.Text };
            case NrnField:
                return view with { InputMode = "numeric", Autocomplete = "off", Spellcheck = "false", Value = Raw(field.Name) ?? (value as TextValue)?.Text };
            case IbanField:
                return view with { Autocomplete = "off", Spellcheck = "false", Value = Raw(field.Name) ?? (value as TextValue)?.Text };
            case NumberField number:
                return view with { InputMode = number.WholeNumber ? "numeric" : "decimal", Spellcheck = "false", Value = Raw(field.Name) ?? (value as NumberValue)?.Number.ToString(French) };
            case ChoiceField choice:
                var chosen = Raw(field.Name) ?? (value as ChoiceValue)?.Value;
                return view with
                {
                    Kind = choice.Display == ChoiceDisplay.Select ? "select" : "radio",
                    Options = Options(id, choice.Options.Select(o => (o.Value, o.Label)), v => v == chosen),
                };
            case BooleanField:
                var answer = Raw(field.Name) ?? (value is BooleanValue b ? (b.Value ? "true" : "false") : null);
                return view with
                {
                    Kind = "radio",
                    Options = Options(id, [("true", FormsText.Get("FormsAnswerYes")), ("false", FormsText.Get("FormsAnswerNo"))], v => v == answer),
                };
            case MultiChoiceField multi:
                var ticked = raw is not null && raw.TryGetValue(field.Name, out var list) ? list : (value as MultiChoiceValue)?.Values ?? [];
                return view with { Kind = "checkboxes", Options = Options(id, multi.Options.Select(o => (o.Value, o.Label)), ticked.Contains) };
            case ConsentField:
                var consented = raw is not null ? Raw(field.Name) == "true" : value is BooleanValue { Value: true };
                return view with { Kind = "consent", Options = [new PublicOptionView(id, "true", field.Label, consented)] };
            case DateField:
                var date = (value as DateValue)?.Date;
                return view with
                {
                    Kind = "date",
                    Parts =
                    [
                        Part(field, "day", "FormsPublicDateDay", Raw(field.Name + ".day") ?? date?.Day.ToString(CultureInfo.InvariantCulture), null, "width-2", "numeric", null, describedBy),
                        Part(field, "month", "FormsPublicDateMonth", Raw(field.Name + ".month") ?? date?.Month.ToString(CultureInfo.InvariantCulture), null, "width-2", "numeric", null, describedBy),
                        Part(field, "year", "FormsPublicDateYear", Raw(field.Name + ".year") ?? date?.Year.ToString(CultureInfo.InvariantCulture), null, "width-4", "numeric", null, describedBy),
                    ],
                };
            case AddressField place:
                var address = value as AddressValue;
                string? PartError(string part) => errors.FirstOrDefault(e => e.Field == field.Name + "." + part)?.Message;

                // A place is not the citizen's home: the browser must not offer the home address there.
                string? Token(string home) => place.Location ? "off" : home;
                PublicPartView AddressPart(string part, string labelKey, string? stored, string? autocomplete, string width, string? inputMode) =>
                    Part(field, part, labelKey, Raw(field.Name + "." + part) ?? stored, autocomplete, width, inputMode, PartError(part), describedBy);
                PublicPartView[] parts =
                [
                    AddressPart("street", "FormsPublicAddressStreet", address?.Street, Token("address-line1"), "width-full", null),
                    AddressPart("number", place.Location ? "FormsPublicLocationNumber" : "FormsPublicAddressNumber", address?.Number, Token("address-line2"), "width-4", null),
                    AddressPart("box", "FormsPublicAddressBox", address?.Box, Token("address-line3"), "width-4", null),
                    AddressPart("postalCode", "FormsPublicAddressPostalCode", address?.PostalCode, Token("postal-code"), "width-4", "numeric"),
                    AddressPart("locality", "FormsPublicAddressLocality", address?.Locality, Token("address-level2"), "width-full", null),
                ];
                PublicPartView[] position = place.Location
                    ?
                    [
                        AddressPart("latitude", "FormsPublicLocationLatitude", address?.Latitude is { } lat ? StoredAnswers.Coordinate(lat) : null, "off", "width-10", "decimal"),
                        AddressPart("longitude", "FormsPublicLocationLongitude", address?.Longitude is { } lon ? StoredAnswers.Coordinate(lon) : null, "off", "width-10", "decimal"),
                    ]
                    : [];
                return view with { Kind = "address", Parts = [.. parts, .. position], Location = place.Location };
            case FileField file:
                return view with
                {
                    Kind = "file",
                    Files = (value as FileListValue)?.Files.Select(f => f.Name).ToArray() ?? [],
                    Accept = file.AcceptedTypes.Count > 0 ? string.Join(',', file.AcceptedTypes) : null,
                    Multiple = file.MaxFiles > 1,
                    MaxBytes = file.MaxBytes,
                    TooBigMessage = FormsText.Format("FormsErrorFileTooBig", field.Label, "{name}", FileValidator.ShowSize(file.MaxBytes)),
                    ReducedMessage = FormsText.Format("FormsPublicPhotoReduced", "{name}", FileValidator.ShowSize(file.MaxBytes)),
                    Reducible = file.AcceptedTypes.Count == 0 || file.AcceptedTypes.Any(t => t is "image/jpeg" or "image/png"),
                };
            default:
                return view;
        }
    }

    private static PublicOptionView[] Options(string id, IEnumerable<(string Value, string Label)> options, Func<string, bool> isChecked) =>
        options.Select((o, i) => new PublicOptionView(i == 0 ? id : $"{id}-{i}", o.Value, o.Label, isChecked(o.Value))).ToArray();

    /// <summary>A part's input is described by the field's hint, its own error (or the group's) and the condition.</summary>
    private static PublicPartView Part(
        FormField field, string part, string labelKey, string? value, string? autocomplete, string width, string? inputMode, string? error, string groupDescribedBy)
    {
        var id = $"{InputId(field.Name)}-{part}";
        var own = error is null ? null : id + "-error";
        var describedBy = string.Join(' ', new[] { groupDescribedBy.Length == 0 ? null : groupDescribedBy, own }.Where(s => s is not null));
        return new PublicPartView(id, field.Name + "." + part, FormsText.Get(labelKey), value ?? string.Empty, error, autocomplete, width, inputMode, describedBy);
    }

    private static string ConditionHint(FormDefinition form, FieldCondition condition)
    {
        var target = form.AllFields().First(f => f.Name == condition.Field);
        var answer = target switch
        {
            ChoiceField c => c.Options.FirstOrDefault(o => o.Value == condition.EqualsValue)?.Label,
            MultiChoiceField m => m.Options.FirstOrDefault(o => o.Value == condition.EqualsValue)?.Label,
            BooleanField or ConsentField => string.Equals(condition.EqualsValue, "true", StringComparison.OrdinalIgnoreCase)
                ? FormsText.Get("FormsAnswerYes")
                : FormsText.Get("FormsAnswerNo"),
            _ => null,
        } ?? condition.EqualsValue;
        return FormsText.Format("FormsPublicConditionHint", target.Label, answer);
    }
}
