using HealthItFunctions.Core.Extraction.Generic;

namespace HealthItFunctions.Core.Extraction.Layers;

/// <summary>
/// The headline: the heading that the page's metadata titles (og:title, twitter:title, JSON-LD headline) and its
/// &lt;title&gt; agree with. A title from an earlier layer is only anchored to its on-page heading.
/// </summary>
internal sealed class TitleLayer : IExtractionLayer
{
    public void Contribute(PageContext page, ExtractionDraft draft)
    {
        if (draft.Title is not null)
        {
            draft.TitleNode ??= TitleFinder.FindHeadingNear(page.Index, TextUtil.Squash(draft.Title));
            return;
        }

        string?[] references = [page.Meta("og:title"), page.Meta("twitter:title"), page.JsonLd?.Headline];
        if (TitleFinder.Find(page, references.OfType<string>()) is { } found)
        {
            draft.OfferTitle(found.Title, found.Rule, found.Node);
        }
    }
}
