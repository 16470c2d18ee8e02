using System.Security.Cryptography;
using System.Text;

namespace HealthItFunctions.Core.Urls;

/// <summary>
/// The article's stable id: the first 16 bytes of SHA-256 over the canonical URL, as 32 lower-case hex characters.
/// Safe as a Table Storage RowKey (no '/', '\\', '#', '?') and the same on every run, so inserts are idempotent.
/// </summary>
public static class ArticleId
{
    public static string From(Uri canonicalUrl)
    {
        if (!canonicalUrl.IsAbsoluteUri)
        {
            throw new ArgumentException($"'{canonicalUrl}' is relative; an article id needs the canonical absolute URL.", nameof(canonicalUrl));
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(canonicalUrl.AbsoluteUri));
        return Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }
}
