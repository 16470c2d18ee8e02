using System.Diagnostics;
using Azure.Storage.Queues;
using HealthItFunctions.Core.Pipeline;
using HealthItFunctions.Local;
using HealthItFunctions.Cli.Pipeline;
using HealthItFunctions.Cli.Commands;

namespace HealthItFunctions.Bench.Soak;

/// <summary>
/// The soak's timeline, as fractions of its duration: serve starts; SIGKILL as soon as the first article is stored
/// (work in flight); Azurite killed and restarted on the same ports and data at 40 %; the Beijing month end (the
/// BulletinSchedule occurrence) at 60 %, with a SIGKILL half a second after it; SIGTERM and restart at 80 %;
/// SIGTERM at the end; serve once more while messages leased by the killed serves remain; then the audit.
/// </summary>
internal sealed class SoakRun(string root, string healthitDll, DirectoryInfo output, TimeSpan duration, int pollEverySeconds)
{
    private static readonly DateTimeOffset MonthEnd = new(2021, 8, 31, 16, 0, 0, TimeSpan.Zero);

    private readonly Stopwatch _clock = new();
    private readonly List<string> _events = [];
    private readonly Dictionary<string, string?> _environment = new();
    private AzuriteProcess? _azurite;
    private ChildProcess? _serve;
    private int _serveRuns;
    private TimeSpan _offset;

    public async Task<bool> RunAsync(CancellationToken cancellationToken)
    {
        output.Create();
        var persist = Directory.CreateTempSubdirectory("soak-azurite-").FullName;
        var ports = FreePorts.Take(3);
        _azurite = await AzuriteProcess.StartAsync(root, persist, ports, cancellationToken);
        await using var mail = await SmtpSink.StartAsync(Path.Combine(output.FullName, "mail"), cancellationToken: cancellationToken);
        await using var replay = await ReplayServer.StartAsync(Path.Combine(root, "seeds", "replay", "2021-08"), cancellationToken);
        var settings = DemoEnvironment.Settings(_azurite.ConnectionString, mail.Port, replay);
        var servePort = FreePorts.Take(1)[0];
        _clock.Start();
        var monthEndAt = duration * 0.6;
        // One offset for every start (each start is told the instant it starts at): serve's clock is continuous across
        // restarts, as a real clock would be. Whole seconds, so serve's timer ticks fall on real second boundaries the soak can aim at.
        _offset = TimeSpan.FromSeconds(Math.Round((MonthEnd - monthEndAt - DateTimeOffset.UtcNow).TotalSeconds));
        foreach (var (key, value) in new Dictionary<string, string?>(settings)
        {
            ["PollSchedule"] = $"*/{pollEverySeconds} * * * * *",
            ["BulletinSchedule"] = "0 0 16 * * *",
            // The digest is another mail; it must not fire during the run (only New Year 08:00 Beijing).
            ["DigestSchedule"] = "0 0 0 1 1 *",
            ["Serve:Port"] = servePort.ToString(),
            ["Serve:TimerLease"] = "00:00:15",
        })
        {
            _environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        try
        {
            await StartServeAsync(servePort, cancellationToken);
            await KillAtFirstArticleAsync(servePort, cancellationToken);
            await WaitUntilAsync(duration * 0.4, cancellationToken);
            await RestartAzuriteAsync(persist, ports, cancellationToken);
            await WaitUntilAsync(monthEndAt + TimeSpan.FromMilliseconds(500), cancellationToken);
            await KillAsync("SIGKILL half a second after the month-end occurrence");
            await StartServeAsync(servePort, cancellationToken);
            await WaitUntilAsync(duration * 0.8, cancellationToken);
            await WaitForPollTickAsync(TimeSpan.FromMilliseconds(300), cancellationToken);
            await TerminateAsync(cancellationToken);
            await StartServeAsync(servePort, cancellationToken);
            await WaitUntilAsync(duration, cancellationToken);
            await TerminateAsync(cancellationToken);
            await DrainLeasedMessagesAsync(servePort, settings, cancellationToken);
        }
        finally
        {
            SaveLog();
            _serve?.Dispose();
        }

        var report = await AuditAsync(settings, mail, cancellationToken);
        _azurite.Dispose();
        TryDelete(persist);
        return report;
    }

    private async Task<bool> AuditAsync(IReadOnlyDictionary<string, string?> settings, SmtpSink mail, CancellationToken cancellationToken)
    {
        using var host = CliHost.CreateBuilder(settings, Microsoft.Extensions.Logging.LogLevel.Error).Build();
        var audit = await ServeAudit.RunAsync(host.Services, cancellationToken);
        var mails = mail.Received.Count;
        var logs = Directory.GetFiles(output.FullName, "serve-*.log").Select(File.ReadAllText).ToList();
        int Count(string text) => logs.Sum(l => l.Split(text).Length - 1);
        List<string> lines =
        [
            $"soak: {duration.TotalMinutes:0.#} min, PollSchedule every {pollEverySeconds} s, {_serveRuns} serve starts",
            .. _events.Select(e => "  " + e),
            $"timer runs: PollSources {Count("Executed 'PollSources' (Succeeded")}, PublishBulletin {Count("Executed 'PublishBulletin' (Succeeded")}, past due {Count("past due: True")}",
            $"queue runs: PollSource {Count("Executed 'PollSource' (Succeeded")} ok / {Count("Executed 'PollSource' (Failed")} failed, " +
                $"ProcessArticle {Count("Executed 'ProcessArticle' (Succeeded")} ok / {Count("Executed 'ProcessArticle' (Failed")} failed",
            $"articles stored: {audit.Articles}, duplicates: {audit.DuplicateArticles}, links recorded dropped: {audit.Dropped}",
            $"links in the replay's lists: {audit.ListedLinks} = {audit.LinksStored} stored + {audit.LinksDropped} dropped + {audit.LinksPoisoned.Count} in poison + {audit.LinksPending.Count} queued + {audit.LinksFailing.Count} failing at the site (retrying); lost: {audit.LinksLost.Count}",
            .. audit.LinksPoisoned.Select(u => "  in poison: " + u),
            .. audit.LinksFailing.Select(u => "  failing at the site: " + u),
            .. audit.LinksLost.Select(u => "  LOST: " + u),
            $"poison messages: {audit.PoisonMessages}",
            $"bulletin versions: {audit.BulletinVersions}, versions mailed: {audit.BulletinsMailedVersions}, mails received: {mails}",
            $"result: {(audit.Passed(mails) ? "PASS" : "FAIL")}",
        ];
        await File.WriteAllLinesAsync(Path.Combine(output.FullName, "report.txt"), lines, cancellationToken);
        foreach (var line in lines)
        {
            Console.WriteLine(line);
        }

        return audit.Passed(mails);
    }

    private async Task StartServeAsync(int port, CancellationToken cancellationToken)
    {
        SaveLog();
        _serveRuns++;
        _environment["LocalRun__StartAt"] = (DateTimeOffset.UtcNow + _offset).ToString("o");
        _serve = ChildProcess.Start("dotnet", [healthitDll, "serve"], output.FullName, _environment);
        await FreePorts.WaitUntilListeningAsync(port, TimeSpan.FromSeconds(60), () => _serve.HasExited, cancellationToken);
        Note($"serve #{_serveRuns} started (pid {_serve.Id})");
    }

    private async Task KillAtFirstArticleAsync(int port, CancellationToken cancellationToken)
    {
        var tables = new Azure.Data.Tables.TableServiceClient(_azurite!.ConnectionString).GetTableClient(HealthItFunctions.Infrastructure.Storage.StorageNames.ArticlesTable);
        while (_clock.Elapsed < duration * 0.3)
        {
            try
            {
                await foreach (var _ in tables.QueryAsync<Azure.Data.Tables.TableEntity>(select: ["RowKey"], maxPerPage: 1, cancellationToken: cancellationToken))
                {
                    await KillAsync("SIGKILL right after the first article was stored (work in flight)");
                    await StartServeAsync(port, cancellationToken);
                    return;
                }
            }
            catch (Azure.RequestFailedException e) when (e.Status == 404)
            {
                // No table yet: nothing stored.
            }

            await Task.Delay(100, cancellationToken);
        }

        await KillAsync("SIGKILL at 30 % (no article stored yet)");
        await StartServeAsync(port, cancellationToken);
    }

    private Task KillAsync(string why)
    {
        _serve!.Dispose(); // Process.Kill: SIGKILL, no chance to drain.
        Note($"{why}: serve #{_serveRuns} killed");
        return Task.Delay(TimeSpan.FromSeconds(2));
    }

    private async Task TerminateAsync(CancellationToken cancellationToken)
    {
        var started = _clock.Elapsed;
        using (var kill = Process.Start("kill", ["-TERM", _serve!.Id.ToString()]))
        {
            await kill.WaitForExitAsync(cancellationToken);
        }

        var exited = await _serve.WaitForExitAsync(TimeSpan.FromSeconds(60));
        Note($"SIGTERM{(started > duration * 0.9 ? "" : " just after a PollSources tick")}: serve #{_serveRuns} {(exited ? $"drained and exited with {_serve.ExitCode} in {(_clock.Elapsed - started).TotalSeconds:0.0} s" : "did not exit within 60 s")}");
    }

    /// <summary>
    /// A SIGKILL leaves the messages serve had dequeued invisible until their lease lapses (the queue listener takes
    /// them for 10 minutes, as in Azure), so at the end of a short run they are neither visible to the audit nor lost.
    /// Serve runs once more until the article queue holds nothing, visible or leased: "nothing lost" then means every
    /// listed link was processed, which is the promise.
    /// </summary>
    private async Task DrainLeasedMessagesAsync(int port, IReadOnlyDictionary<string, string?> settings, CancellationToken cancellationToken)
    {
        var name = settings.GetValueOrDefault("Queues:ArticleFetch") ?? new QueueOptions().ArticleFetch;
        var queue = new QueueServiceClient(_azurite!.ConnectionString).GetQueueClient(name);
        async Task<int> WaitingAsync() => (await queue.GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount;

        var waiting = await WaitingAsync();
        if (waiting == 0)
        {
            return;
        }

        Note($"{waiting} article message(s) still in the queue, some leased by killed serves: serve runs until it is empty");
        await StartServeAsync(port, cancellationToken);
        var giveUpAt = _clock.Elapsed + LeaseLapse;
        while (await WaitingAsync() > 0 && _clock.Elapsed < giveUpAt)
        {
            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        }

        await TerminateAsync(cancellationToken);
    }

    /// <summary>The queue listener's lease on a dequeued message, plus a retry's backoff and a margin.</summary>
    private static readonly TimeSpan LeaseLapse = TimeSpan.FromMinutes(12);

    private async Task RestartAzuriteAsync(string persist, int[] ports, CancellationToken cancellationToken)
    {
        _azurite!.Dispose();
        Note("Azurite killed");
        await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken);
        _azurite = await AzuriteProcess.StartAsync(root, persist, ports, cancellationToken);
        Note("Azurite restarted on the same ports and data");
    }

    private async Task WaitUntilAsync(TimeSpan at, CancellationToken cancellationToken)
    {
        if (at > _clock.Elapsed)
        {
            await Task.Delay(at - _clock.Elapsed, cancellationToken);
        }
    }

    /// <summary>Just after serve's next PollSources occurrence, when PollSource messages are in flight.</summary>
    private async Task WaitForPollTickAsync(TimeSpan after, CancellationToken cancellationToken)
    {
        var serveNow = DateTimeOffset.UtcNow + _offset;
        var intoPeriod = serveNow.ToUnixTimeMilliseconds() % (pollEverySeconds * 1000L);
        await Task.Delay(TimeSpan.FromMilliseconds(pollEverySeconds * 1000L - intoPeriod) + after, cancellationToken);
    }

    private void Note(string text)
    {
        var line = $"{_clock.Elapsed.TotalSeconds,6:0.0} s  {text}";
        _events.Add(line);
        CliOutput.Progress(line);
    }

    private void SaveLog()
    {
        if (_serve is not null)
        {
            File.WriteAllText(Path.Combine(output.FullName, $"serve-{_serveRuns}.log"), _serve.Output);
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
