using System.Text.RegularExpressions;

namespace Municipal.Core.Tenancy;

/// <summary>Validation of the identifiers an operator types: tenant names, host names, path prefixes.</summary>
public static partial class TenantNames
{
    /// <summary>A lowercase slug: it becomes a folder name and a PostgreSQL schema, so nothing else is allowed.</summary>
    [GeneratedRegex("^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();

    [GeneratedRegex(@"^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$", RegexOptions.CultureInvariant)]
    private static partial Regex HostPattern();

    public const int MaxNameLength = 40;

    public static string? ValidateName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return CoreText.Get("TenantErrorNameRequired");
        }

        if (name.Length > MaxNameLength)
        {
            return CoreText.Format("TenantErrorNameTooLong", name, MaxNameLength);
        }

        return SlugPattern().IsMatch(name)
            ? null
            : CoreText.Format("TenantErrorNameNotSlug", name);
    }

    /// <summary>Host names are compared without port and in lowercase.</summary>
    public static string NormalizeHost(string host)
    {
        var trimmed = host.Trim().ToLowerInvariant();
        if (trimmed.StartsWith('['))
        {
            return trimmed;
        }

        var colon = trimmed.LastIndexOf(':');
        return colon >= 0 ? trimmed[..colon] : trimmed;
    }

    public static string? ValidateHost(string? host)
    {
        if (string.IsNullOrWhiteSpace(host))
        {
            return CoreText.Get("TenantErrorHostEmpty");
        }

        return HostPattern().IsMatch(NormalizeHost(host)) ? null : CoreText.Format("TenantErrorHostInvalid", host);
    }

    /// <summary>A prefix is one path segment, stored without slashes.</summary>
    public static string NormalizePrefix(string prefix) => prefix.Trim().Trim('/').ToLowerInvariant();

    public static string? ValidatePrefix(string? prefix)
    {
        if (prefix is null)
        {
            return null;
        }

        var normalized = NormalizePrefix(prefix);
        if (normalized is "host" or "api")
        {
            return CoreText.Format("TenantErrorPrefixReserved", prefix);
        }

        return SlugPattern().IsMatch(normalized) ? null : CoreText.Format("TenantErrorPrefixInvalid", prefix);
    }
}
