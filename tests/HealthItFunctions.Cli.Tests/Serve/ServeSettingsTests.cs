using HealthItFunctions.Cli.Serve;
using Microsoft.Extensions.Configuration;

namespace HealthItFunctions.Cli.Tests.Serve;

public sealed class ServeSettingsTests
{
    [Fact]
    public void Check_NothingSet_NamesEachMissingSettingAndHowToSetIt()
    {
        var (timers, problems) = ServeSettings.Check(Configuration([]));

        Assert.Empty(timers);
        Assert.Contains(problems, p => p.StartsWith("PollSchedule is not set", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("BulletinSchedule is not set", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Storage__ConnectionString", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_FiveFieldCron_ExplainsTheSixFieldFormat()
    {
        var (_, problems) = ServeSettings.Check(Configuration(new()
        {
            ["PollSchedule"] = "*/30 * * * *",
            ["BulletinSchedule"] = "0 5 16 * * *",
            ["DigestSchedule"] = "0 0 0 * * *",
            ["Storage:ConnectionString"] = "UseDevelopmentStorage=true",
        }));

        var problem = Assert.Single(problems);
        Assert.StartsWith("PollSchedule='*/30 * * * *' is not a 6-field NCRONTAB expression", problem);
    }

    [Fact]
    public void Check_ValidSettings_ParsesEveryTimerInUtcWithSeconds()
    {
        var (timers, problems) = ServeSettings.Check(Configuration(new()
        {
            ["PollSchedule"] = "0 */30 * * * *",
            ["BulletinSchedule"] = "0 5 16 * * *",
            ["DigestSchedule"] = "0 0 0 * * *",
            ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
        }));

        Assert.Empty(problems);
        var bulletin = Assert.Single(timers, t => t.Timer.Name == "PublishBulletin");
        Assert.Equal(new DateTimeOffset(2021, 8, 31, 16, 5, 0, TimeSpan.Zero), bulletin.NextAfter(new DateTimeOffset(2021, 8, 31, 16, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void StorageAliases_AppConnectionString_BecomesTheListenerConnection()
    {
        var aliases = ServeSettings.StorageAliases(Configuration(new() { ["Storage:ConnectionString"] = "UseDevelopmentStorage=true" }));

        Assert.Equal("UseDevelopmentStorage=true", aliases[ServeHost.StorageConnection]);
    }

    [Fact]
    public void StorageAliases_OnlyFunctionsStyleSetting_FillsTheAppSetting()
    {
        var aliases = ServeSettings.StorageAliases(Configuration(new() { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true" }));

        Assert.Equal("UseDevelopmentStorage=true", aliases["Storage:ConnectionString"]);
        Assert.False(aliases.ContainsKey(ServeHost.StorageConnection));
    }

    [Fact]
    public void StorageAliases_AccountWithIdentity_UsesTheManagedIdentityForTheListener()
    {
        var aliases = ServeSettings.StorageAliases(Configuration(new()
        {
            ["Storage:AccountName"] = "sthealthit",
            ["Storage:ManagedIdentityClientId"] = "00000000-0000-0000-0000-000000000001",
        }));

        Assert.Equal("sthealthit", aliases["AzureWebJobsStorage:accountName"]);
        Assert.Equal("managedidentity", aliases["AzureWebJobsStorage:credential"]);
        Assert.Equal("00000000-0000-0000-0000-000000000001", aliases["AzureWebJobsStorage:clientId"]);
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
