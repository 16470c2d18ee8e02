using System.Diagnostics;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using HealthItFunctions.Local;
using HealthItFunctions.Bench.Soak;
using HealthItFunctions.Cli.Serve;
using HealthItFunctions.Core.Articles;
using HealthItFunctions.Core.Bulletins;
using HealthItFunctions.Core.Pipeline;
using HealthItFunctions.Core.Publishing;
using HealthItFunctions.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace HealthItFunctions.Cli.Tests.Serve;

/// <summary>
/// `healthit serve` in this process against Azurite, the SMTP sink and the replay of 2021-08, with its clock shifted
/// to just before the Beijing month end so the real BulletinSchedule fires during the test.
/// </summary>
public sealed class ServeEndToEndTests : IAsyncLifetime
{
    // 16:00 UTC on 31 August is midnight in Beijing: "0 0 16 * * *" publishes August then.
    private static readonly DateTimeOffset MonthEnd = new(2021, 8, 31, 16, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan UntilMonthEnd = TimeSpan.FromSeconds(25);
    private const string FailingPath = "/xwzx_20031/wnxw/202108/t20210827_2476201.html";

    private DemoEnvironment _environment = null!;
    private DirectoryInfo _mail = null!;

    public async ValueTask InitializeAsync()
    {
        var root = RepositoryLayout.FindRoot() ?? RepositoryPaths.Root;
        _mail = Directory.CreateTempSubdirectory("serve-mail-");
        _environment = await DemoEnvironment.StartAsync(root, Path.Combine(root, "seeds", "replay", "2021-08"), _mail.FullName, TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _environment.DisposeAsync();
        _mail.Delete(recursive: true);
    }

    [Fact]
    public async Task Serve_ReplayMonthWithFastTimers_StoresEachLinkOnceNotifiesEditorsOnceAndPoisonsTheFailingPage()
    {
        var ct = TestContext.Current.CancellationToken;
        // The clock reads LocalRun:StartAt at the process's start, and this test process started a while ago.
        using var process = Process.GetCurrentProcess();
        var running = DateTimeOffset.UtcNow - process.StartTime.ToUniversalTime();
        var settings = new Dictionary<string, string?>(_environment.Settings())
        {
            ["PollSchedule"] = "*/3 * * * * *",
            ["BulletinSchedule"] = "0 0 16 * * *",
            // The digest is another mail; it must not fire during the run (only New Year 08:00 Beijing).
            ["DigestSchedule"] = "0 0 0 1 1 *",
            ["Serve:Port"] = FreePorts.Take(1)[0].ToString(),
            ["LocalRun:StartAt"] = (MonthEnd - UntilMonthEnd - running).ToString("o"),
            // The host's own override of host.json: fail fast, retry fast.
            ["AzureFunctionsJobHost:extensions:queues:maxDequeueCount"] = "2",
            ["AzureFunctionsJobHost:extensions:queues:visibilityTimeout"] = "00:00:01",
            ["AzureFunctionsJobHost:extensions:queues:maxPollingInterval"] = "00:00:01",
        };
        var serve = ServeHost.Build(settings, new ServeLogging());
        await using var app = serve.App;
        await ServeHost.CheckStorageAsync(app.Services, ct);

        await app.StartAsync(ct);
        // The editors' draft notice; source alerts are mails of their own and not counted here.
        List<MimeKit.MimeMessage> Notices() => _environment.Mail.Received.Where(m => (m.Subject ?? "").StartsWith("待审核：", StringComparison.Ordinal)).ToList();
        var deadline = DateTimeOffset.UtcNow + UntilMonthEnd + TimeSpan.FromSeconds(40);
        while (Notices().Count == 0 && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(200, ct);
        }

        // Ticks after the month-end run: more polls, and no second notice.
        await Task.Delay(TimeSpan.FromSeconds(7), ct);
        var audit = await ServeAudit.RunAsync(app.Services, ct);
        await app.StopAsync(ct);

        Assert.Single(Notices());
        var bulletin = await app.Services.GetRequiredService<IBulletinStore>().GetAsync(BulletinMonth.Parse("2021-08"), ct);
        Assert.NotNull(bulletin);
        Assert.Single(bulletin.Versions);
        // The month-end run builds a draft and tells the editors once; readers wait for an editor's approval.
        Assert.Equal((BulletinStage.Draft, 1, 0), (bulletin.Stage, bulletin.NotifiedVersion, bulletin.SentVersion));
        Assert.True(bulletin.Latest!.ArticleCount > 0, "the month-end run published the month's stored articles");

        var tables = new TableServiceClient(_environment.Azurite.ConnectionString);
        var rows = new List<(string Id, string? Url)>();
        await foreach (var row in tables.GetTableClient("articles").QueryAsync<TableEntity>(cancellationToken: ct))
        {
            rows.Add((row.RowKey, row.GetString("CanonicalUrl")));
        }

        Assert.NotEmpty(rows);
        Assert.Equal(rows.Count, rows.Select(r => r.Url).Distinct().Count());
        Assert.Equal(0, audit.DuplicateArticles);
        Assert.Empty(audit.LinksLost);

        // The replay's 500 page: retried (maxDequeueCount 2), poisoned by the listener, then recorded by
        // RecordPoisonedArticle, which consumes the poison message and marks the link failed for source health.
        var failures = await app.Services.GetRequiredService<IFetchFailureLog>().ListAsync("wjw-beijing", ct);
        Assert.Contains(failures, f => f.Url.Contains(FailingPath, StringComparison.Ordinal));
        var attemptsBeforePoison = _environment.Replay.Requests.Count(r => r.Path == FailingPath && r.Method == "GET");
        Assert.True(attemptsBeforePoison >= 2, $"the failing page was fetched {attemptsBeforePoison} times; maxDequeueCount 2 means at least two attempts");
        Assert.Contains(audit.LinksPoisoned, url => url.Contains(FailingPath, StringComparison.Ordinal));
    }
}
