using Microsoft.Extensions.Options;

namespace HealthItFunctions.Core.Bulletins;

/// <summary>期号 of a month: one issue per month from <see cref="BulletinOptions.FirstIssueMonth"/>, re-anchored by overrides.</summary>
public sealed class IssueNumbering(IOptions<BulletinOptions> options)
{
    private readonly BulletinMonth _first = BulletinMonth.Parse(options.Value.FirstIssueMonth);

    private readonly SortedDictionary<BulletinMonth, int> _overrides = new(
        options.Value.IssueOverrides.ToDictionary(pair => BulletinMonth.Parse(pair.Key), pair => pair.Value));

    public int IssueOf(BulletinMonth month)
    {
        // The latest anchor at or before the month wins: an override re-bases every month after it,
        // so one entry is enough when the real numbering skipped or repeated an issue.
        var (anchorMonth, anchorIssue) = (_first, 1);
        foreach (var (overrideMonth, issue) in _overrides)
        {
            if (overrideMonth > month)
            {
                break;
            }

            (anchorMonth, anchorIssue) = (overrideMonth, issue);
        }

        var number = anchorIssue + month.MonthsSince(anchorMonth);
        if (number < 1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(month),
                month,
                $"{month} comes before the first issue ({_first}); set {BulletinOptions.Section}:{nameof(BulletinOptions.FirstIssueMonth)} or an override for it.");
        }

        return number;
    }
}
