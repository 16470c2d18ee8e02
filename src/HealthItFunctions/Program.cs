using HealthItFunctions.Core;
using HealthItFunctions.Functions.Review;
using HealthItFunctions.Infrastructure;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.UseMiddleware<AllowedGroupMiddleware>();
builder.Services.AddOptions<ReviewAccessOptions>().BindConfiguration(ReviewAccessOptions.Section)
    .Validate(o => string.IsNullOrWhiteSpace(o.AllowedGroup) || Guid.TryParse(o.AllowedGroup, out _),
        "Review:AllowedGroup must be an Entra ID group object id (a GUID), or empty to admit every signed-in user.")
    .ValidateOnStart();

builder.AddCore();
builder.AddInfrastructure();
builder.AddHealthItObservability().UseFunctionsWorkerDefaults();

builder.Build().Run();
