namespace HealthItFunctions.Core.Extraction;

public sealed class ExtractionOptions
{
    public const string Section = "Extraction";

    /// <summary>Path of seeds/sources.json. When unset, the nearest seeds/sources.json above the working or app directory is used.</summary>
    public string? SourcesPath { get; set; }
}
