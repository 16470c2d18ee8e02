using System.Net;
using System.Security.Cryptography;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using HealthItFunctions.Core;
using HealthItFunctions.Infrastructure;
using HealthItFunctions.Local;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
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
internal sealed record ServeApp(WebApplication App, QueueHostSettings Queues, IReadOnlyList<ScheduledTimer> Timers, IReadOnlyList<AppFunction> Functions, string Token, int Port)
{
    /// <summary>The address Kestrel listens on once started (Serve:Port 0 lets the system choose).</summary>
    public Uri Address => new(App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
}

/// <summary>
/// `healthit serve` in one process: the Functions app's own functions, read from its assembly
/// (<see cref="AppFunctions"/>): queue triggers on the WebJobs SDK queue listener, timers on <see cref="TimerScheduler"/>,
/// HTTP triggers on Kestrel at 127.0.0.1. One container, built by the same AddCore and AddInfrastructure as the app,
/// builds the function classes; nothing here names a function.
/// </summary>
internal static class ServeHost
{
    /// <summary>The queue triggers' connection, as in the Functions app; locally it is Storage:ConnectionString.</summary>
    public const string StorageConnection = "AzureWebJobsStorage";

    /// <param name="httpOnly">Only the HTTP functions (`healthit review`): no queue listener, no timers.</param>
    public static ServeApp Build(IReadOnlyDictionary<string, string?>? overrides, ServeLogging logging, bool httpOnly = false)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        if (overrides is not null)
        {
            builder.Configuration.AddInMemoryCollection(overrides);
        }

        IReadOnlyList<AppFunction> functions;
        try
        {
            functions = AppFunctions.Read();
        }
        catch (InvalidOperationException e)
        {
            throw new ServeSettingsException([e.Message]);
        }

        var queueFunctions = httpOnly ? [] : functions.Where(f => f.Trigger is QueueBinding).ToList();
        var timerFunctions = httpOnly ? [] : functions.Where(f => f.Trigger is TimerBinding).Select(TimerOf).ToList();
        var (timers, found) = ServeSettings.Check(builder.Configuration, timerFunctions);
        if (found.Count > 0)
        {
            throw new ServeSettingsException(found);
        }

        builder.Configuration.AddInMemoryCollection(ServeSettings.StorageAliases(builder.Configuration));
        builder.Configuration.AddInMemoryCollection(ServeSettings.QueueNameDefaults(builder.Configuration));
        // One secret for every keyed HTTP function; made here, printed once to the terminal, when none is set.
        var token = builder.Configuration["Review:Token"] is { Length: > 0 } configured
            ? configured.Trim()
            : Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        builder.Configuration["Review:Token"] = token;
        ConfigureLogging(builder.Logging, logging);

        builder.AddCore();
        builder.AddInfrastructure();
        builder.AddHealthItObservability();
        builder.Services.AddSingleton<LocalRun>();
        var serve = builder.Configuration.GetSection(ServeOptions.Section).Get<ServeOptions>() ?? new ServeOptions();
        builder.Services.AddOptions<ServeOptions>().BindConfiguration(ServeOptions.Section)
            .Configure<IConfiguration>((o, configuration) =>
            {
                o.Token = configuration["Review:Token"] ?? "";
                o.Editor = configuration["Review:Editor"];
            })
            .Validate(o => o.Port is >= 0 and < 65536, "Serve:Port must be a TCP port (1-65535), or 0 for any free port.")
            .Validate(o => o.TimerLease >= TimeSpan.FromSeconds(3), "Serve:TimerLease must be at least 00:00:03.")
            .ValidateOnStart();

        builder.Services.AddSingleton(functions);
        builder.Services.AddSingleton<FunctionInvoker>();
        var queues = QueueHostSettings.From(builder.Configuration);
        builder.Services.AddSingleton(queues);
        if (!httpOnly)
        {
            builder.Services.AddSingleton<TableScheduleMonitor>();
            builder.Services.AddSingleton<IReadOnlyList<ScheduledTimer>>(timers);
            builder.Services.AddHostedService<TimerScheduler>();
            AddQueueListener(builder, queues, queueFunctions);
        }

        // In-flight messages get this long to finish on Ctrl-C/SIGTERM; what is still running then is cancelled
        // and its message becomes visible again after visibilityTimeout, as on a host shutdown.
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, serve.Port));
        var app = builder.Build();
        HttpFunctions.Map(app, functions.Where(f => f.Trigger is HttpBinding));
        return new ServeApp(app, queues, timers, functions, token, serve.Port);
    }

    /// <summary>
    /// Fails fast, naming the setting and the fix, when storage cannot be reached (Azurite not started, a wrong port):
    /// a TCP connect to the queue endpoint answers within seconds, where the SDK's retries take half a minute.
    /// </summary>
    public static async Task CheckStorageAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var queues = services.GetRequiredService<QueueServiceClient>();
        try
        {
            using (var connect = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                connect.CancelAfter(TimeSpan.FromSeconds(4));
                using var tcp = new System.Net.Sockets.TcpClient();
                await tcp.ConnectAsync(queues.Uri.Host, queues.Uri.Port, connect.Token);
            }

            // Reachable: now the account itself (credentials, a wrong account name), with the SDK's own patience.
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(30));
            await foreach (var _ in queues.GetQueuesAsync(cancellationToken: timeout.Token))
            {
                break;
            }

            await foreach (var _ in services.GetRequiredService<TableServiceClient>().QueryAsync(cancellationToken: timeout.Token))
            {
                break;
            }
        }
        catch (Exception e) when (e is Azure.RequestFailedException or HttpRequestException or AggregateException or System.Net.Sockets.SocketException
                                      || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            var why = e is OperationCanceledException ? "no answer in time" : ((e as AggregateException)?.InnerException ?? e).Message.Split('\n', 2)[0].Trim();
            throw new ServeSettingsException([
                $"storage at {queues.Uri} cannot be reached ({why}). " +
                "Start Azurite (`npx azurite --disableTelemetry --skipApiVersionCheck` in the repository) or fix Storage__ConnectionString / AzureWebJobsStorage.",
            ]);
        }
    }

    /// <summary>The app's timer functions as the scheduler runs them.</summary>
    public static IReadOnlyList<ServeTimer> AppTimers() => AppFunctions.Read().Where(f => f.Trigger is TimerBinding).Select(TimerOf).ToList();

    /// <summary>A timer function as the scheduler runs it: the app's method, given a TimerInfo like the host's.</summary>
    private static ServeTimer TimerOf(AppFunction function)
    {
        var binding = (TimerBinding)function.Trigger;
        return new ServeTimer(function.Name, binding.Setting, (services, info, cancellationToken) =>
            services.GetRequiredService<FunctionInvoker>().InvokeAsync(function, new Microsoft.Azure.Functions.Worker.TimerInfo { IsPastDue = info.IsPastDue },
                new Dictionary<string, object?> { ["ScheduledFor"] = info.ScheduledFor }, cancellationToken),
            binding.Setting is null ? binding.Schedule : null);
    }

    private static void AddQueueListener(WebApplicationBuilder builder, QueueHostSettings settings, IReadOnlyList<AppFunction> queueFunctions)
    {
        var jobs = QueueJobs.Emit(queueFunctions);
        builder.Services.AddSingleton(services => new QueueJobs.Dispatcher(queueFunctions, services.GetRequiredService<FunctionInvoker>(), services.GetRequiredService<ILoggerFactory>()));
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
        // Only the emitted job class is indexed, and it is built from the container like a function class.
        builder.Services.AddSingleton<ITypeLocator>(new QueueJobTypes(jobs));
        builder.Services.AddSingleton<IJobActivator, ContainerJobActivator>();
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
            // A failed start is thrown to the command, which names the setting in one line; the host would log it again with its stack.
            logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
            logging.AddFilter("System.Net.Http", LogLevel.Warning);
            // A start-up failure (a missing setting) reaches the command as an exception, told there in one line.
            logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
        }
    }

    private sealed class QueueJobTypes(Type jobs) : ITypeLocator
    {
        public IReadOnlyList<Type> GetTypes() => [jobs];
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
