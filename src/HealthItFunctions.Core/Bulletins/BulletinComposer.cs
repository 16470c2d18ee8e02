namespace HealthItFunctions.Core.Bulletins;

/// <summary>Assembles the document of a month: 期号 from the numbering, dated the month's last day as every reference issue is.</summary>
public sealed class BulletinComposer(IssueNumbering numbering)
{
    public BulletinDocument Compose(BulletinMonth month, IReadOnlyList<BulletinItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return new BulletinDocument(month, numbering.IssueOf(month), month.LastDay, items.ToArray());
    }
}
