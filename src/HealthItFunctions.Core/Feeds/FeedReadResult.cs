namespace HealthItFunctions.Core.Feeds;

/// <param name="Link">The item's absolute link, as the feed gives it (canonicalize before use).</param>
/// <param name="Published">Publication (else update) time; null when the feed gives none we can read.</param>
public sealed record FeedItem(Uri Link, string Title, DateTimeOffset? Published);

/// <param name="Items">Items in feed order; items without a usable link are left out (and counted in a note).</param>
/// <param name="Notes">What was wrong but survivable, for the source's health record: never an exception.</param>
/// <param name="Format">"rss", "atom", or null when the bytes were not a feed at all.</param>
public sealed record FeedReadResult(IReadOnlyList<FeedItem> Items, IReadOnlyList<string> Notes, string? Format, string? Title)
{
    public bool IsFeed => Format is not null;
}
