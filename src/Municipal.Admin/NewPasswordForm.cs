namespace Municipal.Admin;

/// <summary>
/// The form where a password is chosen from a mailed link (<see cref="TokenLinkPage"/>: password reset, invitation): the address and the link's
/// token travel as hidden fields, the password is typed twice.
/// </summary>
internal sealed record NewPasswordForm(string Email, string Token, string Password, string Confirmation)
{
    public static async Task<NewPasswordForm> ReadAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
        return new(form["email"].ToString(), form["jeton"].ToString(), form["password"].ToString(), form["confirmation"].ToString());
    }

    /// <summary>The account the link names; none, without a look-up, when the address or the token is missing.</summary>
    public async Task<IdentityUser?> UserAsync(UserManager<IdentityUser> users) =>
        Email.Length == 0 || Token.Length == 0 ? null : await users.FindByEmailAsync(Email);

    /// <summary>
    /// The errors of the two password fields, linked to them: missing, too weak (when <paramref name="policy"/> is
    /// given), or the confirmation differing.
    /// </summary>
    public List<ErrorLinkView> Check(PasswordPolicy? policy)
    {
        if (Password.Length == 0)
        {
            return [new ErrorLinkView(CoreText.Get("NewPasswordRequired"), "#password")];
        }

        if (policy?.Check(Password) is { } weak)
        {
            return [new ErrorLinkView(CoreText.Format("UsersPasswordTooWeak", weak), "#password")];
        }

        return string.Equals(Password, Confirmation, StringComparison.Ordinal)
            ? []
            : [new ErrorLinkView(CoreText.Get("NewPasswordMismatch"), "#confirmation")];
    }
}
