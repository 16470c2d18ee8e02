namespace Microsoft.Azure.Functions.Worker.Builder;

/// <summary>The entry point for configuring an Azure Functions worker.</summary>
/// <remarks>Not static, as officially: its public parameterless constructor is part of the mirrored surface.</remarks>
public class FunctionsApplication
{
    public static FunctionsApplicationBuilder CreateBuilder(string[] args) => new(args);
}
