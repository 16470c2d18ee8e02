using Azure.Storage.Blobs;
using HealthItFunctions.Core.Extraction.Lexicon;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HealthItFunctions.Infrastructure.Sources;

/// <summary>
/// The extraction lexicon as live data, kept by the same <see cref="BlobReloader{T}"/> as sources.json: the blob
/// config/extraction-lexicon.json (beside sources.json, same check interval) is reloaded when its ETag changes, the
/// shipped seeds/extraction-lexicon.json stands in while there is none, and an edit that fails validation is refused
/// with its file, line and field while the lexicon in force stays. Reading <see cref="Current"/> when a check is due
/// starts one in the background, so extraction never waits on storage.
/// </summary>
public sealed class BlobExtractionLexicon : IExtractionLexiconSource
{
    private const string ShippedOrigin = "the shipped seeds/" + ExtractionLexiconLoader.FileName;
    private readonly IServiceProvider _services;
    private readonly IOptions<SourceCatalogOptions> _options;
    private readonly BlobReloader<ExtractionVocabulary> _reloader;

    public BlobExtractionLexicon(
        IServiceProvider services,
        IOptions<SourceCatalogOptions> options,
        ExtractionVocabulary shipped,
        TimeProvider time,
        ILogger<BlobExtractionLexicon> logger)
    {
        (_services, _options) = (services, options);
        _reloader = new BlobReloader<ExtractionVocabulary>(
            new("Extraction lexicon", Blob, () => BlobPath, () => options.Value.CheckInterval,
                (json, origin, _) => new ExtractionVocabulary(ExtractionLexiconLoader.Parse(json, origin)),
                e => e is ExtractionLexiconException,
                () => (shipped, ShippedOrigin),
                _ => "compiled"),
            time,
            logger);
        _reloader.Start(shipped, ShippedOrigin);
    }

    public ExtractionVocabulary Current
    {
        get
        {
            _reloader.RefreshInBackground();
            return _reloader.InForce!;
        }
    }

    /// <summary>Why the last edited blob was refused, until a good one replaces it; null when none was.</summary>
    public string? LastRefusal => _reloader.LastRefusal;

    public string BlobPath => $"{_options.Value.Container}/{ExtractionLexiconLoader.FileName}";

    public ValueTask RefreshAsync(CancellationToken cancellationToken) => _reloader.RefreshAsync(cancellationToken);

    /// <summary>Looks at the blob now, whatever the interval (tests, operators).</summary>
    public Task ReloadNowAsync(CancellationToken cancellationToken) => _reloader.ReloadNowAsync(cancellationToken);

    /// <summary>Null when storage is not configured (e.g. `healthit extract` offline): the shipped lexicon is then the one.</summary>
    private BlobClient? Blob()
    {
        try
        {
            return _services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(_options.Value.Container).GetBlobClient(ExtractionLexiconLoader.FileName);
        }
        catch (OptionsValidationException)
        {
            return null;
        }
    }
}
