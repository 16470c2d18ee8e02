namespace HealthItFunctions.Core.Bulletins;

/// <summary>One bulletin item as the editor finalized it; a bulletin keeps its items in editor order.</summary>
/// <param name="Title">Headline as shown in 目录 and 具体内容.</param>
/// <param name="Media">The outlet named in （媒体） and 媒体：.</param>
/// <param name="Url">The article's address, shown on the 链接 line.</param>
/// <param name="PublishedAt">When the outlet published it; an item may belong to a month it was not published in (issue 41 lists a 2021-09-01 item).</param>
/// <param name="Paragraphs">The 主要内容 body, one entry per paragraph.</param>
public sealed record BulletinItem(
    string Title,
    string Media,
    string Url,
    DateTimeOffset? PublishedAt,
    IReadOnlyList<string> Paragraphs)
{
    /// <summary>
    /// The 来源 the item's header credits; null means <see cref="Media"/>, as in every reference item. It differs when
    /// the page names an author account or the original outlet of a reprint.
    /// </summary>
    public string? Credit { get; init; }

    /// <summary>The body's pictures the editor kept, each placed among <see cref="Paragraphs"/>.</summary>
    public IReadOnlyList<BulletinPicture> Pictures { get; init; } = [];
}
