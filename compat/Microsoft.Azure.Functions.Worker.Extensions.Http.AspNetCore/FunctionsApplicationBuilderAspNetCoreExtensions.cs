namespace Microsoft.Azure.Functions.Worker.Builder;

/// <summary>ASP.NET Core integration for <see cref="FunctionsApplicationBuilder"/>.</summary>
public static class FunctionsApplicationBuilderAspNetCoreExtensions
{
    /// <remarks>
    /// Officially this starts the in-process Kestrel proxy that the Functions host forwards HTTP requests to.
    /// Without a host nothing is forwarded, so the stand-in only has to keep the call chain intact.
    /// </remarks>
    public static FunctionsApplicationBuilder ConfigureFunctionsWebApplication(this FunctionsApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder;
    }
}
