using HealthItFunctions.Core.Extraction.Lexicon;
using HealthItFunctions.Core.Extraction.Dates;

namespace HealthItFunctions.Core.Extraction;

/// <summary>
/// Fields found so far, and every candidate offered for them. Layers run from most to least specific and the first
/// value offered for a field wins, so a per-source rule beats a page-family rule, which beats the generic extractor.
/// One exception, for publish times: a later candidate that agrees with the winner at the winner's precision and is
/// more precise refines it (a URL or a shown date gives the day, JSON-LD or a meta the minute).
/// </summary>
internal sealed class ExtractionDraft(ExtractionVocabulary vocabulary)
{
    private readonly ExtractionVocabulary _vocabulary = vocabulary;
    private readonly List<FieldCandidate> _candidates = [];
    private readonly Dictionary<ArticleField, int> _winners = [];

    public Dictionary<ArticleField, string> Rules { get; } = [];

    /// <summary>Every value offered, in the order offered, with what became of it.</summary>
    public IReadOnlyList<FieldCandidate> Candidates => _candidates;

    public string? Title { get; private set; }

    public NodeInfo? TitleNode { get; set; }

    public PublishTime? PublishTime { get; private set; }

    public string? Source { get; private set; }

    public string? Author { get; private set; }

    public IReadOnlyList<NodeInfo>? Body { get; private set; }

    /// <summary>The body's text and lead images, set by the body layer once a body is accepted.</summary>
    public IReadOnlyList<string> Paragraphs { get; set; } = [];

    public IReadOnlyList<string> Images { get; set; } = [];

    /// <summary>Every body picture in order, placed among <see cref="Paragraphs"/>, with its caption taken out of them.</summary>
    public IReadOnlyList<Images.BodyImage> BodyImages { get; set; } = [];

    /// <summary>Set by a layer that finds the page is no article; the chain stops there.</summary>
    public (NotArticleReason Reason, string Detail)? NotArticle { get; set; }

    public void OfferTitle(string? value, string rule, NodeInfo? node = null)
    {
        if (Clean(value) is not { } title)
        {
            return;
        }

        if (Title is null)
        {
            Title = title;
            TitleNode ??= node;
            Win(ArticleField.Title, title, rule);
            return;
        }

        Lose(ArticleField.Title, title, rule);
    }

    /// <summary>Records a title candidate that a layer checked and refused, with why.</summary>
    public void RefuseTitle(string? value, string rule, string why)
    {
        if (Clean(value) is { } title)
        {
            _candidates.Add(new FieldCandidate(ArticleField.Title, title, rule, why));
        }
    }

    public void OfferPublishTime(PublishTime? value, string rule)
    {
        if (value is not { } time)
        {
            return;
        }

        if (PublishTime is not { } current)
        {
            PublishTime = time;
            Win(ArticleField.PublishTime, time.ToIsoString(), rule);
            return;
        }

        if (time.Precision > current.Precision && current.AgreesAtOwnPrecision(time))
        {
            var previous = _winners[ArticleField.PublishTime];
            _candidates[previous] = _candidates[previous] with { Outcome = "refined by " + rule };
            PublishTime = time;
            Win(ArticleField.PublishTime, time.ToIsoString(), rule);
            return;
        }

        Lose(ArticleField.PublishTime, time.ToIsoString(), rule);
    }

    public void OfferSource(string? value, string rule)
    {
        if (Clean(value) is not { } labelled || _vocabulary.DraftSourceLabel.Replace(labelled, string.Empty) is not { Length: > 0 } source)
        {
            return;
        }

        if (Source is null)
        {
            Source = source;
            Win(ArticleField.Source, source, rule);
            return;
        }

        Lose(ArticleField.Source, source, rule);
    }

    public void OfferAuthor(string? value, string rule)
    {
        if (Clean(value) is not { } author)
        {
            return;
        }

        // Meta "author" often holds an e-mail, a template placeholder or the CMS vendor ("Discuz! Team"), never a byline.
        if (author.IndexOfAny(['@', '!', ',']) >= 0)
        {
            _candidates.Add(new FieldCandidate(ArticleField.Author, author, rule, "refused: not a name"));
            return;
        }

        // The outlet credited as 来源 is not the writer ("参考消息" in both); nor is a credit for another role ("选稿：某某").
        if (Source is { } source && (source == author || (author.Length >= ExtractionTuning.Default.AuthorMinOutletOverlap && source.Contains(author, StringComparison.Ordinal))))
        {
            _candidates.Add(new FieldCandidate(ArticleField.Author, author, rule, "refused: the outlet"));
            return;
        }

        if (author.IndexOfAny([':', '：']) >= 0)
        {
            _candidates.Add(new FieldCandidate(ArticleField.Author, author, rule, "refused: another role's credit"));
            return;
        }

        if (Author is null)
        {
            Author = author;
            Win(ArticleField.Author, author, rule);
            return;
        }

        Lose(ArticleField.Author, author, rule);
    }

    public void OfferBody(IReadOnlyList<NodeInfo> nodes, string rule)
    {
        if (nodes.Count == 0)
        {
            return;
        }

        var shown = $"<{nodes[0].Node.Name}> ×{nodes.Count}, {nodes.Sum(n => n.TextLength)} chars";
        if (Body is null)
        {
            Body = nodes;
            Win(ArticleField.Body, shown, rule);
            return;
        }

        Lose(ArticleField.Body, shown, rule);
    }

    /// <summary>Drops a body that turned out empty or short so a later layer can offer one.</summary>
    public void RejectBody(string why)
    {
        if (_winners.Remove(ArticleField.Body, out var index))
        {
            _candidates[index] = _candidates[index] with { Outcome = why };
        }

        Body = null;
        Rules.Remove(ArticleField.Body);
    }

    /// <summary>Records how a field was decided outside the offers (media, language).</summary>
    public void Decide(ArticleField field, string value, string rule) => Win(field, value, rule);

    private void Win(ArticleField field, string value, string rule)
    {
        _winners[field] = _candidates.Count;
        _candidates.Add(new FieldCandidate(field, value, rule, FieldCandidate.Won));
        Rules[field] = rule;
    }

    private void Lose(ArticleField field, string value, string rule) =>
        _candidates.Add(new FieldCandidate(field, value, rule, "lost to " + Rules[field]));

    private static string? Clean(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var collapsed = TextUtil.Collapse(value);
        return collapsed.Length == 0 ? null : collapsed;
    }

}
