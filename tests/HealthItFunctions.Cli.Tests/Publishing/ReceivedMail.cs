using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using MimeKit;

namespace HealthItFunctions.Cli.Tests.Publishing;

/// <summary>Reads what a mail client would: the raw MIME, the .docx attachment's text, the archive link.</summary>
internal static partial class ReceivedMail
{
    public static string Raw(MimeMessage message)
    {
        using var stream = new MemoryStream();
        message.WriteTo(stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static MimePart Docx(MimeMessage message) =>
        Assert.Single(message.Attachments.OfType<MimePart>(), a => a.FileName?.EndsWith(".docx", StringComparison.Ordinal) == true);

    public static byte[] Bytes(MimePart part)
    {
        using var stream = new MemoryStream();
        part.Content!.DecodeTo(stream);
        return stream.ToArray();
    }

    /// <summary>The document's text, read by the OpenXml SDK the way Word would open it; throws when it is no valid package.</summary>
    public static string DocxText(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var document = WordprocessingDocument.Open(stream, isEditable: false);
        return string.Join("\n", document.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText));
    }

    public static Uri ArchiveLink(MimeMessage message)
    {
        var match = ArchiveHref().Match(message.HtmlBody ?? "");
        Assert.True(match.Success, "The HTML body has no link to the archived .docx.");
        return new Uri(System.Net.WebUtility.HtmlDecode(match.Groups["url"].Value));
    }

    [GeneratedRegex("""href="(?<url>http[^"]*bulletin-\d{3}-v\d+-[0-9a-f]{12}\.docx[^"]*)" """, RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex ArchiveHref();
}
