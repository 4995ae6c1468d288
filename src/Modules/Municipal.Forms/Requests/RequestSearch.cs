namespace Municipal.Forms.Requests;

/// <summary>
/// The queue's search box: a tracking code (whole or its beginning), the citizen's name or e-mail, or words of the
/// answers to text fields. What it reads is written with the request (<see cref="SubmissionRecord.SearchText"/>, lower
/// case without accents, so that "Müller" finds "muller") and emptied by anonymisation; the query stays in the
/// database and paged on SQLite and PostgreSQL alike (a substring test: fine for a municipality's requests).
/// Requests stored before the search existed get their text at the next retention run (<see cref="BackfillAsync"/>).
/// National numbers are never in that text: only their hashes are kept (<see cref="SubmissionRecord.SearchKeys"/>),
/// so a request is found by its national number only when the agent types the whole number.
/// </summary>
public static class RequestSearch
{
    public const int MaxLength = 200;

    /// <summary>The text and keys of a request's search, from its stored answers, e-mail and signed-in citizen.</summary>
    public static (string Text, string Keys) Build(FormDefinition form, string storedValues, string email, string? citizenName, string? citizenNationalNumber)
    {
        var text = new List<string> { email };
        if (citizenName is { Length: > 0 })
        {
            text.Add(citizenName);
        }

        var keys = new List<string>();
        if (citizenNationalNumber is { } nrn && NrnValidator.Digits(nrn) is { } digits)
        {
            keys.Add(Key(digits));
        }

        var fields = form.AllFields().ToDictionary(f => f.Name, StringComparer.Ordinal);
        foreach (var line in StoredAnswers.Lines(form, storedValues))
        {
            switch (fields.GetValueOrDefault(line.FieldName))
            {
                case TextField or TextAreaField or EmailField or PhoneField:
                    text.Add(line.Text);
                    break;
                case NrnField when NrnValidator.Digits(line.Text) is { } number:
                    keys.Add(Key(number));
                    break;
            }
        }

        return (" " + Normalise(string.Join(" | ", text)) + " ", keys.Count == 0 ? string.Empty : " " + string.Join(" ", keys.Distinct(StringComparer.Ordinal)) + " ");
    }

    /// <summary>The requests the searched words find, by code, name, e-mail, answer or whole national number.</summary>
    public static IQueryable<SubmissionRecord> Apply(IQueryable<SubmissionRecord> query, string search)
    {
        var text = Normalise(search);
        var code = CodePrefix(search);
        var key = NrnValidator.Normalise(search) is { } nrn ? " " + Key(nrn) + " " : null;
        return query.Where(s =>
            (s.SearchText != null && s.SearchText.Contains(text))
            || (code != null && s.TrackingCode.StartsWith(code))
            || (key != null && s.SearchKeys != null && s.SearchKeys.Contains(key)));
    }

    /// <summary>
    /// Gives the requests stored before the search existed their search text (run by the retention job, a batch at a
    /// time); an anonymised one gets an empty text. Returns how many.
    /// </summary>
    public static async Task<int> BackfillAsync(FormsDbContext db, FormStore forms, CancellationToken cancellationToken)
    {
        var count = 0;
        while (true)
        {
            var batch = await db.Submissions.Where(s => s.SearchText == null).OrderBy(s => s.Id).Take(100).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return count;
            }

            foreach (var submission in batch)
            {
                var form = submission.AnonymisedUtc is null ? await forms.GetVersionAsync(submission.FormSlug, submission.FormVersion, cancellationToken) : null;
                (submission.SearchText, submission.SearchKeys) = form is null
                    ? (string.Empty, string.Empty)
                    : Build(form, submission.Values, submission.Email, submission.CitizenName, submission.CitizenNationalNumber);
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            count += batch.Count;
        }
    }

    /// <summary>Lower case, without accents (<see cref="Slugs.Fold"/>), spaces collapsed.</summary>
    public static string Normalise(string value) =>
        string.Join(' ', Slugs.Fold(value).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>
    /// The beginning of a tracking code as stored ("EG-7KQ4-M2"), from what the agent typed ("eg 7kq4m2", "7KQ4"), or
    /// null when it cannot be one (a symbol outside the code's alphabet, fewer than 4 symbols, too long).
    /// </summary>
    public static string? CodePrefix(string search)
    {
        var symbols = new string(search.ToUpperInvariant().Where(c => c is not (' ' or '-')).ToArray());
        if (symbols.StartsWith(TrackingCodes.Prefix, StringComparison.Ordinal))
        {
            symbols = symbols[TrackingCodes.Prefix.Length..];
        }

        if (symbols.Length is < 4 or > TrackingCodes.RandomSymbols + 1 || symbols.Any(c => !TrackingCodes.Alphabet.Contains(c, StringComparison.Ordinal)))
        {
            return null;
        }

        var groups = symbols.Chunk(4).Select(g => new string(g));
        return TrackingCodes.Prefix + "-" + string.Join("-", groups);
    }

    private static string Key(string digits) => "n" + Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes("municipal-nrn:" + digits)));
}
