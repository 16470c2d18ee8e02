using System.Reflection;
using HealthItFunctions.Core;
using HealthItFunctions.Functions.Extraction;
using HealthItFunctions.Infrastructure;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace HealthItFunctions.Tests;

public sealed class FunctionCompositionTests
{
    private static readonly Type[] Functions = typeof(ExtractPreview).Assembly.GetTypes()
        .Where(type => type.GetMethods().Any(method => method.GetCustomAttribute<FunctionAttribute>() is not null))
        .ToArray();

    public static TheoryData<Type> FunctionClasses() => new(Functions);

    [Theory]
    [MemberData(nameof(FunctionClasses))]
    public void Constructor_ContainerBuiltAsProgramDoes_ResolvesEveryDependency(Type functionClass)
    {
        var builder = FunctionsApplication.CreateBuilder([]);
        builder.Configuration["Storage:ConnectionString"] = "UseDevelopmentStorage=true";
        builder.Configuration["Polling:UserAgentContact"] = "ops@example.org";
        builder.AddCore();
        builder.AddInfrastructure();
        using var host = builder.Build();

        var function = ActivatorUtilities.CreateInstance(host.Services, functionClass);

        Assert.IsType(functionClass, function);
    }

    [Fact]
    public void FunctionNames_AllFunctions_AreUnique()
    {
        var names = Functions
            .SelectMany(type => type.GetMethods())
            .Select(method => method.GetCustomAttribute<FunctionAttribute>()?.Name)
            .OfType<string>()
            .ToList();

        Assert.NotEmpty(names);
        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }
}
