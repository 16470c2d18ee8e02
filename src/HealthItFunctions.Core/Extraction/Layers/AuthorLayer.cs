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
        OfferPerson(page, draft, page.JsonLd?.Author, "jsonld:author");
        if (draft.Body is { Count: > 0 } body)
        {
            if (ReporterBylineFinder.FindAuthor(page, draft.TitleNode, body[0], draft.Paragraphs) is { } byline)
            {
                draft.OfferAuthor(byline.Value, byline.Rule);
            }
        }

        OfferPerson(page, draft, page.Meta("article:author", "author"), "meta:author");
        if (draft.Body is { Count: > 0 } posted && CreditFinder.FindPoster(page, posted) is { } poster)
        {
            draft.OfferAuthor(poster.Value, poster.Rule);
        }

        if (CreditFinder.FindBlogOwner(page) is { } owner)
        {
            draft.OfferAuthor(owner.Value, owner.Rule);
        }

        // Last: a page that credits no writer names its editor as the person behind the text.
        if (draft.Body is { Count: > 0 } edited && EditorFinder.FindEditor(page, draft.TitleNode, edited[0], edited[^1]) is { } editor)
        {
            draft.OfferAuthor(editor.Value, editor.Rule);
        }
    }

    private static void OfferPerson(PageContext page, ExtractionDraft draft, string? value, string rule)
    {
        if (value is null)
        {
            return;
        }

        // Metadata may hold a whole byline ("記者林宸誼／即時報導"): read it with the byline grammar first.
        var person = page.Vocabulary.Authors.Read(value.Trim())?.Name ?? value;
        if (page.Vocabulary.Authors.IsPlausiblePerson(person) && !IsSiteName(page, person.Trim()))
        {
            draft.OfferAuthor(person, rule);
        }
    }

    /// <summary>Metadata often credits the site itself ("网易" on "标题_网易新闻", og:site_name): a site is no person.</summary>
    private static bool IsSiteName(PageContext page, string value)
    {
        if (page.Meta("og:site_name", "application-name") is { } site && site.StartsWith(value, StringComparison.Ordinal))
        {
            return true;
        }

        return TitleFinder.SiteSegments(page.Index.TitleTag).Any(s => s.StartsWith(value, StringComparison.Ordinal));
    }
}
