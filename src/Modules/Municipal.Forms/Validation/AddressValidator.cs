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
        if (street.Length + number.Length + box.Length + postalCode.Length + locality.Length == 0)
        {
            return FieldOutcome.Missing(field, "FormsErrorAddressRequired");
        }

        var errors = new List<FieldError>();
        void Check(string part, string text, string missingKey, Func<string, string?>? problem)
        {
            if (text.Length == 0)
            {
                errors.Add(new FieldError($"{field.Name}.{part}", FormsText.Format(missingKey, field.Label)));
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
        Check("number", number, "FormsErrorAddressNumber", n => n.Length > 10 ? "FormsErrorAddressNumberTooLong" : !char.IsAsciiDigit(n[0]) ? "FormsErrorAddressNumberInvalid" : null);
        if (box.Length > 0)
        {
            Check("box", box, "FormsErrorAddressNumber", b => b.Length <= 10 ? null : "FormsErrorAddressBoxInvalid");
        }

        Check("postalCode", postalCode, "FormsErrorAddressPostalCode", PostalCodeProblem);
        Check("locality", locality, "FormsErrorAddressLocality", null);
        return errors.Count > 0
            ? new FieldOutcome(null, errors)
            : FieldOutcome.Accept(new AddressValue(street, number, box.Length == 0 ? null : box, postalCode, locality));
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
