namespace HealthItFunctions.Core.Extraction.Lexicon;

/// <summary>
/// The extraction lexicon in force. The file source compiles the shipped lexicon once; the live one (Infrastructure)
/// follows the blob an operator edits, as the source catalog does, and keeps the last good lexicon when an edit is refused.
/// </summary>
public interface IExtractionLexiconSource
{
    ExtractionVocabulary Current { get; }

    /// <summary>Picks up an edited lexicon if one is due to be checked; cheap to call before every poll.</summary>
    ValueTask RefreshAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;
}

/// <summary>The lexicon compiled once at start-up from seeds/extraction-lexicon.json.</summary>
public sealed class FileExtractionLexiconSource(ExtractionVocabulary vocabulary) : IExtractionLexiconSource
{
    public ExtractionVocabulary Current { get; } = vocabulary;
}
