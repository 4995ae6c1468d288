namespace Municipal.Core.Tenancy;

/// <summary>The operator's request is invalid (bad name, host, e-mail, password); answered 400 with the message.</summary>
public class TenantRequestException : Exception
{
    public TenantRequestException(string message)
        : base(message)
    {
    }

    public TenantRequestException()
    {
    }

    public TenantRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>The name, a host or the prefix is already taken; answered 409.</summary>
public sealed class TenantConflictException : TenantRequestException
{
    public TenantConflictException(string message)
        : base(message)
    {
    }

    public TenantConflictException()
    {
    }

    public TenantConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>No tenant of that name; answered 404.</summary>
public sealed class TenantNotFoundException : TenantRequestException
{
    public TenantNotFoundException(string message)
        : base(message)
    {
    }

    public TenantNotFoundException()
    {
    }

    public TenantNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
