namespace HealthItFunctions.Core.Extraction;

public sealed class ExtractionOptions
{
    public const string Section = "Extraction";

    /// <summary>Path of seeds/sources.json. When unset, the nearest seeds/sources.json above the working or app directory is used.</summary>
    public string? SourcesPath { get; set; }

    /// <summary>Path of seeds/extraction-lexicon.json. When unset, the nearest seeds/extraction-lexicon.json above the working or app directory is used.</summary>
    public string? LexiconPath { get; set; }

    /// <summary>
    /// Pages above this size are refused before decoding: parsing costs about twenty times a page's size in memory
    /// (a 30 MB page took 677 MB). The same default as the fetcher's response cap.
    /// </summary>
    public long MaxInputBytes { get; set; } = 5 * 1024 * 1024;
}
