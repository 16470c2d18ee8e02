using HealthItFunctions.Cli.Commands;
using HealthItFunctions.Cli.Pipeline;
using Microsoft.Extensions.DependencyInjection;

var builder = CliHost.CreateBuilder();
builder.Services.AddCliCommands();
using var host = builder.Build();
return await host.Services.GetRequiredService<CliApplication>().RunAsync(args);
