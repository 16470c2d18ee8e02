using System.Net.Http.Headers;
using HealthItFunctions.Local;
using HealthItFunctions.Cli.Serve;
using HealthItFunctions.Core.Articles;
using HealthItFunctions.Core.Bulletins;
using HealthItFunctions.Core.Relevance;
using HealthItFunctions.Core.Urls;
using HealthItFunctions.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace HealthItFunctions.Cli.Tests.Review;

[CollectionDefinition(Name)]
public sealed class ReviewHostCollection : ICollectionFixture<ReviewHostFixture>
{
    public const string Name = "review host";
}

/// <summary>
/// The app's review functions on serve's host: real Kestrel (127.0.0.1, a free port) over the demo's environment: Azurite, the SMTP sink and the
/// replay of the 2021-08 source sites, all started here and stopped by PID. Each test works in its own month.
/// </summary>
public sealed class ReviewHostFixture : IAsyncLifetime
{
    public const string Token = "review-test-token-4f1c9a0b7e";
    public const string EditorName = "测试编辑 test editor";
    public const int MaxInputBytes = 100_000;
    private static int s_month;

    private DemoEnvironment? _environment;
    private DirectoryInfo? _mailDirectory;

    public WebApplication App { get; private set; } = null!;

    public Uri Address { get; private set; } = null!;

    public SmtpSink Mail => _environment!.Mail;

    public IArticleStore Articles => App.Services.GetRequiredService<IArticleStore>();

    public async ValueTask InitializeAsync()
    {
        _mailDirectory = Directory.CreateTempSubdirectory("review-mail-");
        _environment = await DemoEnvironment.StartAsync(RepositoryPaths.Root,
            Path.Combine(RepositoryPaths.Root, "seeds", "replay", "2021-08"), _mailDirectory.FullName, CancellationToken.None);
        var settings = new Dictionary<string, string?>(_environment.Settings())
        {
            ["Review:Token"] = Token,
            ["Review:Editor"] = EditorName,
            ["Extraction:MaxInputBytes"] = MaxInputBytes.ToString(),
        };
        // Serve's host with the app's HTTP functions, exactly as `healthit review` runs them (Serve:Port 0: any free port).
        settings["Serve:Port"] = "0";
        var serve = ServeHost.Build(settings, new ServeLogging(), httpOnly: true);
        App = serve.App;
        await App.StartAsync();
        Address = serve.Address;
    }

    public async ValueTask DisposeAsync()
    {
        if (App is not null)
        {
            await App.StopAsync();
            await App.DisposeAsync();
        }

        if (_environment is not null)
        {
            await _environment.DisposeAsync();
        }

        _mailDirectory?.Delete(recursive: true);
    }

    /// <summary>A month no other test touches (the articles table is shared by the whole collection).</summary>
    public static BulletinMonth NewMonth()
    {
        var n = Interlocked.Increment(ref s_month);
        return new BulletinMonth(2040 + n / 12, 1 + n % 12);
    }

    public HttpClient Client(bool authorized = true)
    {
        var client = new HttpClient { BaseAddress = Address };
        if (authorized)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        }

        return client;
    }

    public async Task<StoredArticle> SeedAsync(BulletinMonth month, string title, RelevanceBand band = RelevanceBand.Include, int day = 1,
        string media = "HIT专家网", string? clusterOf = null, string[]? paragraphs = null, double score = 0.8)
    {
        var url = $"https://www.example.org/review/{Guid.NewGuid():N}.html";
        var id = ArticleId.From(new Uri(url));
        var published = new DateTimeOffset(month.Year, month.Month, day, 10, 0, 0, TimeSpan.FromHours(8));
        var article = new StoredArticle
        {
            Id = id,
            Month = month,
            SourceId = "hit180",
            Url = url,
            CanonicalUrl = url,
            Title = title,
            Media = media,
            PublishedAt = published,
            PublishPrecision = "Minute",
            Paragraphs = paragraphs ?? [$"{title}：正文第一段。", "正文第二段。"],
            DiscoveredAt = published.AddHours(1),
            FetchedAt = published.AddHours(1),
            Score = score,
            Band = band,
            MatchedTerms = ["informatization:互联网医院@title×1", "beijing:北京@body×2"],
            ClusterId = clusterOf ?? id,
        };
        Assert.Equal(AddOutcome.Added, await Articles.AddAsync(article, CancellationToken.None));
        await Articles.MarkStoredAsync(article.Id, article.Month, CancellationToken.None);
        return (await Articles.GetAsync(id, CancellationToken.None))!;
    }
}
