using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Compat.Tests.Fidelity;

/// <summary>
/// The worker stand-in must behave as a host builder, not just compile as one: Program.cs builds the
/// container and validates options through it.
/// </summary>
public sealed class FunctionsApplicationBuilderTests
{
    [Fact]
    public void Build_WithRegisteredServices_ResolvesThem()
    {
        var builder = FunctionsApplication.CreateBuilder([]);
        builder.Services.AddSingleton<Marker>();

        using var host = builder.Build();

        Assert.NotNull(host.Services.GetService<Marker>());
    }

    [Fact]
    public void Build_WithInvalidOptions_FailsValidationWhenResolved()
    {
        var builder = FunctionsApplication.CreateBuilder([]);
        builder.Services.AddOptions<MarkerOptions>().Validate(options => options.Name.Length > 0, "Name is required.");

        using var host = builder.Build();

        var failure = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<MarkerOptions>>().Value);
        Assert.Contains("Name is required.", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Configuration_ThroughTheHostBuilderInterface_IsTheSameManager()
    {
        var builder = FunctionsApplication.CreateBuilder([]);
        builder.Configuration.AddInMemoryCollection([new("Marker:Name", "set")]);

        Assert.Same(builder.Configuration, ((IHostApplicationBuilder)builder).Configuration);
        Assert.Equal("set", ((IHostApplicationBuilder)builder).Configuration["Marker:Name"]);
        Assert.NotNull(builder.Environment.EnvironmentName);
    }

    [Fact]
    public void Build_CalledTwice_Throws()
    {
        var builder = FunctionsApplication.CreateBuilder([]);
        using var host = builder.Build();

        Assert.Throws<InvalidOperationException>(() => builder.Build());
        Assert.Throws<InvalidOperationException>(() => builder.Use(next => next));
    }

    [Fact]
    public void Use_BeforeBuild_ChainsOnTheSameBuilder()
    {
        var builder = FunctionsApplication.CreateBuilder([]);

        Assert.Same(builder, builder.Use(next => next));
    }

    private sealed class Marker;

    private sealed class MarkerOptions
    {
        public string Name { get; set; } = "";
    }
}
