using HealthItFunctions.Core.Extraction.Dates;
using HealthItFunctions.Core.Feeds;
using HealthItFunctions.Core.Fetching;
using HealthItFunctions.Core.Polling;
using Microsoft.Extensions.Time.Testing;

namespace HealthItFunctions.Core.Tests.Polling;

/// <summary>List fixtures (Polling/Fixtures, copied to the output) as fetched pages, read by the production reader.</summary>
internal static class ListFixture
{
    public static readonly DateTimeOffset FetchedAt = new(2026, 12, 7, 12, 0, 0, TimeSpan.FromHours(8));

    private static readonly PublishTimeParser Dates = new(PublishTimeParser.China, new FakeTimeProvider(FetchedAt));

    public static ListLinkReader Reader { get; } = new(Dates, new FeedReader(Dates));

    public static byte[] Bytes(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Polling", "Fixtures", name));

    public static FetchedPage Page(string name, string url, string contentType) => new()
    {
        RequestedUrl = new Uri(url),
        FinalUrl = new Uri(url),
        Outcome = FetchOutcome.Ok,
        StatusCode = 200,
        Body = Bytes(name),
        ContentType = contentType,
        FetchedAt = FetchedAt,
    };
}
