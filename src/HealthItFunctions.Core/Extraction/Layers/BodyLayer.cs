using HealthItFunctions.Core.Extraction.Generic;
using HealthItFunctions.Core.Images;

namespace HealthItFunctions.Core.Extraction.Layers;

/// <summary>
/// The body a site rule or page family pointed at wins when it holds enough prose. A short one (an image post, a
/// two-line notice) is kept aside and used only when the generic extractor finds no article text of its own; it is
/// then trusted: the container is the article by construction, so the prose gate does not apply. Either way the
/// generic cleaning runs inside the container: comments, widgets, players and related boxes are left out, and a
/// wrapper lifted by short chrome blocks is narrowed to the child holding its prose. No body: the page is no article.
/// </summary>
internal sealed class BodyLayer : IExtractionLayer
{
    public void Contribute(PageContext page, ExtractionDraft draft)
    {
        var (paragraphs, images, pictures, trusted) = FindBody(page, draft);
        var bodyLength = TextUtil.CountNonSpace(string.Concat(paragraphs));
        var accepted = trusted ? bodyLength > 0 : bodyLength >= ExtractionTuning.Default.BodyMinLength && ReadsLikeProse(draft.Body!);
        if (!accepted)
        {
            draft.NotArticle = (NotArticleReason.NoMainContent, "no block of the page reads like article text (navigation, list or portal page)");
            return;
        }

        draft.Paragraphs = paragraphs;
        draft.Images = images;
        draft.BodyImages = pictures;
    }

    /// <summary>Link lists and menus score too when a page has nothing else; prose has sentence punctuation outside links.</summary>
    private static bool ReadsLikeProse(IReadOnlyList<NodeInfo> body)
    {
        int text = 0, links = 0, punctuation = 0;
        foreach (var node in body)
        {
            text += node.TextLength;
            links += node.LinkTextLength;
            punctuation += node.Punctuation;
        }

        return punctuation > 0 && links <= text * ExtractionTuning.Default.BodyMaxProseLinkShare;
    }

    private static (List<string> Paragraphs, List<string> Images, List<BodyImage> Pictures, bool Trusted) FindBody(PageContext page, ExtractionDraft draft)
    {
        (List<string> Paragraphs, List<string> Images, List<BodyImage> Pictures, IReadOnlyList<NodeInfo> Nodes, string Rule)? shortOffered = null;
        if (draft.Body is { } offered)
        {
            // Comments are marked before collecting, so a thread inside the site's container is left out as well.
            CommentFinder.Mark(page.Index);
            var narrowed = offered.Count == 1 ? [BodyBounds.StepDown(page.Index, offered[0])] : offered;
            var collected = ParagraphCollector.Collect(page.Index, narrowed, page.Url);
            var (cleaned, pictures) = BodyPictures.Place(collected, page.Vocabulary.Cleaner.Clean(collected.Paragraphs, draft.Title));
            var length = TextUtil.CountNonSpace(string.Concat(cleaned));
            var rule = draft.Rules[ArticleField.Body];
            if (length >= ExtractionTuning.Default.BodyMinLength)
            {
                return (cleaned, collected.Images, pictures, false);
            }

            if (length > 0)
            {
                shortOffered = (cleaned, collected.Images, pictures, offered, rule);
            }

            draft.RejectBody(length > 0 ? "kept aside: short" : "refused: empty after cleaning");
        }

        if (ContentScorer.FindBest(page.Index, draft.TitleNode) is { } best)
        {
            var nodes = BodyBounds.WithSiblings(page.Index, BodyBounds.StepDown(page.Index, best));
            var collected = ParagraphCollector.Collect(page.Index, nodes, page.Url);
            var (cleaned, pictures) = BodyPictures.Place(collected, page.Vocabulary.Cleaner.Clean(collected.Paragraphs, draft.Title));
            if (shortOffered is null || (TextUtil.CountNonSpace(string.Concat(cleaned)) >= ExtractionTuning.Default.BodyMinLength && ReadsLikeProse(nodes)))
            {
                draft.OfferBody(nodes, "generic:density");
                return (cleaned, collected.Images, pictures, false);
            }
        }

        if (shortOffered is { } kept)
        {
            draft.OfferBody(kept.Nodes, kept.Rule + " (short)");
            return (kept.Paragraphs, kept.Images, kept.Pictures, true);
        }

        return ([], [], [], false);
    }
}
