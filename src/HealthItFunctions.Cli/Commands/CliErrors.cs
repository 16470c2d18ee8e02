using Azure;
using HealthItFunctions.Infrastructure.Storage;
using Microsoft.Extensions.Options;

namespace HealthItFunctions.Cli.Commands;

/// <summary>Turns the failures a user can fix into one line on stderr and exit code 2, instead of a stack trace.</summary>
internal static class CliErrors
{
    /// <summary>
    /// For commands that need storage: settings are checked and the endpoints tried first, so a stopped Azurite or a
    /// wrong port is one line within seconds rather than the SDK's retries.
    /// </summary>
    public static Task<int> GuardStorageAsync(IServiceProvider services, Func<Task<int>> action, CancellationToken cancellationToken) =>
        GuardAsync(async () => await StorageReachability.CheckAsync(services, StorageReachability.DefaultBudget, cancellationToken) is { } unreachable
            ? CliOutput.Fail(unreachable)
            : await action());

    public static async Task<int> GuardAsync(Func<Task<int>> action)
    {
        try
        {
            return await action();
        }
        catch (OptionsValidationException e)
        {
            return SettingsFailed(e.Failures);
        }
        catch (AggregateException e) when (e.InnerExceptions.All(i => i is OptionsValidationException))
        {
            // A host's start-up validation reports every invalid options class at once.
            return SettingsFailed(e.InnerExceptions.Cast<OptionsValidationException>().SelectMany(i => i.Failures));
        }
        catch (RequestFailedException e)
        {
            return CliOutput.Fail($"storage refused a request ({e.Status} {e.ErrorCode}): {FirstLine(e.Message)}");
        }
        catch (HttpRequestException e) when (e.InnerException is System.Net.Sockets.SocketException)
        {
            return CliOutput.Fail($"cannot reach storage or a site: {e.Message}. Is Azurite running (npx azurite --skipApiVersionCheck --disableTelemetry)?");
        }
        catch (AggregateException e) when (e.InnerException is RequestFailedException or HttpRequestException)
        {
            return CliOutput.Fail($"cannot reach storage: {FirstLine(e.InnerException!.Message)}. Check Storage__ConnectionString and that Azurite or the account is reachable.");
        }
    }

    private static int SettingsFailed(IEnumerable<string> failures) => CliOutput.Fail($"settings: {string.Join(" ", failures)}");

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
