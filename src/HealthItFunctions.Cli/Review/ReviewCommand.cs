using System.CommandLine;
using HealthItFunctions.Cli.Commands;
using HealthItFunctions.Cli.Serve;
using HealthItFunctions.Core.Bulletins;

namespace HealthItFunctions.Cli.Review;

/// <summary>
/// <c>healthit review --month yyyy-MM [--port N]</c>: the review page and API on 127.0.0.1 against the configured
/// storage, until Ctrl+C.
/// </summary>
internal sealed class ReviewCommand : ICliCommand
{
    internal const int DefaultPort = HealthItFunctions.Local.DemoEnvironment.ReviewPort;

    public Command Build()
    {
        var month = new Option<string>("--month") { Description = "The month the page opens, yyyy-MM (e.g. 2021-08).", Required = true };
        var port = new Option<int>("--port") { Description = $"Loopback port (0 = any free port).", DefaultValueFactory = _ => DefaultPort };
        var command = new Command("review", "Serve the editors' review page and API on 127.0.0.1 against the configured storage (Storage__ConnectionString), " +
            $"behind Review__Token (a one-off token is made and printed when unset). Stop with Ctrl+C. {CliApplication.ExitCodesHelp}")
        {
            month, port,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            if (!BulletinMonth.TryParse(result.GetValue(month), out var parsed))
            {
                Console.Error.WriteLine($"error: --month '{result.GetValue(month)}' is not a month; write it as yyyy-MM, e.g. 2021-08.");
                return CliOutput.UsageError;
            }

            if (result.GetValue(port) is < 0 or > 65535)
            {
                Console.Error.WriteLine($"error: --port {result.GetValue(port)} is not a port; use 1-65535, or 0 for any free port.");
                return CliOutput.UsageError;
            }

            return await CliErrors.GuardAsync(() => RunAsync(parsed, result.GetValue(port), new Dictionary<string, string?>(), cancellationToken));
        });
        return command;
    }

    /// <summary>Runs until cancelled. <paramref name="settings"/> go over the environment's (the demo passes its Azurite and SMTP sink).</summary>
    internal static async Task<int> RunAsync(BulletinMonth month, int port, IDictionary<string, string?> settings, CancellationToken cancellationToken)
    {
        // The app's HTTP functions on serve's host, without its queue listener and timers: one host, one token scheme.
        var oneOff = string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("Review__Token")) && !(settings.TryGetValue("Review:Token", out var given) && !string.IsNullOrWhiteSpace(given));
        var effective = new Dictionary<string, string?>(settings) { ["Serve:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        ServeApp serve;
        try
        {
            serve = ServeHost.Build(effective, new ServeLogging(), httpOnly: true);
        }
        catch (ServeSettingsException e)
        {
            return CliOutput.Fail(string.Join(Environment.NewLine + "error: ", e.Problems));
        }

        await using var app = serve.App;
        await app.StartAsync(cancellationToken);
        var page = new Uri(serve.Address, "/api/review");
        // The token travels in the fragment, which the browser keeps to itself; the page moves it to sessionStorage.
        Console.WriteLine(oneOff ? $"{page}#month={month}&token={serve.Token}" : $"{page}#month={month}");
        CliOutput.Progress(oneOff
            ? "review: no Review__Token set, so a one-off token is in the link above (valid until this stops). Ctrl+C stops."
            : "review: open the link and paste Review__Token when asked. Ctrl+C stops.");
        // Ctrl+C reaches the command's token; SIGTERM reaches the host's lifetime first. Either one stops.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, app.Lifetime.ApplicationStopping);
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token);
        }
        catch (OperationCanceledException)
        {
        }

        await app.StopAsync(CancellationToken.None);
        return CliOutput.Ok;
    }
}
