using HealthItFunctions.Core.Extraction.Generic;

namespace HealthItFunctions.Core.Extraction.Layers;

/// <summary>
/// JSON-LD author, then the page's bylines (reporter grammar), then meta author, then a forum poster, then the blog owner named by the title, then (no writer credited) the editor. Metadata often
/// names a CMS login or the vendor, so it must look like a person to be offered at all.
/// </summary>
internal sealed class AuthorLayer : IExtractionLayer
{
    public void Contribute(PageContext page, ExtractionDraft draft)
    {
        OfferPerson(draft, page.JsonLd?.Author, "jsonld:author");
        if (draft.Body is { Count: > 0 } body)
        {
            if (BylineFinder.FindAuthor(page, draft.TitleNode, body[0], draft.Paragraphs) is { } byline)
            {
                draft.OfferAuthor(byline.Value, byline.Rule);
            }
        }

        OfferPerson(draft, page.Meta("article:author", "author"), "meta:author");
        if (draft.Body is { Count: > 0 } posted && BylineFinder.FindPoster(page, posted) is { } poster)
        {
            draft.OfferAuthor(poster.Value, poster.Rule);
        }

        if (BylineFinder.FindBlogOwner(page) is { } owner)
        {
            draft.OfferAuthor(owner.Value, owner.Rule);
        }

        // Last: a page that credits no writer names its editor as the person behind the text.
        if (draft.Body is { Count: > 0 } edited && BylineFinder.FindEditor(page, draft.TitleNode, edited[0], edited[^1]) is { } editor)
        {
            draft.OfferAuthor(editor.Value, editor.Rule);
        }
    }

    private static void OfferPerson(ExtractionDraft draft, string? value, string rule)
    {
        if (value is not null && AuthorGrammar.IsPlausiblePerson(value))
        {
            draft.OfferAuthor(value, rule);
        }
    }
}
