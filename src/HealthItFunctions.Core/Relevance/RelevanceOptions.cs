namespace HealthItFunctions.Core.Relevance;

public sealed class RelevanceOptions
{
    public const string Section = "Relevance";

    /// <summary>Path of seeds/lexicon.json. When unset, the nearest seeds/lexicon.json above the working or app directory is used.</summary>
    public string? LexiconPath { get; set; }
}
