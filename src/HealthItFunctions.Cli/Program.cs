using HealthItFunctions.Cli.Commands;
using HealthItFunctions.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// Command-line arguments belong to System.CommandLine, not to the host's configuration.
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [] });
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.AddCore();
builder.Services.AddCliCommands();

using var host = builder.Build();
return await host.Services.GetRequiredService<CliApplication>().RunAsync(args);
