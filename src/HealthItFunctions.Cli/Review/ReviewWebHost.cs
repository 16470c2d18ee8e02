using System.Net;
using HealthItFunctions.Core;
using HealthItFunctions.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HealthItFunctions.Cli.Review;

/// <summary>
/// The review API and page alone on Kestrel, bound to 127.0.0.1: the same AddCore and AddInfrastructure as every
/// other host, plus <see cref="ReviewHostingExtensions"/>. Used by <c>healthit review</c> and by the tests.
/// </summary>
public static class ReviewWebHost
{
    /// <param name="settings">Added over the usual configuration (environment, appsettings): storage, mail, Review:Token.</param>
    /// <param name="port">0 lets the system choose a free port; read it back with <see cref="Address"/> after start.</param>
    public static WebApplication Build(IReadOnlyDictionary<string, string?> settings, int port = 0, LogLevel minimumLevel = LogLevel.Warning)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(minimumLevel);
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        builder.AddCore();
        builder.AddInfrastructure();
        builder.Services.AddSingleton<HealthItFunctions.Infrastructure.Http.LocalRun>();
        builder.Services.AddReviewHosting();

        var app = builder.Build();
        app.MapReview();
        return app;
    }

    /// <summary>The address Kestrel listens on (after StartAsync), e.g. http://127.0.0.1:41234.</summary>
    public static Uri Address(WebApplication app) =>
        new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
}
