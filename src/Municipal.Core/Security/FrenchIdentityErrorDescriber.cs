namespace Municipal.Core.Security;

/// <summary>Identity's messages in French, the default language of the interface.</summary>
public sealed class FrenchIdentityErrorDescriber : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) =>
        new() { Code = nameof(PasswordTooShort), Description = CoreText.Format("IdentityErrorPasswordTooShort", length) };

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        new() { Code = nameof(PasswordRequiresUniqueChars), Description = CoreText.Format("IdentityErrorPasswordUniqueChars", uniqueChars) };

    public override IdentityError DuplicateEmail(string email) =>
        new() { Code = nameof(DuplicateEmail), Description = CoreText.Format("IdentityErrorDuplicateEmail", email) };

    public override IdentityError DuplicateUserName(string userName) =>
        new() { Code = nameof(DuplicateUserName), Description = CoreText.Format("IdentityErrorDuplicateUserName", userName) };

    public override IdentityError InvalidEmail(string? email) =>
        new() { Code = nameof(InvalidEmail), Description = CoreText.Format("IdentityErrorInvalidEmail", email ?? string.Empty) };
}
