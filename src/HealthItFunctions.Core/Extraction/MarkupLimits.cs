namespace HealthItFunctions.Core.Extraction;

/// <summary>
/// What a page may cost: how deep its elements nest and how many there are. <see cref="Html.HtmlParser"/> enforces them
/// while it builds the tree and stops at the first one broken, so hostile markup costs bounded time and becomes
/// not_article with the reason.
/// </summary>
/// <param name="MaxDepth">
/// Deepest element nesting accepted. Implied end tags search the open elements, and some layers' work per element grows
/// with its depth. Real pages nest a few dozen levels; badly closed old pages (unclosed &lt;font&gt;) a few hundred.
/// </param>
/// <param name="MaxElements">
/// Most elements accepted: extraction walks every element several times (12,000 paragraphs took 1.8 s). The largest
/// page of the development corpus has about 8,000.
/// </param>
/// <param name="MaxNestingWork">
/// Most total nesting, the sum over elements of their depth: work per element grows with its depth, so many moderately
/// deep subtrees cost what one hostile one does. A real page sums to well under a million.
/// </param>
public sealed record MarkupLimits(int MaxDepth, int MaxElements, long MaxNestingWork)
{
    public static MarkupLimits Default { get; } = new(MaxDepth: 1000, MaxElements: 50_000, MaxNestingWork: 10_000_000);
}
