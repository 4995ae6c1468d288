namespace Municipal.Forms.Requests;

/// <summary>
/// The queue as a CSV file for a spreadsheet: UTF-8 with a byte order mark and ";" between cells, the way Excel
/// reads it with Belgian settings. Cells a spreadsheet would take for a formula (=, +, -, @, tab, carriage return
/// first) are prefixed with an apostrophe, so that a citizen's answer is never run as one.
/// </summary>
public static class RequestCsv
{
    public const char Separator = ';';

    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-BE");

    /// <summary>
    /// One row per request. With <paramref name="singleForm"/>, its fields are columns (by label, in the form's order,
    /// fields only older versions had coming last); otherwise all answers go into one "Réponses" cell.
    /// </summary>
    public static byte[] Write(IReadOnlyList<SubmissionRecord> submissions, RequestForms forms, string? singleForm)
    {
        var columns = singleForm is null ? [] : Columns(forms, singleForm);
        var csv = new StringBuilder();
        var header = new List<string>
        {
            FormsText.Get("FormsAgentCsvCode"),
            FormsText.Get("FormsAgentCsvForm"),
            FormsText.Get("FormsAgentCsvVersion"),
            FormsText.Get("FormsAgentCsvReceived"),
            FormsText.Get("FormsAgentCsvUpdated"),
            FormsText.Get("FormsAgentCsvStatus"),
            FormsText.Get("FormsAgentCsvAssignee"),
        };
        header.AddRange(singleForm is null ? [FormsText.Get("FormsAgentCsvAnswers")] : columns.Select(c => c.Label));
        AppendRow(csv, header);

        foreach (var submission in submissions)
        {
            var row = new List<string>
            {
                submission.TrackingCode,
                forms.Title(submission.FormSlug),
                submission.FormVersion.ToString(CultureInfo.InvariantCulture),
                LocalTime(submission.CreatedUtc),
                LocalTime(submission.UpdatedUtc),
                submission.Status.Label(),
                submission.AssigneeName ?? string.Empty,
            };
            var lines = forms.Version(submission.FormSlug, submission.FormVersion) is { } form
                ? StoredAnswers.Lines(form, submission.Values)
                : [];
            if (singleForm is null)
            {
                row.Add(string.Join(" | ", lines.Select(l => l.Label + " : " + l.Text)));
            }
            else
            {
                var byName = lines.ToDictionary(l => l.FieldName, l => l.Text, StringComparer.Ordinal);
                row.AddRange(columns.Select(c => byName.GetValueOrDefault(c.Name) ?? string.Empty));
            }

            AppendRow(csv, row);
        }

        var bytes = Encoding.UTF8.GetBytes(csv.ToString());
        return [.. Encoding.UTF8.Preamble, .. bytes];
    }

    /// <summary>A cell as written: defused when it could be read as a formula, quoted when it holds ";", quotes or line breaks.</summary>
    public static string Cell(string value)
    {
        var text = value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
        return text.IndexOfAny([Separator, '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }

    private static void AppendRow(StringBuilder csv, IEnumerable<string> cells) =>
        csv.Append(string.Join(Separator, cells.Select(Cell))).Append("\r\n");

    private static string LocalTime(DateTimeOffset utc) =>
        BrusselsTime.Format(utc, "dd/MM/yyyy HH:mm", French);

    private static List<(string Name, string Label)> Columns(RequestForms forms, string slug)
    {
        var columns = new List<(string Name, string Label)>();
        var versions = Enumerable.Range(1, forms.LatestOf(slug)?.Version ?? 0).Reverse()
            .Select(v => forms.Version(slug, v))
            .OfType<FormDefinition>();
        foreach (var field in versions.SelectMany(f => f.AllFields()))
        {
            if (field is not InfoField && !columns.Exists(c => c.Name == field.Name))
            {
                columns.Add((field.Name, field.Label));
            }
        }

        return columns;
    }
}
