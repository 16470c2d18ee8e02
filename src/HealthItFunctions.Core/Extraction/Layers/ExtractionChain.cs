using HealthItFunctions.Core.Extraction.Families;

namespace HealthItFunctions.Core.Extraction.Layers;

/// <summary>
/// The extraction chain, in the order it runs: site rules, page families, then the generic step per field. This array
/// is the one place the order is written: DI registers the layers from it and <c>healthit explain</c> prints it.
/// </summary>
public static class ExtractionChain
{
    internal static readonly (Type Layer, string Name, string Does)[] Steps =
    [
        (typeof(SourceRuleLayer), "site rules", "the catalogued source's detail XPaths (seeds/sources.json)"),
        (typeof(WeChatFamily), "family: WeChat", "mp.weixin.qq.com pages: #js_content, var ct, the account name"),
        (typeof(GovCnFamily), "family: gov.cn", "www.gov.cn article templates"),
        (typeof(GovCmsFamily), "family: government CMS", "the meta tags government CMSs print (ArticleTitle, PubDate, ContentSource)"),
        (typeof(TitleLayer), "title", "the heading the metadata titles and <title> agree with"),
        (typeof(BodyLayer), "body", "the densest prose block, cleaned of chrome, comments and related boxes"),
        (typeof(PublishTimeLayer), "publish time", "shown dates near the headline, labels, metas, scripts, the URL"),
        (typeof(SourceLayer), "source", "the labelled source line, a source element, the dateline name, metadata, an original-content mark"),
        (typeof(AuthorLayer), "author", "JSON-LD, bylines (labels, reporter grammar, the lead's dateline), metadata, poster, blog owner, editor"),
    ];

    /// <summary>The steps by name, in order, each with what it reads.</summary>
    public static IReadOnlyList<(string Name, string Does)> Describe() => [.. Steps.Select(s => (s.Name, s.Does))];
}
