namespace HealthItFunctions.Core.Sources;

/// <summary>
/// The fetch record of one list page or feed: the validators for the next conditional GET, and how its bytes were
/// decoded (the encoding <see cref="Text.HtmlDecoder"/> chose and its evidence).
/// </summary>
public sealed record ListPageState
{
    public string? ETag { get; init; }

    public DateTimeOffset? LastModified { get; init; }

    public DateTimeOffset? FetchedAt { get; init; }

    /// <summary>The last HTTP status (304 included), or 0 when no response arrived.</summary>
    public int Status { get; init; }

    /// <summary>Links the page offered when it was last parsed.</summary>
    public int? Links { get; init; }

    public string? Encoding { get; init; }

    public string? EncodingEvidence { get; init; }

    /// <summary>Feeds the page announced when last parsed, polled too when the page answers 304.</summary>
    public IReadOnlyList<string>? Feeds { get; init; }
}

/// <summary>An incident raised and not yet recovered; kept so one incident is one alert, not one per poll.</summary>
public sealed record OpenIncident(string Kind, DateTimeOffset Since, string Detail);

/// <summary>One source's polling state and health, one entity per source in the source-state table.</summary>
public sealed record SourceState
{
    public required string SourceId { get; init; }

    public DateTimeOffset? FirstPolledAt { get; init; }

    public DateTimeOffset? LastPolledAt { get; init; }

    /// <summary>The last poll in which at least one list page loaded (200 or 304).</summary>
    public DateTimeOffset? LastSuccessAt { get; init; }

    public int ConsecutiveFailures { get; init; }

    public string? LastError { get; init; }

    /// <summary>Links found by the last poll that parsed anything (a poll answered only by 304s keeps the previous count).</summary>
    public int? LinksLastPoll { get; init; }

    public int NewLinksLastPoll { get; init; }

    public DateTimeOffset? LastNewLinkAt { get; init; }

    /// <summary>Start URL → its fetch record.</summary>
    public IReadOnlyDictionary<string, ListPageState> Pages { get; init; } = new Dictionary<string, ListPageState>();

    public IReadOnlyList<OpenIncident> Incidents { get; init; } = [];

    /// <summary>What the last poll noticed that a person should read (robots.txt refusals, feed problems).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>The encoding contradiction already logged for this source, so it is logged once, not every poll.</summary>
    public string? EncodingContradiction { get; init; }

    /// <summary>The storage version read; saving under it detects a concurrent poll of the same source.</summary>
    public string? ETag { get; init; }

    public static SourceState New(string sourceId) => new() { SourceId = sourceId };
}
