using System.Security.Cryptography;
using System.Text;

namespace HealthItFunctions.Core.Review;

/// <summary>
/// The review page, served as one document: Page/index.html with Page/review.css and Page/review.js inlined. The
/// sources are embedded in Core, so the Functions app and the local host serve the very same bytes; one request,
/// so the page also works where every request needs a function key (?code=).
/// </summary>
public static class ReviewPage
{
    private static readonly Lazy<(byte[] Html, string Policy)> Composed = new(Compose);

    public static byte[] Html => Composed.Value.Html;

    public const string ContentType = "text/html; charset=utf-8";

    /// <summary>
    /// Only the page's own script may run (by hash). Styles may be inline because the preview iframe (srcdoc,
    /// sandboxed without scripts) inherits this policy and the bulletin HTML carries its own &lt;style&gt;.
    /// </summary>
    public static string ContentSecurityPolicy => Composed.Value.Policy;

    private static (byte[], string) Compose()
    {
        var html = Read("index.html");
        var css = Read("review.css");
        var script = Read("review.js");
        html = Replace(html, "<link rel=\"stylesheet\" href=\"review.css\">", $"<style>\n{css}</style>");
        html = Replace(html, "<script src=\"review.js\"></script>", $"<script>{script}</script>");
        var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(script)));
        var policy = $"default-src 'none'; script-src 'sha256-{hash}'; style-src 'unsafe-inline'; img-src data:; connect-src 'self'; " +
            "frame-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
        return (Encoding.UTF8.GetBytes(html), policy);
    }

    private static string Replace(string html, string tag, string inline) =>
        html.Contains(tag, StringComparison.Ordinal)
            ? html.Replace(tag, inline, StringComparison.Ordinal)
            : throw new InvalidOperationException($"Review/Page/index.html no longer contains {tag}; keep the tag, the page is composed around it.");

    private static string Read(string file)
    {
        using var stream = typeof(ReviewPage).Assembly.GetManifestResourceStream($"ReviewPage/{file}")
            ?? throw new InvalidOperationException($"The review page file {file} is not embedded; rebuild HealthItFunctions.Core.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
