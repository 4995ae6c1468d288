using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

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
            problems.Add($"au moins {rules.RequiredLength} caractères");
        }

        if (password.Distinct().Count() < rules.RequiredUniqueChars)
        {
            problems.Add($"au moins {rules.RequiredUniqueChars} caractères différents");
        }

        if (rules.RequireDigit && !password.Any(char.IsDigit))
        {
            problems.Add("un chiffre");
        }

        if (rules.RequireLowercase && !password.Any(char.IsLower))
        {
            problems.Add("une minuscule");
        }

        if (rules.RequireUppercase && !password.Any(char.IsUpper))
        {
            problems.Add("une majuscule");
        }

        if (rules.RequireNonAlphanumeric && password.All(char.IsLetterOrDigit))
        {
            problems.Add("un caractère spécial");
        }

        return problems.Count == 0 ? null : "il faut " + string.Join(", ", problems) + ".";
    }
}
