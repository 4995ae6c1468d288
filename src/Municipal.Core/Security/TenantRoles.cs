namespace Municipal.Core.Security;

/// <summary>The roles every tenant has. Permissions per role come with the back office.</summary>
public static class TenantRoles
{
    public const string Administrator = "Administrator";
    public const string Editor = "Editor";
    public const string Author = "Author";
    public const string Agent = "Agent";

    public static readonly IReadOnlyList<string> All = [Administrator, Editor, Author, Agent];
}
