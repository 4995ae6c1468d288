namespace Municipal.Forms.Validation;

/// <summary>
/// A Belgian address. Each faulty part gets its own error, on "field.part" (e.g. "adresse.postalCode"), so that the
/// error summary links to the very input. A partly filled optional address is checked as a whole.
/// </summary>
public static class AddressValidator
{
    public const int PartMaxLength = 200;

    public static FieldOutcome Validate(AddressField field, FieldValue? value)
    {
        if (value is not null and not AddressValue)
        {
            return FieldOutcome.WrongKind(field);
        }

        var address = value as AddressValue;
        var street = address?.Street.Trim() ?? "";
        var number = address?.Number.Trim() ?? "";
        var box = address?.Box?.Trim() ?? "";
        var postalCode = address?.PostalCode.Trim() ?? "";
        var locality = address?.Locality.Trim() ?? "";
        var errors = new List<FieldError>();
        var (latitude, longitude) = field.Location ? (address?.Latitude, address?.Longitude) : (null, null);
        if (latitude is not null || longitude is not null)
        {
            if (latitude is not { } lat || longitude is not { } lon || lat is < -90 or > 90 || lon is < -180 or > 180)
            {
                errors.Add(new FieldError($"{field.Name}.latitude", FormsText.Format("FormsErrorLocationCoordinates", field.Label)));
            }
        }

        var positioned = latitude is not null && longitude is not null && errors.Count == 0;
        if (street.Length + number.Length + box.Length + postalCode.Length + locality.Length == 0)
        {
            return positioned ? FieldOutcome.Accept(new AddressValue("", "", null, "", "", latitude, longitude))
                : errors.Count > 0 ? new FieldOutcome(null, errors)
                : FieldOutcome.Missing(field, field.Location ? "FormsErrorLocationRequired" : "FormsErrorAddressRequired");
        }

        // A place may have no house number; with a position, each part of the address is optional.
        void Check(string part, string text, string missingKey, Func<string, string?>? problem, bool optional = false)
        {
            if (text.Length == 0)
            {
                if (!optional && !positioned)
                {
                    errors.Add(new FieldError($"{field.Name}.{part}", FormsText.Format(missingKey, field.Label)));
                }
            }
            else if (text.Length > PartMaxLength || text.Any(char.IsControl))
            {
                errors.Add(new FieldError($"{field.Name}.{part}", FormsText.Format("FormsErrorAddressPartTooLong", field.Label, PartMaxLength)));
            }
            else if (problem?.Invoke(text) is { } invalidKey)
            {
                errors.Add(new FieldError($"{field.Name}.{part}", FormsText.Format(invalidKey, field.Label)));
            }
        }

        Check("street", street, "FormsErrorAddressStreet", null);
        Check("number", number, "FormsErrorAddressNumber", n => n.Length > 10 ? "FormsErrorAddressNumberTooLong" : !char.IsAsciiDigit(n[0]) ? "FormsErrorAddressNumberInvalid" : null, optional: field.Location);
        if (box.Length > 0)
        {
            Check("box", box, "FormsErrorAddressNumber", b => b.Length <= 10 ? null : "FormsErrorAddressBoxInvalid");
        }

        Check("postalCode", postalCode, "FormsErrorAddressPostalCode", PostalCodeProblem);
        Check("locality", locality, "FormsErrorAddressLocality", null);
        return errors.Count > 0
            ? new FieldOutcome(null, errors)
            : FieldOutcome.Accept(new AddressValue(street, number, box.Length == 0 ? null : box, postalCode, locality, positioned ? latitude : null, positioned ? longitude : null));
    }

    /// <summary>What is wrong with a Belgian postal code (four digits, 1000 to 9999): a message key, or null.</summary>
    public static string? PostalCodeProblem(string code) =>
        !code.All(char.IsAsciiDigit) ? "FormsErrorAddressPostalCodeDigits"
        : code.Length != 4 ? "FormsErrorAddressPostalCodeLength"
        : code[0] == '0' ? "FormsErrorAddressPostalCodeZero"
        : null;

    /// <summary>Four digits, 1000 to 9999.</summary>
    public static bool IsBelgianPostalCode(string code) => PostalCodeProblem(code) is null;
}
