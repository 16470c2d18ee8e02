namespace HealthItFunctions.Core.Sources;

/// <summary>When a source's trouble becomes an incident. Bound from the same "Polling" section as the fetcher's settings.</summary>
public sealed class SourceHealthOptions
{
    public const string Section = "Polling";

    /// <summary>Polls in a row that load no list page before a "failing" incident.</summary>
    public int FailureThreshold { get; set; } = 5;

    /// <summary>Days without a new link (while the lists load) before a "silent" incident.</summary>
    public double SilentDays { get; set; } = 7;
}
