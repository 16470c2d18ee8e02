using HealthItFunctions.Core;
using HealthItFunctions.Infrastructure;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();

builder.AddCore();
builder.AddInfrastructure();

builder.Build().Run();
