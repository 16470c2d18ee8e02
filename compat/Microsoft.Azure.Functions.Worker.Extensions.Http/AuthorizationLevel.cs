namespace Microsoft.Azure.Functions.Worker;

/// <summary>The key an HTTP request must present; the values are the host's, so they must not change.</summary>
public enum AuthorizationLevel
{
    Anonymous = 0,
    User = 1,
    Function = 2,
    System = 3,
    Admin = 4,
}
