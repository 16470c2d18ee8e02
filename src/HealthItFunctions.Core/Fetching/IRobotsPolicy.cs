namespace HealthItFunctions.Core.Fetching;

/// <summary>Answers whether a site's robots.txt lets us fetch a URL. Implementations cache per host.</summary>
public interface IRobotsPolicy
{
    ValueTask<RobotsDecision> CheckAsync(Uri url, CancellationToken cancellationToken);
}

public enum RobotsVerdict
{
    Allowed,

    /// <summary>A rule in robots.txt forbids the path for our user agent.</summary>
    Disallowed,

    /// <summary>robots.txt could not be read (5xx, network): we don't fetch until it can be, as RFC 9309 asks.</summary>
    Unavailable,
}

/// <param name="Reason">For Disallowed: the matching rule; for Unavailable: what went wrong.</param>
public readonly record struct RobotsDecision(RobotsVerdict Verdict, string? Reason = null)
{
    public static RobotsDecision Allow { get; } = new(RobotsVerdict.Allowed);

    public bool IsAllowed => Verdict == RobotsVerdict.Allowed;
}
