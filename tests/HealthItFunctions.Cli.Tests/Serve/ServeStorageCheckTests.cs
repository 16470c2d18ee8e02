using System.Diagnostics;
using HealthItFunctions.Cli.Serve;
using HealthItFunctions.Local;

namespace HealthItFunctions.Cli.Tests.Serve;

public sealed class ServeStorageCheckTests
{
    [Fact]
    public async Task CheckStorage_NothingListening_FailsWithinFiveSecondsNamingTheSettingAndTheFix()
    {
        var closed = FreePorts.Take(1)[0];
        var serve = ServeHost.Build(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:{closed}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{closed}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{closed}/devstoreaccount1;",
            ["Polling:UserAgentContact"] = "ops@example.org",
            ["Serve:Port"] = "0",
        }, new ServeLogging(), httpOnly: true);
        await using var app = serve.App;
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<ServeSettingsException>(() => ServeHost.CheckStorageAsync(app.Services, TestContext.Current.CancellationToken));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        var message = Assert.Single(error.Problems);
        Assert.Contains("Storage__ConnectionString", message, StringComparison.Ordinal);
        Assert.Contains("azurite", message, StringComparison.OrdinalIgnoreCase);
    }
}
