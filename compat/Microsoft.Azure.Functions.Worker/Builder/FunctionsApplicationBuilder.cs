using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Microsoft.Azure.Functions.Worker.Builder;

/// <summary>A builder for Azure Functions worker applications.</summary>
/// <remarks>
/// A real host builder, so Program.cs can register services, build the container and validate options
/// exactly as it does under the official worker. What it lacks is the gRPC channel to the Functions host:
/// the built host starts, but no function is ever invoked, and middleware registered through
/// <see cref="Use"/> is kept only so the calls compile and chain.
/// </remarks>
public class FunctionsApplicationBuilder : IHostApplicationBuilder, IFunctionsWorkerApplicationBuilder
{
    private readonly HostApplicationBuilder _hostApplicationBuilder;
    private readonly List<Func<FunctionExecutionDelegate, FunctionExecutionDelegate>> _middleware = [];
    private bool _hasBuilt;

    internal FunctionsApplicationBuilder(string[]? args)
    {
        _hostApplicationBuilder = Host.CreateApplicationBuilder(args);
    }

    public IDictionary<object, object> Properties => ((IHostApplicationBuilder)_hostApplicationBuilder).Properties;

    IConfigurationManager IHostApplicationBuilder.Configuration => Configuration;

    public ConfigurationManager Configuration => _hostApplicationBuilder.Configuration;

    public IHostEnvironment Environment => _hostApplicationBuilder.Environment;

    public ILoggingBuilder Logging => _hostApplicationBuilder.Logging;

    public IMetricsBuilder Metrics => _hostApplicationBuilder.Metrics;

    public IServiceCollection Services => _hostApplicationBuilder.Services;

    public IHost Build()
    {
        ThrowIfBuilt();
        _hasBuilt = true;
        return _hostApplicationBuilder.Build();
    }

    public void ConfigureContainer<TContainerBuilder>(IServiceProviderFactory<TContainerBuilder> factory, Action<TContainerBuilder>? configure = null)
        where TContainerBuilder : notnull
    {
        _hostApplicationBuilder.ConfigureContainer(factory, configure);
    }

    public IFunctionsWorkerApplicationBuilder Use(Func<FunctionExecutionDelegate, FunctionExecutionDelegate> middleware)
    {
        ArgumentNullException.ThrowIfNull(middleware);
        ThrowIfBuilt();
        _middleware.Add(middleware);
        return this;
    }

    private void ThrowIfBuilt()
    {
        if (_hasBuilt)
        {
            throw new InvalidOperationException("The application has already been built.");
        }
    }
}
