namespace Municipal.Forms.Model;

/// <summary>A citizen's answer to one field, typed by the kind of field it answers.</summary>
public abstract record FieldValue;

/// <summary>Text, long text, e-mail, phone, national number and IBAN (the last ones normalised by their validator).</summary>
public sealed record TextValue(string Text) : FieldValue;

public sealed record NumberValue(decimal Number) : FieldValue;

public sealed record DateValue(DateOnly Date) : FieldValue;

public sealed record ChoiceValue(string Value) : FieldValue;

public sealed record MultiChoiceValue(IReadOnlyList<string> Values) : FieldValue;

/// <summary>Yes/no and consent.</summary>
public sealed record BooleanValue(bool Value) : FieldValue;

public sealed record AddressValue(
    string Street, string Number, string? Box, string PostalCode, string Locality, decimal? Latitude = null, decimal? Longitude = null) : FieldValue;

/// <summary>One uploaded file, its content already decoded.</summary>
public sealed record UploadedFile(string Name, string ContentType, ReadOnlyMemory<byte> Content);

public sealed record FileListValue(IReadOnlyList<UploadedFile> Files) : FieldValue;

/// <summary>A problem with one field's answer, in French, naming the field. An empty field name is about the whole submission.</summary>
public sealed record FieldError(string Field, string Message);
