using HealthItFunctions.Local;
using Microsoft.Extensions.Configuration;

namespace HealthItFunctions.Cli.Tests.Local;

public sealed class QueueHostSettingsTests
{
    [Fact]
    public void Load_HostJsonWithQueueSection_ReadsEveryQueueSettingTheListenerUses()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, """
            {
              "version": "2.0",
              // comments are allowed, as the host allows them
              "functionTimeout": "00:07:00",
              "extensions": { "queues": { "batchSize": 3, "newBatchThreshold": 1, "maxPollingInterval": "00:00:04",
                                          "visibilityTimeout": "00:00:30", "maxDequeueCount": 6, "messageEncoding": "base64" } }
            }
            """);

        var settings = QueueHostSettings.Load(path);
        File.Delete(path);

        Assert.Equal(3, settings.BatchSize);
        Assert.Equal(1, settings.NewBatchThreshold);
        Assert.Equal(TimeSpan.FromSeconds(30), settings.VisibilityTimeout);
        Assert.Equal(6, settings.MaxDequeueCount);
        Assert.Equal(TimeSpan.FromSeconds(4), settings.MaxPollingInterval);
        Assert.Equal(TimeSpan.FromMinutes(7), settings.FunctionTimeout);
    }

    [Fact]
    public void Load_NoQueueSection_KeepsTheHostDefaults()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, """{ "version": "2.0" }""");

        var settings = QueueHostSettings.Load(path);
        File.Delete(path);

        Assert.Equal(16, settings.BatchSize);
        Assert.Null(settings.NewBatchThreshold);
        Assert.Equal(5, settings.MaxDequeueCount);
        Assert.Equal(TimeSpan.FromMinutes(1), settings.MaxPollingInterval);
    }

    [Fact]
    public void WithAppSettings_HostOverrideForm_ReplacesOnlyTheGivenValues()
    {
        var overrides = new Dictionary<string, string>
        {
            ["AzureFunctionsJobHost:extensions:queues:maxDequeueCount"] = "2",
            ["AzureFunctionsJobHost:extensions:queues:visibilityTimeout"] = "00:00:01",
        };

        var settings = new QueueHostSettings(BatchSize: 4, MaxDequeueCount: 5, VisibilityTimeout: TimeSpan.FromMinutes(1)).WithAppSettings(key => overrides.GetValueOrDefault(key));

        Assert.Equal(2, settings.MaxDequeueCount);
        Assert.Equal(TimeSpan.FromSeconds(1), settings.VisibilityTimeout);
        Assert.Equal(4, settings.BatchSize);
    }

    [Fact]
    public void From_HostJsonSettingAndAnAppOverride_ReadsThatFileThenAppliesTheOverride()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, """{ "version": "2.0", "extensions": { "queues": { "batchSize": 2, "maxDequeueCount": 7 } } }""");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [QueueHostSettings.HostJsonSetting] = path,
            ["AzureFunctionsJobHost:extensions:queues:maxDequeueCount"] = "3",
        }).Build();

        var settings = QueueHostSettings.From(configuration);
        File.Delete(path);

        Assert.Equal(2, settings.BatchSize);
        Assert.Equal(3, settings.MaxDequeueCount);
    }
}
