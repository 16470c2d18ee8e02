using Cronos;
using HealthItFunctions.Core;
using Microsoft.Extensions.Configuration;

namespace HealthItFunctions.Cli.Serve;

/// <summary>
/// Start-up checks that need no storage: every timer has a readable schedule and storage is named. Each problem
/// names the setting and how to set it, so a newcomer fixes all of them in one go.
/// </summary>
internal static class ServeSettings
{
    public const int MinimumTokenLength = 16;

    /// <summary>The checks over the app's own timers.</summary>
    public static (IReadOnlyList<ScheduledTimer> Timers, IReadOnlyList<string> Problems) Check(IConfiguration configuration) =>
        Check(configuration, ServeHost.AppTimers());

    public static (IReadOnlyList<ScheduledTimer> Timers, IReadOnlyList<string> Problems) Check(IConfiguration configuration, IEnumerable<ServeTimer> serveTimers)
    {
        var problems = new List<string>();
        var timers = new List<ScheduledTimer>();
        foreach (var timer in serveTimers)
        {
            var expression = timer.ScheduleSetting is { } setting ? configuration[setting] : timer.LiteralSchedule;
            if (string.IsNullOrWhiteSpace(expression))
            {
                problems.Add($"{timer.ScheduleSetting} is not set: {timer.Name} needs a 6-field NCRONTAB schedule in UTC, e.g. {timer.ScheduleSetting}='{Example(timer.ScheduleSetting ?? "")}' (infra/README.md lists the defaults).");
                continue;
            }

            try
            {
                timers.Add(new ScheduledTimer(timer, expression, CronExpression.Parse(expression, CronFormat.IncludeSeconds)));
            }
            catch (CronFormatException e)
            {
                problems.Add($"{timer.ScheduleSetting ?? timer.Name}='{expression}' is not a 6-field NCRONTAB expression (second minute hour day month weekday): {e.Message}");
            }
        }

        if (string.IsNullOrWhiteSpace(configuration["Storage:ConnectionString"]) && string.IsNullOrWhiteSpace(configuration["Storage:AccountName"])
            && string.IsNullOrWhiteSpace(configuration[ServeHost.StorageConnection]) && !configuration.GetSection(ServeHost.StorageConnection).GetChildren().Any())
        {
            problems.Add("storage is not set: set Storage__ConnectionString (Azurite: 'UseDevelopmentStorage=true') or Storage__AccountName, or AzureWebJobsStorage as for `func start`.");
        }

        if (configuration["Review:Token"] is { Length: > 0 } token && token.Trim().Length < MinimumTokenLength)
        {
            problems.Add($"Review:Token is shorter than {MinimumTokenLength} characters: set Review__Token to a longer secret, or leave it unset and serve makes one.");
        }

        if (configuration[RunClock.StartAtSetting] is { Length: > 0 } startAt && !RunClock.TryParse(startAt, out _))
        {
            problems.Add(RunClock.Problem(startAt));
        }

        return (timers, problems);
    }

    /// <summary>
    /// One storage account for the app and for the queue listener, as in Azure. Whichever of Storage:* (the app's
    /// setting) and AzureWebJobsStorage (the host's) is given fills the other.
    /// </summary>
    public static Dictionary<string, string?> StorageAliases(IConfiguration configuration)
    {
        var aliases = new Dictionary<string, string?>();
        var hostSection = configuration.GetSection(ServeHost.StorageConnection);
        var hostSet = !string.IsNullOrWhiteSpace(hostSection.Value) || hostSection.GetChildren().Any();
        if (configuration["Storage:ConnectionString"] is { Length: > 0 } connectionString)
        {
            if (!hostSet)
            {
                aliases[ServeHost.StorageConnection] = connectionString;
            }
        }
        else if (configuration["Storage:AccountName"] is { Length: > 0 } account)
        {
            if (!hostSet)
            {
                aliases[$"{ServeHost.StorageConnection}:accountName"] = account;
                if (configuration["Storage:ManagedIdentityClientId"] is { Length: > 0 } clientId)
                {
                    aliases[$"{ServeHost.StorageConnection}:credential"] = "managedidentity";
                    aliases[$"{ServeHost.StorageConnection}:clientId"] = clientId;
                }
            }
        }
        else if (hostSection.Value is { Length: > 0 } hostConnectionString)
        {
            aliases["Storage:ConnectionString"] = hostConnectionString;
        }
        else if (hostSection["accountName"] is { Length: > 0 } hostAccount)
        {
            aliases["Storage:AccountName"] = hostAccount;
        }

        return aliases;
    }

    /// <summary>
    /// The trigger attributes name their queue by setting (%Queues:SourcePolls%), and the listener refuses a setting
    /// that is absent; QueueOptions' defaults fill in for the ones not set, so both sides agree on the names.
    /// </summary>
    public static Dictionary<string, string?> QueueNameDefaults(IConfiguration configuration)
    {
        var defaults = new HealthItFunctions.Core.Pipeline.QueueOptions();
        var values = new Dictionary<string, string?>();
        var names = typeof(HealthItFunctions.Core.Pipeline.QueueOptions).GetProperties()
            .Where(p => p.PropertyType == typeof(string) && p.CanRead)
            .Select(p => ($"{HealthItFunctions.Core.Pipeline.QueueOptions.Section}:{p.Name}", (string?)p.GetValue(defaults)));
        foreach (var (key, value) in names)
        {
            if (string.IsNullOrWhiteSpace(configuration[key]))
            {
                values[key] = value;
            }
        }

        return values;
    }

    private static string Example(string setting) => setting switch
    {
        "PollSchedule" => "0 */30 * * * *",
        "BulletinSchedule" => "0 5 16 * * *",
        _ => "0 0 0 * * *",
    };
}
