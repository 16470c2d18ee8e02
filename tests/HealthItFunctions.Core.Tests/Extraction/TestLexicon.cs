using HealthItFunctions.Core.Extraction.Lexicon;
using HealthItFunctions.Testing;

namespace HealthItFunctions.Core.Tests.Extraction;

/// <summary>The repository's seeds/extraction-lexicon.json, compiled once for the tests that call the finders directly.</summary>
internal static class TestLexicon
{
    public static readonly ExtractionVocabulary Shipped = ExtractionVocabulary.LoadShipped(Path.Combine(RepositoryPaths.Root, "seeds", ExtractionLexiconLoader.FileName));
}
