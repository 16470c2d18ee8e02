using Azure;
using Microsoft.Extensions.Options;

namespace HealthItFunctions.Cli.Commands;

/// <summary>Turns the failures a user can fix into one line on stderr and exit code 2, instead of a stack trace.</summary>
internal static class CliErrors
{
    public static async Task<int> GuardAsync(Func<Task<int>> action)
    {
        try
        {
            return await action();
        }
        catch (OptionsValidationException e)
        {
            return CliOutput.Fail($"settings: {string.Join(" ", e.Failures)}");
        }
        catch (RequestFailedException e)
        {
            return CliOutput.Fail($"storage refused a request ({e.Status} {e.ErrorCode}): {FirstLine(e.Message)}");
        }
        catch (HttpRequestException e) when (e.InnerException is System.Net.Sockets.SocketException)
        {
            return CliOutput.Fail($"cannot reach storage or a site: {e.Message}. Is Azurite running (npx azurite --skipApiVersionCheck)?");
        }
        catch (AggregateException e) when (e.InnerException is RequestFailedException or HttpRequestException)
        {
            return CliOutput.Fail($"cannot reach storage: {FirstLine(e.InnerException!.Message)}. Check Storage__ConnectionString and that Azurite or the account is reachable.");
        }
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
