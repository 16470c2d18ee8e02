namespace HealthItFunctions.Core.Bulletins;

/// <summary>Settings section "Bulletin": what the masthead says and how issues are numbered.</summary>
public sealed class BulletinOptions
{
    public const string Section = "Bulletin";

    /// <summary>The month of 第一期 (yyyy-MM); later months count on from it.</summary>
    public string FirstIssueMonth { get; set; } = "2018-04";

    /// <summary>
    /// Month (yyyy-MM) → issue number, for the day the numbering breaks (a skipped or doubled issue).
    /// An override fixes its month's number and the months after it count on from there.
    /// </summary>
    public Dictionary<string, int> IssueOverrides { get; set; } = new();

    public string Publisher { get; set; } = "北京市卫生健康委信息中心";

    public string Title { get; set; } = "北京卫生信息化舆情监测月报";

    /// <summary>What the 导语 says was monitored (…监测范围包括{Scope}等).</summary>
    public string Scope { get; set; } = "北京市主流媒体及政府网站";

    /// <summary>The review page's address (e.g. https://…/api/review); the draft notice links to it with ?month=yyyy-MM.</summary>
    public string? ReviewUrl { get; set; }

    /// <summary>
    /// Days after the first draft when an unapproved bulletin goes to the readers anyway, approved as "auto".
    /// 0, the default, never distributes without an editor.
    /// </summary>
    public int AutoDistributeAfterDays { get; set; }
}
