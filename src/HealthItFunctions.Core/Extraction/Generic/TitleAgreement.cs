namespace HealthItFunctions.Core.Extraction.Generic;

/// <summary>
/// Whether a heading names the same article as a reference title (&lt;title&gt;, og:title), which may add site and
/// channel names or shorten the headline: most of the heading's character pairs must occur in the reference.
/// </summary>
internal static class TitleAgreement
{
    public static bool Agrees(string squashedHeading, string squashedReference)
    {
        if (squashedHeading.Length < 2 || squashedReference.Length < 2)
        {
            return false;
        }

        if (squashedReference.Contains(squashedHeading, StringComparison.Ordinal) || squashedHeading.Contains(squashedReference, StringComparison.Ordinal))
        {
            return true;
        }

        var pairs = new HashSet<int>(squashedReference.Length);
        for (var i = 1; i < squashedReference.Length; i++)
        {
            pairs.Add((squashedReference[i - 1] << 16) | squashedReference[i]);
        }

        var shared = 0;
        for (var i = 1; i < squashedHeading.Length; i++)
        {
            if (pairs.Contains((squashedHeading[i - 1] << 16) | squashedHeading[i]))
            {
                shared++;
            }
        }

        return shared >= ExtractionTuning.Default.TitleMinSharedPairs * (squashedHeading.Length - 1);
    }
}
