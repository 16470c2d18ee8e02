using System.Globalization;
using HealthItFunctions.Core.Extraction.Sources;
using HealthItFunctions.Core.Fetching;
using HealthItFunctions.Core.Sources;

namespace HealthItFunctions.Core.Polling;

/// <summary>The request for one page of a list: a conditional GET, or the rules' POST with {page} filled in.</summary>
public static class ListRequests
{
    public static FetchRequest For(ListRules rules, Uri url, ListPageState? previous = null, int? page = null)
    {
        if (!rules.IsPost)
        {
            return new FetchRequest(url, previous?.ETag, previous?.LastModified);
        }

        var number = page ?? FirstPageNumber(rules);
        return new FetchRequest(url)
        {
            PostBody = (rules.Body ?? "").Replace("{page}", number.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal),
            PostContentType = rules.ContentType ?? "application/json",
        };
    }

    /// <summary>The start URL is page <c>First - 1</c> of a template (1 unless the rules say otherwise).</summary>
    public static int FirstPageNumber(ListRules rules) => (rules.Paging?.First ?? 2) - 1;
}
