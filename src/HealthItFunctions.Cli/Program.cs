using HealthItFunctions.Cli.Commands;
using HealthItFunctions.Cli.Pipeline;
using Microsoft.Extensions.DependencyInjection;

using var host = CliHost.CreateBuilder().Build();
return await host.Services.GetRequiredService<CliApplication>().RunAsync(args);
