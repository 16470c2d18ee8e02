namespace HealthItFunctions.Core.Bulletins;

/// <summary>A bulletin ready to render: its month, 期号, issue date and the editor's items in order.</summary>
public sealed record BulletinDocument(
    BulletinMonth Month,
    int IssueNumber,
    DateOnly IssueDate,
    IReadOnlyList<BulletinItem> Items)
{
    /// <summary>
    /// First day of the range the 导语 states. The references state the whole month even when an item
    /// was published outside it (issue 41 lists a 2021-09-01 item and still says 08月01日到08月31日).
    /// </summary>
    public DateOnly CoverageStart => Month.FirstDay;

    public DateOnly CoverageEnd => Month.LastDay;
}

public enum BulletinFormat
{
    Markdown,
    Html,
    Docx,
}

/// <summary>Turns a bulletin into one file format; every format says the same lines as the Markdown one.</summary>
public interface IBulletinRenderer
{
    BulletinFormat Format { get; }

    /// <summary>Without the dot: "md", "html", "docx".</summary>
    string FileExtension { get; }

    string ContentType { get; }

    byte[] Render(BulletinDocument document);
}
