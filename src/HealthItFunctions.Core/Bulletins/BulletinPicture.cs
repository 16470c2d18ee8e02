namespace HealthItFunctions.Core.Bulletins;

/// <summary>A picture of an item's 主要内容, with its bytes: ready to embed (Word, mail) or to archive beside the HTML.</summary>
/// <param name="Position">Body paragraphs before it, as stored at ingest.</param>
/// <param name="FileName">Unique within the bulletin (article id and index): the archived blob's name under images/ and the mail's Content-ID.</param>
/// <param name="ContentType">image/png or image/jpeg.</param>
public sealed record BulletinPicture(
    int Position,
    string FileName,
    string ContentType,
    byte[] Content,
    int Width,
    int Height,
    string? Caption = null,
    string? Alt = null)
{
    /// <summary>Where the archived HTML and Markdown find it: a folder beside them, in Blob Storage and in an output folder alike.</summary>
    public string ArchivePath => BulletinWording.PictureFolder + "/" + FileName;
}

/// <summary>One block of an item's 主要内容: a paragraph or a picture, in the order the article shows them.</summary>
public readonly record struct BodyBlock(string? Paragraph, BulletinPicture? Picture);
