using HealthItFunctions.Cli.Commands;
using HealthItFunctions.Core;
using HealthItFunctions.Infrastructure;
using HealthItFunctions.Local;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HealthItFunctions.Cli.Pipeline;

/// <summary>The CLI's container: the same AddCore and AddInfrastructure as the Functions app, plus the local queue drainer.</summary>
internal static class CliHost
{
    public static HostApplicationBuilder CreateBuilder(IReadOnlyDictionary<string, string?>? overrides = null, LogLevel minimumLevel = LogLevel.Warning)
    {
        // Command-line arguments belong to System.CommandLine, not to the host's configuration.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [] });
        if (overrides is not null)
        {
            builder.Configuration.AddInMemoryCollection(overrides);
        }

        builder.Logging.SetMinimumLevel(minimumLevel);
        // Logs are diagnostics: stderr, so stdout stays the command's result.
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        // Every retry attempt is a Polly log line; the fetcher logs each fetch's outcome with its reason once.
        builder.Logging.AddFilter("Polly", LogLevel.None);
        // The SDK logs every 4xx as a warning, including the ones we expect (a catalog blob not uploaded yet, a 409
        // that means "already stored"); failures that matter reach our own log lines as exceptions or outcomes.
        builder.Logging.AddFilter("Azure.Core", LogLevel.Error);
        builder.AddCore();
        builder.AddInfrastructure();
        builder.AddHealthItObservability();
        // A local run: the replay's HostMap and loopback exceptions are allowed here, never in the Functions app.
        builder.Services.AddSingleton<LocalRun>();
        builder.Services.AddSingleton(services => QueueHostSettings.From(services.GetRequiredService<IConfiguration>()));
        builder.Services.AddSingleton<QueueDrainer>();
        builder.Services.AddSingleton<PipelineRunner>();
        return builder;
    }
}
