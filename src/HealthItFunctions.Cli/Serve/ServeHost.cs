using System.Net;
using System.Security.Cryptography;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using HealthItFunctions.Core;
using HealthItFunctions.Core.Extraction;
using HealthItFunctions.Infrastructure;
using HealthItFunctions.Local;
using HealthItFunctions.Infrastructure.Local;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Host;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace HealthItFunctions.Cli.Serve;

/// <summary>How serve logs: the ILogger console formatter, one line per event, or JSON lines for a log collector.</summary>
internal sealed record ServeLogging(bool Verbose = false, bool Json = false);

/// <summary>A built serve process, not yet started, with what start-up found.</summary>
internal sealed record ServeApp(WebApplication App, QueueHostSettings Queues, IReadOnlyList<ScheduledTimer> Timers, string Token, int Port);

/// <summary>
/// `healthit serve` in one process: the WebJobs SDK queue listener for PollSource and ProcessArticle, the timer
/// functions (<see cref="TimerScheduler"/>), and the HTTP functions on 127.0.0.1. One container, built by the same
/// AddCore and AddInfrastructure as the Functions app.
/// </summary>
internal static class ServeHost
{
    /// <summary>The queue triggers' connection, as in the Functions app; locally it is Storage:ConnectionString.</summary>
    public const string StorageConnection = "AzureWebJobsStorage";

    public static ServeApp Build(IReadOnlyDictionary<string, string?>? overrides, ServeLogging logging)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        if (overrides is not null)
        {
            builder.Configuration.AddInMemoryCollection(overrides);
        }

        var (timers, found) = ServeSettings.Check(builder.Configuration);
        if (found.Count > 0)
        {
            throw new ServeSettingsException(found);
        }

        builder.Configuration.AddInMemoryCollection(ServeSettings.StorageAliases(builder.Configuration));
        builder.Configuration.AddInMemoryCollection(ServeSettings.QueueNameDefaults(builder.Configuration));
        ConfigureLogging(builder.Logging, logging);

        builder.AddCore();
        builder.AddInfrastructure();
        var serve = builder.Configuration.GetSection(ServeOptions.Section).Get<ServeOptions>() ?? new ServeOptions();
        if (serve.ClockOffset != TimeSpan.Zero)
        {
            builder.Services.AddSingleton<TimeProvider>(new ShiftedClock(serve.ClockOffset));
        }

        builder.Services.AddOptions<ServeOptions>().BindConfiguration(ServeOptions.Section)
            .Validate(o => o.Port is > 0 and < 65536, "Serve:Port must be a TCP port (1-65535).")
            .Validate(o => o.TimerLease >= TimeSpan.FromSeconds(3), "Serve:TimerLease must be at least 00:00:03.")
            .ValidateOnStart();

        var queues = LoadHostSettings(builder.Configuration);
        builder.Services.AddSingleton(queues);
        builder.Services.AddSingleton<TableScheduleMonitor>();
        builder.Services.AddSingleton<IReadOnlyList<ScheduledTimer>>(timers);
        builder.Services.AddHostedService<TimerScheduler>();
        AddQueueListener(builder, queues);

        // In-flight messages get this long to finish on Ctrl-C/SIGTERM; what is still running then is cancelled
        // and its message becomes visible again after visibilityTimeout, as on a host shutdown.
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, serve.Port));
        var token = string.IsNullOrWhiteSpace(serve.Token) ? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)) : serve.Token;
        // One secret for every endpoint serve hosts, unless the review page was given its own.
        if (string.IsNullOrWhiteSpace(builder.Configuration["Review:Token"]))
        {
            builder.Configuration["Review:Token"] = token;
        }

        ServeHooks.AddServices(builder.Services);
        var app = builder.Build();
        MapExtractPreview(app, token);
        ServeHooks.MapEndpoints(app);
        return new ServeApp(app, queues, timers, token, serve.Port);
    }

    /// <summary>Fails fast, naming the endpoint, when storage cannot be reached (Azurite not started, a wrong port).</summary>
    public static async Task CheckStorageAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        var queues = services.GetRequiredService<QueueServiceClient>();
        try
        {
            await foreach (var _ in queues.GetQueuesAsync(cancellationToken: timeout.Token))
            {
                break;
            }

            await foreach (var _ in services.GetRequiredService<TableServiceClient>().QueryAsync(cancellationToken: timeout.Token))
            {
                break;
            }
        }
        catch (Exception e) when (e is Azure.RequestFailedException or HttpRequestException or AggregateException
                                      || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new ServeSettingsException([
                $"storage at {queues.Uri} cannot be reached ({((e as AggregateException)?.InnerException ?? e).Message.Split('\n', 2)[0].Trim()}). " +
                "Start Azurite (`npx azurite --skipApiVersionCheck` in the repository) or fix Storage__ConnectionString / AzureWebJobsStorage.",
            ]);
        }
    }

    private static QueueHostSettings LoadHostSettings(IConfiguration configuration)
    {
        // The Functions app's own host.json ships beside healthit; Serve:HostJson points at another (tests).
        var path = configuration["Serve:HostJson"] is { Length: > 0 } configured ? configured
            : new[] { AppContext.BaseDirectory, Environment.CurrentDirectory }.Select(d => Path.Combine(d, "host.json")).FirstOrDefault(File.Exists);
        var settings = path is not null ? QueueHostSettings.Load(path) : new QueueHostSettings();
        return settings.WithAppSettings(key => configuration[key]);
    }

    private static void AddQueueListener(WebApplicationBuilder builder, QueueHostSettings settings)
    {
        builder.Host.ConfigureWebJobs(webJobs =>
        {
            webJobs.AddAzureStorageCoreServices();
            webJobs.AddAzureStorageQueues(o =>
            {
                o.BatchSize = settings.BatchSize;
                if (settings.NewBatchThreshold is { } threshold)
                {
                    o.NewBatchThreshold = threshold;
                }

                o.MaxDequeueCount = settings.MaxDequeueCount;
                o.VisibilityTimeout = settings.VisibilityTimeout ?? TimeSpan.Zero;
                o.MaxPollingInterval = settings.MaxPollingInterval;
                // What StorageWorkQueue writes and host.json declares.
                o.MessageEncoding = QueueMessageEncoding.Base64;
            });
        });
        // Only our job class is indexed, and it is built from the container like a function class.
        builder.Services.AddSingleton<ITypeLocator, QueueJobTypes>();
        builder.Services.AddSingleton<IJobActivator, ContainerJobActivator>();
    }

    private static void MapExtractPreview(WebApplication app, string token)
    {
        // ExtractPreview: the same ArticleReader call, the same checks and answers as the function.
        app.MapPost($"/api/{ServeTriggers.ExtractRoute}", async (HttpRequest request, ArticleReader reader, CancellationToken cancellationToken) =>
        {
            if (!HasToken(request, token))
            {
                return Results.Unauthorized();
            }

            Uri? url = null;
            if (request.Query.TryGetValue("url", out var rawUrl)
                && !(Uri.TryCreate(rawUrl, UriKind.Absolute, out url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)))
            {
                return Results.BadRequest($"'url' must be an absolute http(s) URL, got '{rawUrl}'.");
            }

            using var page = new MemoryStream();
            await request.Body.CopyToAsync(page, cancellationToken);
            if (page.Length == 0)
            {
                return Results.BadRequest("Post the page's HTML bytes as the request body.");
            }

            var result = reader.Read(page.GetBuffer().AsSpan(0, (int)page.Length), request.ContentType, url);
            return result.IsArticle
                ? Results.Ok(result.Article)
                : Results.UnprocessableEntity(new { reason = result.Reason?.ToString(), detail = result.Detail });
        });
    }

    /// <summary>The function key, as the Functions host accepts it: x-functions-key, ?code=, or a bearer token.</summary>
    internal static bool HasToken(HttpRequest request, string token)
    {
        var offered = request.Headers["x-functions-key"].FirstOrDefault()
            ?? request.Query["code"].FirstOrDefault()
            ?? (request.Headers.Authorization.FirstOrDefault() is { } auth && auth.StartsWith("Bearer ", StringComparison.Ordinal) ? auth["Bearer ".Length..] : null);
        return offered is not null && CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(offered), System.Text.Encoding.UTF8.GetBytes(token));
    }

    private static void ConfigureLogging(ILoggingBuilder logging, ServeLogging options)
    {
        logging.ClearProviders();
        // Diagnostics go to stderr, like every healthit command.
        logging.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        if (options.Json)
        {
            logging.AddJsonConsole(o =>
            {
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        }
        else
        {
            logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
                o.ColorBehavior = Console.IsErrorRedirected || Environment.GetEnvironmentVariable("NO_COLOR") is { Length: > 0 }
                    ? LoggerColorBehavior.Disabled
                    : LoggerColorBehavior.Default;
            });
        }

        logging.SetMinimumLevel(options.Verbose ? LogLevel.Debug : LogLevel.Information);
        if (!options.Verbose)
        {
            // The host's own noise, as host.json quiets it: results and the SDK's request logs only when asked.
            logging.AddFilter("Host.Results", LogLevel.Error);
            logging.AddFilter("Host.Aggregator", LogLevel.Warning);
            // Azure.Core logs every 404 of the listener probing for a poison queue as a warning.
            logging.AddFilter("Azure", LogLevel.Error);
            logging.AddFilter("Microsoft", LogLevel.Warning);
            logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information);
            logging.AddFilter("System.Net.Http", LogLevel.Warning);
        }
    }

    private sealed class QueueJobTypes : ITypeLocator
    {
        public IReadOnlyList<Type> GetTypes() => [typeof(QueueJobs)];
    }

    private sealed class ContainerJobActivator(IServiceProvider services) : IJobActivator
    {
        public T CreateInstance<T>() => ActivatorUtilities.GetServiceOrCreateInstance<T>(services);
    }
}

/// <summary>Start-up problems a person must fix; each line names the setting.</summary>
internal sealed class ServeSettingsException(IReadOnlyList<string> problems) : Exception(string.Join(Environment.NewLine, problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
