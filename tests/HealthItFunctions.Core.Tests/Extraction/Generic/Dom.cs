using HealthItFunctions.Core.Extraction;
using HealthItFunctions.Core.Html;

namespace HealthItFunctions.Core.Tests.Extraction.Generic;

/// <summary>Parses an HTML snippet the way the extractor does and indexes it.</summary>
internal static class Dom
{
    public static DomIndex Index(string html)
    {
        var document = HtmlDom.Parse(html);
        return DomIndex.Build(document.DocumentNode, TestLexicon.Shipped);
    }

    public static NodeInfo ById(DomIndex index, string id) => index.Nodes.Single(n => n.Node.Id == id);

    public static string TextOf(DomIndex index, NodeInfo node) => index.Text[node.TextStart..node.TextEnd].Trim();
}
