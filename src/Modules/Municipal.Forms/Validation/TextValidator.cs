using System.Text.RegularExpressions;

namespace Municipal.Forms.Validation;

/// <summary>Short and long text: required, length limits and the officer's pattern.</summary>
public static class TextValidator
{
    /// <summary>Ceilings when the officer set no maximum, so an answer stays a sensible size.</summary>
    public const int TextCeiling = 1_000;

    public const int TextAreaCeiling = 20_000;

    /// <summary>How long a pattern may run on one answer: a hostile pattern or value cannot hang a request.</summary>
    public static readonly TimeSpan PatternTimeout = TimeSpan.FromMilliseconds(200);

    public static FieldOutcome Validate(TextualField field, FieldValue? value)
    {
        if (value is not null and not TextValue)
        {
            return FieldOutcome.WrongKind(field);
        }

        var multiline = field is TextAreaField;
        var text = ((value as TextValue)?.Text ?? "").Trim();
        if (multiline)
        {
            text = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        }

        if (text.Length == 0)
        {
            return FieldOutcome.Missing(field, "FormsErrorTextRequired");
        }

        if (text.Any(c => char.IsControl(c) && !(multiline && c is '\n' or '\t')))
        {
            return FieldOutcome.Fail(field, "FormsErrorTextControl");
        }

        var max = Math.Min(field.MaxLength ?? int.MaxValue, multiline ? TextAreaCeiling : TextCeiling);
        if (text.Length > max)
        {
            return FieldOutcome.Fail(field, "FormsErrorTextTooLong", max);
        }

        if (field.MinLength is { } min && text.Length < min)
        {
            return FieldOutcome.Fail(field, "FormsErrorTextTooShort", min);
        }

        if (!string.IsNullOrEmpty(field.Pattern) && !MatchesWhole(field.Pattern, text))
        {
            return string.IsNullOrWhiteSpace(field.PatternMessage)
                ? FieldOutcome.Fail(field, "FormsErrorTextPattern")
                : FieldOutcome.Fail(field.Name, field.PatternMessage);
        }

        return FieldOutcome.Accept(new TextValue(text));
    }

    /// <summary>
    /// Whether the whole text matches the pattern. Runs without backtracking (linear time) when the pattern allows,
    /// otherwise with a timeout; a pattern that times out, or that is not a valid expression, counts as not matched
    /// (closed: a broken pattern is seen by the officer testing the form, not let through).
    /// </summary>
    public static bool MatchesWhole(string pattern, string text)
    {
        var anchored = $"^(?:{pattern})$";
        try
        {
            return Regex.IsMatch(text, anchored, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, PatternTimeout);
        }
        catch (NotSupportedException)
        {
            // Back-references and look-arounds need the backtracking engine; the timeout bounds it.
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }

        try
        {
            return Regex.IsMatch(text, anchored, RegexOptions.CultureInvariant, PatternTimeout);
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    /// <summary>Whether an officer's pattern is a valid expression (for the form builder).</summary>
    public static bool IsValidPattern(string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.CultureInvariant, PatternTimeout);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
