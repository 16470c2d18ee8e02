namespace HealthItFunctions.Core.Extraction;

/// <summary>
/// Recognises pages that are not articles before any field is extracted, so a wall or a removal notice yields a
/// reason instead of an "article" made of its text.
/// </summary>
internal static class PageGate
{
    public static (NotArticleReason Reason, string Detail)? Check(PageContext page)
    {
        var text = page.Index.Text;
        var visible = TextUtil.CountNonSpace(text);
        var probe = page.TitleTag + "\n" + (text.Length > ExtractionTuning.Default.GateProbeText ? text[..(ExtractionTuning.Default.GateProbeText)] : text);
        if (visible <= ExtractionTuning.Default.GateMaxNoticeText)
        {
            if (FindMarker(probe, page.Vocabulary.Lexicon.Gate.Deleted) is { } deleted)
            {
                return (NotArticleReason.Deleted, $"the publisher removed the article (\"{deleted}\")");
            }

            if (FindMarker(probe, page.Vocabulary.Lexicon.Gate.Blocked) is { } blocked)
            {
                return (NotArticleReason.Blocked, $"the fetch hit a verification wall (\"{blocked}\")");
            }
        }

        return visible < ExtractionTuning.Default.GateMinVisibleText ? (NotArticleReason.EmptyPage, $"the page has {visible} visible characters") : null;
    }

    private static string? FindMarker(string text, IReadOnlyList<string> markers)
    {
        foreach (var marker in markers)
        {
            if (text.Contains(marker, StringComparison.OrdinalIgnoreCase))
            {
                return marker;
            }
        }

        return null;
    }
}
