using Azure.Core;
using Azure.Core.Pipeline;
using HealthItFunctions.Local;
using HealthItFunctions.Cli.Pipeline;
using HealthItFunctions.Core.Articles;
using HealthItFunctions.Core.Bulletins;
using HealthItFunctions.Core.Mail;
using HealthItFunctions.Core.Publishing;
using HealthItFunctions.Core.Relevance;
using HealthItFunctions.Testing;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HealthItFunctions.Cli.Tests.Publishing;

/// <summary>
/// The app's own container (CliHost: AddCore + AddInfrastructure) on Azurite, with Mail:* pointing at a real SMTP
/// sink on 127.0.0.1. Storage names are fixed (they are the schema), so tests keep apart by month: each test takes
/// months nobody else uses from <see cref="TakeMonths"/>.
/// </summary>
internal sealed class PublishingHost : IDisposable
{
    // Future months (2030 on) no real data has; a random start keeps runs against a persistent account
    // (HEALTHIT_TEST_STORAGE) apart too. Issue numbers stop at 999 (about 2101), which bounds the range.
    private static int s_nextMonth = Random.Shared.Next(0, 600);

    private readonly IHost _host;

    private PublishingHost(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public T Get<T>() where T : notnull => _host.Services.GetRequiredService<T>();

    /// <summary><paramref name="count"/> consecutive months no other test in this process uses.</summary>
    public static BulletinMonth TakeMonths(int count = 1)
    {
        var index = Interlocked.Add(ref s_nextMonth, count + 1) - count;
        return new BulletinMonth(2030 + index / 12, index % 12 + 1);
    }

    public static Dictionary<string, string?> Settings(AzuriteFixture azurite, SmtpSink sink) => new()
    {
        ["Storage:ConnectionString"] = azurite.ConnectionString,
        ["Mail:Host"] = "127.0.0.1",
        ["Mail:Port"] = sink.Port.ToString(),
        ["Mail:Security"] = "None",
        ["Mail:From"] = "healthit@healthit.local",
        ["Mail:Editors"] = "editor-a@healthit.local,editor-b@healthit.local",
        ["Mail:Readers"] = "reader-a@healthit.local,reader-b@healthit.local",
        ["Bulletin:ReviewUrl"] = "https://healthit.example.org/api/review",
        ["Mail:RetryDelay"] = "00:00:00.050",
    };

    public static PublishingHost Create(
        AzuriteFixture azurite,
        SmtpSink sink,
        TimeProvider? clock = null,
        Action<Dictionary<string, string?>>? adjust = null,
        ILoggerProvider? logs = null,
        HttpPipelinePolicy? storagePolicy = null,
        Func<IMailer, IMailer>? decorateMailer = null)
    {
        var settings = Settings(azurite, sink);
        adjust?.Invoke(settings);
        var builder = CliHost.CreateBuilder(settings, logs is null ? LogLevel.Warning : LogLevel.Debug);
        // The console is for a person reading a failed test; the captured logs are for assertions.
        builder.Logging.AddFilter<Microsoft.Extensions.Logging.Console.ConsoleLoggerProvider>(null, LogLevel.Warning);
        if (clock is not null)
        {
            builder.Services.AddSingleton(clock);
        }

        if (logs is not null)
        {
            builder.Logging.AddProvider(logs);
        }

        if (storagePolicy is not null)
        {
            // Added after the app's own defaults, so it sees every request the app's clients send (a crash injector).
            builder.Services.AddAzureClients(clients => clients.ConfigureDefaults(options => options.AddPolicy(storagePolicy, HttpPipelinePosition.PerRetry)));
        }

        if (decorateMailer is not null)
        {
            var smtp = builder.Services.Last(d => d.ServiceType == typeof(IMailer));
            builder.Services.AddSingleton(sp => decorateMailer((IMailer)ActivatorUtilities.CreateInstance(sp, smtp.ImplementationType!)));
        }

        return new PublishingHost(builder.Build());
    }

    public static StoredArticle Article(
        BulletinMonth month,
        string title,
        RelevanceBand band = RelevanceBand.Include,
        DateTimeOffset? fetchedAt = null,
        int? order = null,
        IReadOnlyList<string>? terms = null)
    {
        var id = "t" + Guid.NewGuid().ToString("N");
        var published = new DateTimeOffset(month.Year, month.Month, 10, 9, 30, 0, TimeSpan.FromHours(8));
        return new StoredArticle
        {
            Id = id,
            Month = month,
            SourceId = "test-source",
            Url = $"https://news.example.cn/{id}.html?from=rss",
            CanonicalUrl = $"https://news.example.cn/{id}.html",
            Title = title,
            Media = "北京日报",
            PublishedAt = published,
            PublishPrecision = "Minute",
            Paragraphs = [$"{title}的第一段：北京市卫生健康委推进互联网医院建设。", "第二段，数据共享。"],
            DiscoveredAt = fetchedAt ?? published,
            FetchedAt = fetchedAt ?? published,
            Score = band == RelevanceBand.Include ? 0.9 : 0.5,
            Band = band,
            MatchedTerms = terms ?? ["informatization:互联网医院@body×1", "beijing:北京@body×1"],
            ClusterId = id,
            Order = order,
        };
    }

    public async Task<IReadOnlyList<StoredArticle>> SeedAsync(IEnumerable<StoredArticle> articles)
    {
        var store = Get<IArticleStore>();
        var seeded = articles.ToList();
        foreach (var article in seeded)
        {
            await store.AddAsync(article, TestContext.Current.CancellationToken);
            await store.MarkStoredAsync(article.Id, article.Month, TestContext.Current.CancellationToken);
        }

        return seeded;
    }

    public void Dispose() => _host.Dispose();
}

/// <summary>Every formatted log line, for asserting what must never be logged.</summary>
internal sealed class CapturedLogs : ILoggerProvider
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => _lines.ToArray();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, System.Collections.Concurrent.ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
    }
}

internal static class ApprovalSteps
{
    /// <summary>What an editor does on the review page: preview the month, approve exactly that, resending a corrected version when asked.</summary>
    public static async Task<PublishResult> ApproveAndSendAsync(this BulletinPublisher publisher, BulletinMonth month, CancellationToken cancellationToken)
    {
        var previewed = await publisher.PreviewAsync(month, cancellationToken);
        var approval = await publisher.ApproveAsync(month, previewed.ContentHash, "test editor", confirmResend: true, cancellationToken);
        return approval.Published ?? throw new InvalidOperationException($"Approving {month} ended {approval.Outcome}.");
    }
}
