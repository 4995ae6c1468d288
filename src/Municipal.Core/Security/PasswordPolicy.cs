namespace Municipal.Core.Security;

/// <summary>
/// The password rules of Identity's options, checked without a user store: the provisioner refuses a weak
/// administrator password before it creates anything.
/// </summary>
public sealed class PasswordPolicy(IOptions<IdentityOptions> options)
{
    public string? Check(string password)
    {
        var rules = options.Value.Password;
        var problems = new List<string>();
        if (password.Length < rules.RequiredLength)
        {
            problems.Add(CoreText.Format("PasswordProblemLength", rules.RequiredLength));
        }

        if (password.Distinct().Count() < rules.RequiredUniqueChars)
        {
            problems.Add(CoreText.Format("PasswordProblemUniqueChars", rules.RequiredUniqueChars));
        }

        if (rules.RequireDigit && !password.Any(char.IsDigit))
        {
            problems.Add(CoreText.Get("PasswordProblemDigit"));
        }

        if (rules.RequireLowercase && !password.Any(char.IsLower))
        {
            problems.Add(CoreText.Get("PasswordProblemLower"));
        }

        if (rules.RequireUppercase && !password.Any(char.IsUpper))
        {
            problems.Add(CoreText.Get("PasswordProblemUpper"));
        }

        if (rules.RequireNonAlphanumeric && password.All(char.IsLetterOrDigit))
        {
            problems.Add(CoreText.Get("PasswordProblemSpecial"));
        }

        return problems.Count == 0 ? null : CoreText.Format("PasswordProblems", string.Join(", ", problems));
    }
}
