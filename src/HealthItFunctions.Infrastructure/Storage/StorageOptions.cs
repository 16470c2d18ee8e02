using Microsoft.Extensions.Options;

namespace HealthItFunctions.Infrastructure.Storage;

/// <summary>
/// Where articles, bulletins and work queues live: a connection string (Azurite, local runs)
/// or an account name reached with managed identity (Azure, where shared keys are disabled).
/// </summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    public string? ConnectionString { get; set; }

    public string? AccountName { get; set; }

    /// <summary>The user-assigned identity's client id; empty means the default credential chain.</summary>
    public string? ManagedIdentityClientId { get; set; }

    public string EndpointSuffix { get; set; } = "core.windows.net";

    internal bool HasConnectionString => !string.IsNullOrWhiteSpace(ConnectionString);

    internal Uri ServiceUri(string service) => new($"https://{AccountName}.{service}.{EndpointSuffix}");
}

internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        var hasConnectionString = !string.IsNullOrWhiteSpace(options.ConnectionString);
        var hasAccount = !string.IsNullOrWhiteSpace(options.AccountName);
        return hasConnectionString != hasAccount
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"Set exactly one of {StorageOptions.Section}:ConnectionString and {StorageOptions.Section}:AccountName " +
                $"(environment: {StorageOptions.Section}__ConnectionString or {StorageOptions.Section}__AccountName).");
    }
}
